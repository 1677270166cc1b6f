import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isEmpty } from '../domain/fallback';
import { comparableText, isCopyOfSource } from '../domain/field-status';
import extendControllers from './extend-controllers';
import { getService } from './get-service';
import { withSearch } from './search';
import { defaultLocale } from '../../shared/i18n';

const HIDDEN = { private: true, configurable: false, visible: false, writable: false };
const WRITES = new Set(['create', 'update', 'publish']);
const READS_WITH_SEARCH = new Set(['findMany', 'count']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // A hidden attribute (as i18n adds `locale`): the source a translation was made from.
  for (const uid of Object.keys(strapi.contentTypes)) {
    if (!getService(strapi, 'model').isLocalized(uid)) continue;
    const { attributes } = strapi.contentTypes[uid as UID.ContentType] as unknown as { attributes: Record<string, unknown> };
    attributes.translationSources = { type: 'json', ...HIDDEN };
  }

  extendControllers(strapi);

  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    if (!getService(strapi, 'model').isLocalized(uid)) return next();
    const params = context.params as {
      documentId?: string;
      locale?: string;
      status?: string;
      data?: Record<string, unknown>;
      filters?: unknown;
    };

    if (READS_WITH_SEARCH.has(context.action)) {
      // `?q=` of the current request, set by the controller for this content type.
      const search = strapi.requestContext.get()?.state?.translationsSearch as { uid: string; query: string } | undefined;
      return search?.uid === uid ? withSearch(search, next) : next();
    }
    if (!WRITES.has(context.action)) return next();

    if (context.action === 'publish' || params.status === 'published') await assertRequiredTranslations(strapi, uid, params);
    const result = await next();
    // A translation saved (not a publish, which copies the draft): the source it was made from.
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    if (documentId && context.action !== 'publish' && params.locale && params.locale !== '*')
      await getService(strapi, 'derived-fields').refresh(uid, documentId, params.locale);
    return result;
  });
};

/**
 * Publication waits until the required fields exist in every required locale (the official call
 * in six languages), each a translation: the source locale's text in another locale is not one.
 */
async function assertRequiredTranslations(
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> },
) {
  const required = (
    strapi.plugin('translations').config('requiredTranslations') as Record<string, { fields: string[]; locales: string[] }>
  )[uid];
  if (!required) return;
  const model = getService(strapi, 'model');
  const rows = params.documentId
    ? await strapi.db
        .query(uid as UID.ContentType)
        .findMany({ where: { documentId: params.documentId, publishedAt: null }, select: ['locale', ...required.fields] })
    : [];
  const writing = params.locale ?? (await defaultLocale(strapi));
  const source = await model.sourceLocale();
  const versionIn = (locale: string): Record<string, unknown> => ({
    ...(rows.find((candidate) => candidate.locale === locale) ?? {}),
    ...(locale === writing ? (params.data ?? {}) : {}),
  });
  const translatable = new Map(model.translatableFields(uid).map(({ name, type }) => [name, type]));
  const textIn = (locale: string, field: string) => comparableText(versionIn(locale)[field], translatable.get(field) ?? 'string');
  const copied = (locale: string, field: string) =>
    translatable.has(field) && isCopyOfSource(textIn(locale, field), textIn(source, field), model.fieldRules());

  const missing = required.locales.filter((locale) => required.fields.some((field) => isEmpty(versionIn(locale)[field])));
  const untranslated = required.locales.filter(
    (locale) => locale !== source && !missing.includes(locale) && required.fields.some((field) => copied(locale, field)),
  );
  if (missing.length > 0 || untranslated.length > 0) {
    const problems = [
      missing.length ? `missing in ${missing.join(', ')}` : '',
      untranslated.length ? `the ${source} text in ${untranslated.join(', ')}` : '',
    ];
    throw new errors.ValidationError(
      `Cannot publish before ${required.fields.join(', ')} is translated: ${problems.filter(Boolean).join('; ')}`,
      {
        code: 'TRANSLATIONS_INCOMPLETE',
        missing,
        untranslated,
        fields: required.fields,
      },
    );
  }
}
