import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sourceHash, translationStatus, type TranslationStatus } from '../../domain/source-hash';
import { getService } from '../get-service';

/** Per document and locale: missing, outdated (the source changed since) or current. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');

  return {
    async report(uid: unknown) {
      if (typeof uid !== 'string' || !strapi.contentTypes[uid as UID.ContentType]) {
        throw new errors.ValidationError('contentType must be the uid of a content type, e.g. api::event.event', { code: 'INVALID_CONTENT_TYPE' });
      }
      if (!model().isLocalized(uid)) throw new errors.ValidationError(`${uid} is not localized`, { code: 'INVALID_CONTENT_TYPE' });
      const source: string = await model().sourceLocale();
      const targets = (await model().configuredLocales()).filter((locale: string) => locale !== source);
      const fields: string[] = model().localizedFields(uid);
      const titleField = ['title', 'name'].find((field) => field in strapi.getModel(uid as UID.ContentType).attributes);

      // Drafts are the latest version of every locale.
      const rows = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { publishedAt: null },
        select: ['documentId', 'locale', 'translationSourceHash', ...fields],
      });
      const byDocument = new Map<string, Map<string, Record<string, unknown>>>();
      for (const row of rows) byDocument.set(row.documentId, (byDocument.get(row.documentId) ?? new Map()).set(row.locale, row));

      const locales = Object.fromEntries(targets.map((locale) => [locale, { current: 0, outdated: 0, missing: 0 }]));
      const todo: { documentId: string; title: unknown; locale: string; status: TranslationStatus }[] = [];
      for (const [documentId, versions] of byDocument) {
        const original = versions.get(source);
        if (!original) continue;
        const hash = sourceHash(original, fields);
        for (const locale of targets) {
          const status = translationStatus(hash, (versions.get(locale) as { translationSourceHash?: string }) ?? null);
          locales[locale][status] += 1;
          if (status !== 'current') todo.push({ documentId, title: titleField ? original[titleField] : documentId, locale, status });
        }
      }
      return { contentType: uid, sourceLocale: source, locales, todo };
    },
  };
};
