import type { Core, UID } from '@strapi/strapi';
import { toSearchText } from '../../domain/search-text';
import { sourceHash } from '../../domain/source-hash';
import { getService } from '../get-service';

/**
 * The two hidden attributes this plugin keeps on every row: `searchText` (what `?q=` searches)
 * and `translationSourceHash` (the source-language content a translation was made from).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');

  return {
    /** The hash of the source-language draft of a document now. */
    async currentSourceHash(uid: string, documentId: string): Promise<string | null> {
      const fields = model().localizedFields(uid);
      const source = await strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, locale: await model().sourceLocale(), publishedAt: null },
        select: fields,
      });
      return source ? sourceHash(source, fields) : null;
    },

    /** Recomputes the derived attributes of one document's rows in one locale after a write. */
    async refresh(uid: string, documentId: string, locale: string | undefined, { translationSaved }: { translationSaved: boolean }) {
      const query = strapi.db.query(uid as UID.ContentType);
      const searchFields = model().searchFields(uid);
      const localized = model().isLocalized(uid);
      const rows = await query.findMany({
        where: localized && locale ? { documentId, locale } : { documentId },
        select: ['id', 'locale', ...searchFields],
      });
      const hash = localized && translationSaved && locale && locale !== (await model().sourceLocale())
        ? await this.currentSourceHash(uid, documentId)
        : undefined;
      for (const row of rows) {
        const data: Record<string, unknown> = {};
        if (searchFields.length) data.searchText = toSearchText(...searchFields.map((field) => row[field]));
        if (hash !== undefined) data.translationSourceHash = hash;
        if (Object.keys(data).length) await query.update({ where: { id: row.id }, data });
      }
    },

    /** Rows written before this plugin (or by SQL) get their search text once. */
    async backfill(uid: string) {
      const searchFields = model().searchFields(uid);
      if (!searchFields.length) return;
      const query = strapi.db.query(uid as UID.ContentType);
      const rows = await query.findMany({ where: { searchText: { $null: true } }, select: ['id', ...searchFields] });
      for (const row of rows) await query.update({ where: { id: row.id }, data: { searchText: toSearchText(...searchFields.map((field) => row[field])) } });
    },
  };
};
