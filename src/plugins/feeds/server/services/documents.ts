import type { Core, UID } from '@strapi/strapi';
import { compareBy } from '../../domain/sorting';
import { documentsOf } from '../../../shared/documents';
import { invalid, notFound } from '../../../shared/errors';
import { i18nLocales as i18nLocalesOf } from '../../../shared/i18n';

/** A document as the Document Service returns it. */
export type Doc = Record<string, unknown> & { id: number; documentId: string; locale?: string; updatedAt?: string | Date };

/** The Document Service of one content type, with the parameters and results the plugin uses. */
export interface DocumentsOf {
  findMany(params: Record<string, unknown>): Promise<Doc[]>;
  findOne(params: Record<string, unknown> & { documentId: string }): Promise<Doc | null>;
  count(params: Record<string, unknown>): Promise<number>;
}
type Attribute = { type: string; target?: string; component?: string; private?: boolean };

/** Query parameters of the REST list that the plugin's routes take too. */
const LIST_PARAMETERS = ['filters', 'sort', 'locale', 'status', 'fields', 'populate', 'pagination'];
/** Returned with every document without being attributes. */
const IMPLICIT_FIELDS = ['id', 'documentId'];
/** Attributes read through `populate`, not `fields`. */
const NOT_SCALAR = ['relation', 'media', 'component', 'dynamiczone'];

/**
 * Reads published documents for calendars, feeds and exports: in the requested locale, checked
 * and sanitised exactly as the REST list checks its query.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as UID.ContentType);
  const attributesOf = (uid: string) => (model(uid)?.attributes ?? {}) as Record<string, Attribute>;
  const isLocalized = (uid: string) =>
    Boolean((model(uid)?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);
  const hasDraftAndPublish = (uid: string) => Boolean(model(uid)?.options?.draftAndPublish);
  /** Absent when the i18n plugin is not installed. */
  const i18nLocales = () => i18nLocalesOf(strapi);

  const service = {
    isLocalized,
    hasDraftAndPublish,

    /** The Document Service of a content type named in configuration (see shared/documents). */
    documentsOf: (uid: string) => documentsOf(strapi, uid) as DocumentsOf,

    async defaultLocale(): Promise<string | undefined> {
      return i18nLocales()?.getDefaultLocale();
    },

    /**
     * The list parameters of a request, validated as the REST list validates them (unknown or
     * private fields, bad operators: 400) and sanitised for the caller's permissions.
     */
    async listQuery(uid: string, query: Record<string, unknown>, auth: unknown): Promise<Record<string, unknown>> {
      const picked = Object.fromEntries(Object.entries(query ?? {}).filter(([key]) => LIST_PARAMETERS.includes(key)));
      await strapi.contentAPI.validate.query(picked, model(uid), { auth });
      return (await strapi.contentAPI.sanitize.query(picked, model(uid), { auth })) as Record<string, unknown>;
    },

    /**
     * Published documents (or those of the request's `status`) in `locale`, completed with the default locale's version of those that
     * have no translation yet (a calendar or feed lists every item, in the best language it has).
     */
    async findInLocale(
      uid: string,
      {
        locale,
        filters,
        sort,
        populate,
        limit,
        status = 'published',
      }: { locale?: string; filters?: unknown; sort: string[]; populate?: unknown; limit?: number; status?: unknown },
    ): Promise<Doc[]> {
      const documents = service.documentsOf(uid);
      const params = (forLocale?: string) => ({
        filters,
        sort,
        populate,
        ...(limit ? { limit } : {}),
        ...(isLocalized(uid) && forLocale ? { locale: forLocale } : {}),
        // The request's own status, if any: the Document Service decides who may read drafts.
        ...(hasDraftAndPublish(uid) || status !== 'published' ? { status } : {}),
      });
      const found = await documents.findMany(params(locale));
      const defaultLocale = await service.defaultLocale();
      if (!isLocalized(uid) || !locale || locale === defaultLocale) return found;

      const present = new Set(found.map((document) => document.documentId));
      const fallback = (await documents.findMany(params(defaultLocale))).filter((document) => !present.has(document.documentId));
      const merged = [...found, ...fallback].sort(compareBy(sort));
      return limit ? merged.slice(0, limit) : merged;
    },

    /**
     * The published document whose `key` attribute (a slug) is `value` in any locale, read in
     * `locale` (else the default locale). 404 when there is none.
     */
    async findByKey(uid: string, key: string, value: string, { locale, populate }: { locale?: string; populate?: unknown }): Promise<Doc> {
      const where: Record<string, unknown> = { [key]: value };
      if (hasDraftAndPublish(uid)) where.publishedAt = { $notNull: true };
      const row =
        typeof value === 'string' && value
          ? await strapi.db.query(uid as UID.ContentType).findOne({ where, select: ['documentId'] })
          : null;
      const name = model(uid).info.singularName;
      if (!row) throw notFound('UNKNOWN_SLUG', `No published ${name} has the ${key} "${value}"`, { [key]: value });

      const read = (forLocale?: string) =>
        service.documentsOf(uid).findOne({
          documentId: row.documentId,
          populate,
          ...(isLocalized(uid) && forLocale ? { locale: forLocale } : {}),
          ...(hasDraftAndPublish(uid) ? { status: 'published' } : {}),
        });
      const found = (await read(locale)) ?? (await read(await service.defaultLocale()));
      if (!found) throw notFound('UNKNOWN_SLUG', `No published ${name} has the ${key} "${value}"`, { [key]: value });
      return found;
    },

    /**
     * The Document Service `populate` that reads every attribute path (`venue.timezone`,
     * `actionLines.code`, `documents.url`): components, relations and media on the way; scalar
     * attributes need none. A relation or component read for its scalar attributes reads only
     * those (`call.edition`: not the call's rich texts, on each of 100,000 exported rows).
     */
    populateFor(uid: string, paths: string[]): Record<string, unknown> {
      const populate: Record<string, unknown> = {};
      for (const path of paths) {
        const [head, ...rest] = path.split('.');
        if (IMPLICIT_FIELDS.includes(head)) continue;
        const attribute = attributesOf(uid)[head];
        if (!attribute) throw new Error(`feeds: ${uid} has no attribute "${head}" (in "${path}")`);
        const target = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
        if (attribute.type === 'media') {
          populate[head] = true;
          continue;
        }
        if (!target) continue;
        // `true`: every field of the target; `{ fields?, populate? }`: without `fields`, every field too.
        const current = populate[head] as true | undefined | { fields?: string[]; populate?: Record<string, unknown> };
        const nested = typeof current === 'object' ? current : {};
        const leaf = rest.length === 1 ? attributesOf(target)[rest[0]] : undefined;
        if (rest.length === 0 || (rest.length === 1 && (!leaf || NOT_SCALAR.includes(leaf.type)))) {
          // The whole target (`id`, `documentId`, or a relation without a path below it), as before.
          populate[head] = nested.populate ? { populate: nested.populate } : true;
        } else if (rest.length === 1) {
          const everyField = current === true || (current !== undefined && !nested.fields);
          if (!everyField) populate[head] = { ...nested, fields: [...new Set([...(nested.fields ?? []), rest[0]])] };
        } else {
          const below = service.populateFor(target, [rest.join('.')]);
          populate[head] = { ...nested, populate: { ...nested.populate, ...below } };
        }
      }
      return populate;
    },

    /** Attribute paths that reach a private attribute: configuration must not publish them. */
    privatePaths(uid: string, paths: string[]): string[] {
      return paths.filter((path) => {
        let current = uid;
        for (const key of path.split('.')) {
          const attribute = attributesOf(current)[key];
          if (!attribute) return false;
          if (attribute.private || attribute.target === 'plugin::users-permissions.user' || attribute.target?.startsWith('admin::'))
            return true;
          const next = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
          if (!next) return false;
          current = next;
        }
        return false;
      });
    },

    /** Checks a request's locale against the configured ones (the REST API answers 400 INVALID_LOCALE too). */
    async requestLocale(value: unknown): Promise<string | undefined> {
      if (value === undefined) return service.defaultLocale();
      const locales = ((await i18nLocales()?.find()) ?? []).map((entry) => entry.code);
      if (typeof value !== 'string' || !locales.includes(value)) {
        throw invalid('INVALID_LOCALE', `Unknown locale "${String(value)}". Use one of: ${locales.join(', ')}.`, {
          locale: value,
          locales,
        });
      }
      return value;
    },
  };
  return service;
};
