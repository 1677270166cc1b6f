import type { Core, UID } from '@strapi/strapi';
import { slugCandidates, slugFromText, stableSlugId } from '../../domain/slug';
import { defaultLocale as defaultLocaleOf } from '../../../shared/i18n';

type Data = Record<string, unknown>;
const FIRST_CANDIDATES = 20;
interface SlugField {
  field: string;
  targetField: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The uid attributes of a content type that are derived from another field. */
  slugFields(uid: UID.ContentType): SlugField[] {
    const configured = strapi.plugin('slugs').config('contentTypes') as string[] | null;
    if (configured ? !configured.includes(uid) : !uid.startsWith('api::')) return [];
    const { attributes } = strapi.getModel(uid);
    return Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'uid' && 'targetField' in attribute && attribute.targetField)
      .map(([field, attribute]) => ({ field, targetField: (attribute as { targetField: string }).targetField }));
  },

  /**
   * Fills every empty slug of `data`: from its target field, else from the same document's slug
   * in another locale (the default first), else a stable id. Unique per locale.
   */
  async fillSlugs(uid: UID.ContentType, data: Data, { locale, documentId }: { locale?: string; documentId?: string }) {
    for (const { field, targetField } of this.slugFields(uid)) {
      const given = data[field];
      if (typeof given === 'string' && given.trim() !== '') continue;
      // An update that does not send the slug keeps the one the document has: links stay stable.
      if (documentId && !(field in data) && (await this.hasSlug(uid, field, documentId, locale))) continue;

      const source = data[targetField] ?? (documentId ? await this.currentValue(uid, targetField, documentId, locale) : undefined);
      const base =
        slugFromText(source) ||
        (documentId ? await this.slugInAnotherLocale(uid, field, documentId) : '') ||
        stableSlugId(strapi.getModel(uid).info.singularName, source);
      data[field] = await this.uniqueSlug(uid, field, base, { locale, documentId });
    }
    return data;
  },

  /**
   * The first of `base`, `base-2`, ... that no other document has in this locale. The candidates are
   * looked up by equality, in batches that double (the slug index answers), not by prefix: a `LIKE`
   * cannot use the index on either database and read the whole table on every write.
   */
  async uniqueSlug(uid: UID.ContentType, field: string, base: string, { locale, documentId }: { locale?: string; documentId?: string }) {
    const where: Record<string, unknown> = {};
    if (locale && isLocalized(strapi, uid)) where.locale = locale;
    if (documentId) where.documentId = { $ne: documentId };
    for (let from = 1, count = FIRST_CANDIDATES; ; from += count, count *= 2) {
      const candidates = slugCandidates(base, from, count);
      const rows = await strapi.db.query(uid).findMany({ where: { ...where, [field]: { $in: candidates } }, select: [field] });
      const taken = new Set(rows.map((row) => row[field]));
      const free = candidates.find((candidate) => !taken.has(candidate));
      if (free) return free;
    }
  },

  async hasSlug(uid: UID.ContentType, field: string, documentId: string, locale?: string) {
    const row = await strapi.db.query(uid).findOne({ where: whereDocument(strapi, uid, documentId, locale), select: [field] });
    return Boolean(row?.[field]);
  },

  async currentValue(uid: UID.ContentType, field: string, documentId: string, locale?: string) {
    const row = await strapi.db.query(uid).findOne({ where: whereDocument(strapi, uid, documentId, locale), select: [field] });
    return row?.[field];
  },

  async slugInAnotherLocale(uid: UID.ContentType, field: string, documentId: string): Promise<string> {
    const rows = await strapi.db.query(uid).findMany({ where: { documentId }, select: [field, 'locale'] });
    const defaultLocale = await defaultLocaleOf(strapi);
    const ordered = [...rows].sort((a, b) => Number(b.locale === defaultLocale) - Number(a.locale === defaultLocale));
    return ordered.find((row) => row[field])?.[field] ?? '';
  },
});

const isLocalized = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Boolean((strapi.getModel(uid).pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);

function whereDocument(strapi: Core.Strapi, uid: UID.ContentType, documentId: string, locale?: string) {
  return locale && isLocalized(strapi, uid) ? { documentId, locale } : { documentId };
}
