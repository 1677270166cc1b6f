import type { Core, UID } from '@strapi/strapi';
import { updatedRecords, type FieldRecords } from '../../domain/field-status';
import { getService } from '../get-service';

/**
 * The hidden attribute this plugin keeps on translations, `translationSources`: per translatable
 * field, the hashes of its text and of the source locale's text when it was last changed (what
 * makes it outdated later). The search text lives in the search index, not on the rows.
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

    /** After a translation is saved in `locale`: records, per field, the source text it was made from. */
    async refresh(uid: string, documentId: string, locale: string) {
      if (!model().isLocalized(uid) || locale === (await model().sourceLocale())) return;
      const sources = await this.sourceTexts(uid, documentId);
      if (!sources) return;
      const query = strapi.db.query(uid as UID.ContentType);
      const read = model().translatableRead(uid);
      const rows = await query.findMany({
        where: { documentId, locale },
        select: ['id', ...new Set([...read.select, 'translationSources'])],
        populate: read.populate,
      });
      for (const row of rows) {
        const translations = model().translatableTexts(uid, row);
        const texts = Object.fromEntries(
          Object.entries(sources).map(([name, source]) => [name, { source, translation: translations[name] ?? '' }]),
        );
        const translationSources = updatedRecords(row.translationSources as FieldRecords | null, texts);
        // One UPDATE: update() would also read the row before and after.
        await query.updateMany({ where: { id: row.id }, data: { translationSources } });
      }
    },
  };
};
