import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldStatus, worstStatus, type FieldRecords, type FieldStatus } from '../../domain/field-status';
import { getService } from '../get-service';

type Row = Record<string, unknown> & { documentId: string; locale: string };

export interface FieldTodo {
  field: string;
  status: Exclude<FieldStatus, 'current'>;
}

export interface TodoItem {
  documentId: string;
  title: unknown;
  locale: string;
  status: Exclude<FieldStatus, 'current'>;
  /** The fields behind the status: what the translator has to do. */
  fields: FieldTodo[];
}

/**
 * Per document and locale, the worst of its translatable fields: missing (empty), untranslated
 * (the source's text), outdated (the source changed since the field was translated) or current.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');

  /** Each translatable field's status in a translation (`translation` null: the locale does not exist). */
  function fieldStatuses(uid: string, source: Row, translation: Row | null): FieldTodo[] {
    const records = (translation?.translationSources ?? {}) as FieldRecords;
    const rules = model().fieldRules();
    const sources = model().translatableTexts(uid, source);
    const translations = model().translatableTexts(uid, translation);
    return Object.keys(sources)
      .map((name) => ({
        field: name,
        status: fieldStatus({ source: sources[name], translation: translations[name], recordedSource: records[name]?.source }, rules),
      }))
      .filter((item): item is FieldTodo => item.status !== null && item.status !== 'current');
  }

  return {
    fieldStatuses,

    /** A translator's to-do in one locale across every localized type, worst first, with the counts. */
    async queue(locale: unknown) {
      const locales = await model().configuredLocales();
      const source = await model().sourceLocale();
      if (typeof locale !== 'string' || !locales.includes(locale) || locale === source) {
        throw new errors.ValidationError(`locale must be one of ${locales.filter((code) => code !== source).join(', ')}`, {
          code: 'INVALID_LOCALE',
        });
      }
      const uids = Object.keys(strapi.contentTypes).filter((uid) => model().isLocalized(uid));
      const items: (TodoItem & { contentType: string })[] = [];
      const counts = { current: 0, outdated: 0, untranslated: 0, missing: 0 };
      for (const uid of uids) {
        const report = await this.report(uid);
        for (const [status, count] of Object.entries(report.locales[locale] ?? {})) counts[status as FieldStatus] += count;
        items.push(...report.todo.filter((item) => item.locale === locale).map((item) => ({ contentType: uid, ...item })));
      }
      const order: FieldStatus[] = ['missing', 'untranslated', 'outdated'];
      items.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
      return { locale, sourceLocale: source, counts, items };
    },

    async report(uid: unknown) {
      if (typeof uid !== 'string' || !strapi.contentTypes[uid as UID.ContentType]) {
        throw new errors.ValidationError('contentType must be the uid of a content type, e.g. api::event.event', {
          code: 'INVALID_CONTENT_TYPE',
        });
      }
      if (!model().isLocalized(uid)) throw new errors.ValidationError(`${uid} is not localized`, { code: 'INVALID_CONTENT_TYPE' });
      const source = await model().sourceLocale();
      const targets = (await model().configuredLocales()).filter((locale) => locale !== source);
      const { select: fields, populate } = model().translatableRead(uid);
      const titleField = ['title', 'name'].find((field) => field in strapi.getModel(uid as UID.ContentType).attributes);

      // Drafts are the latest version of every locale.
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { publishedAt: null },
        select: ['documentId', 'locale', 'translationSources', ...new Set([...fields, ...(titleField ? [titleField] : [])])],
        populate,
      })) as Row[];
      const byDocument = new Map<string, Map<string, Row>>();
      for (const row of rows) byDocument.set(row.documentId, (byDocument.get(row.documentId) ?? new Map()).set(row.locale, row));

      const locales = Object.fromEntries(targets.map((locale) => [locale, { current: 0, outdated: 0, untranslated: 0, missing: 0 }]));
      const todo: TodoItem[] = [];
      for (const [documentId, versions] of byDocument) {
        const original = versions.get(source);
        if (!original) continue;
        for (const locale of targets) {
          const translation = versions.get(locale) ?? null;
          const behind = fieldStatuses(uid, original, translation);
          const status = translation ? worstStatus(behind.map((item) => item.status)) : 'missing';
          locales[locale][status] += 1;
          if (status !== 'current')
            todo.push({ documentId, title: titleField ? original[titleField] : documentId, locale, status, fields: behind });
        }
      }
      return { contentType: uid, sourceLocale: source, locales, todo };
    },
  };
};
