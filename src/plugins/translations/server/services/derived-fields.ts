import type { Core, UID } from '@strapi/strapi';
import { updatedRecords, type FieldRecords } from '../../domain/field-status';
import { toSearchText } from '../../domain/search-text';
import { getService } from '../get-service';

/**
 * The two hidden attributes this plugin keeps on every row: `searchText` (what `?q=` searches)
 * and, on translations, `translationSources`: per translatable field, the hashes of its text and
 * of the source locale's text when it was last changed (what makes it outdated later).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');

  return {
    /** The comparable text of each translatable field of the source locale's draft (null without one). */
    async sourceTexts(uid: string, documentId: string): Promise<Record<string, string> | null> {
      const source = await strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, locale: await model().sourceLocale(), publishedAt: null },
        ...model().translatableRead(uid),
      });
      return source ? model().translatableTexts(uid, source) : null;
    },

    /** Recomputes the derived attributes of one document's rows in one locale after a write. */
    async refresh(uid: string, documentId: string, locale: string | undefined, { translationSaved }: { translationSaved: boolean }) {
      const query = strapi.db.query(uid as UID.ContentType);
      const searchFields = model().searchFields(uid);
      const localized = model().isLocalized(uid);
      const translation = localized && translationSaved && locale !== undefined && locale !== (await model().sourceLocale());
      const read = translation ? model().translatableRead(uid) : { select: [], populate: {} };
      const sources = translation ? await this.sourceTexts(uid, documentId) : null;
      const rows = await query.findMany({
        where: localized && locale ? { documentId, locale } : { documentId },
        select: ['id', 'locale', ...new Set([...searchFields, ...read.select, ...(sources ? ['translationSources'] : [])])],
        populate: read.populate,
      });
      for (const row of rows) {
        const data: Record<string, unknown> = {};
        if (searchFields.length) data.searchText = toSearchText(...searchFields.map((field) => row[field]));
        if (sources) {
          const translations = model().translatableTexts(uid, row);
          const texts = Object.fromEntries(
            Object.entries(sources).map(([name, source]) => [name, { source, translation: translations[name] ?? '' }]),
          );
          data.translationSources = updatedRecords(row.translationSources as FieldRecords | null, texts);
        }
        // One UPDATE: update() would also read the row before and after.
        if (Object.keys(data).length) await query.updateMany({ where: { id: row.id }, data });
      }
    },

    /** Rows written before this plugin (or by SQL) get their search text once. */
    async backfill(uid: string) {
      const searchFields = model().searchFields(uid);
      if (!searchFields.length) return;
      const query = strapi.db.query(uid as UID.ContentType);
      const rows = await query.findMany({ where: { searchText: { $null: true } }, select: ['id', ...searchFields] });
      for (const row of rows)
        await query.update({ where: { id: row.id }, data: { searchText: toSearchText(...searchFields.map((field) => row[field])) } });
    },
  };
};
