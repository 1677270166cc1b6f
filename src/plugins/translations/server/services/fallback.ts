import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fallbackChain, fillFromFallbacks, InvalidFallbackError, parseSort } from '../../domain/fallback';
import { getService } from '../get-service';
import { comparableText, isCopyOfSource } from '../../domain/field-status';
import { documentsOf, type DocumentRow } from '../../../shared/documents';
import { withFallbackChain } from '../fallback-rows';

type Row = DocumentRow;
/** Attribute types a list cannot be sorted by. */
const UNSORTABLE = new Set(['relation', 'component', 'dynamiczone', 'media', 'json', 'blocks']);
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt'];
type Controller = {
  validateQuery(ctx: unknown): Promise<void>;
  sanitizeQuery(ctx: unknown): Promise<Record<string, unknown>>;
  sanitizeOutput(data: unknown, ctx: unknown): Promise<unknown>;
  transformResponse(data: unknown, meta?: unknown): unknown;
};

/**
 * Reading with `?fallbackLocale=`: each document comes in the first locale of the chain that it
 * exists in, its empty localized fields filled from the next ones, and says so in
 * `localization`. Filters and sort apply to the version served; pages cut the merged list.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');

  const chainFor = async (ctx: { query: Record<string, unknown> }) => {
    const locales: string[] = await model().configuredLocales();
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : await model().sourceLocale();
    try {
      return fallbackChain(locale, ctx.query.fallbackLocale, locales);
    } catch (error) {
      if (error instanceof InvalidFallbackError) {
        throw new errors.ValidationError(error.message, { code: error.code, locale: error.locale, locales });
      }
      throw error;
    }
  };

  /** The same versions in the later locales of the chain, to fill empty fields from. */
  async function fallbackVersions(uid: string, chain: string[], served: Map<string, string>, status: string) {
    const fields = model().localizedFields(uid);
    const versions = new Map<string, Row[]>();
    for (const locale of chain.slice(1)) {
      const ids = [...served.entries()].filter(([, servedBy]) => chain.indexOf(servedBy) < chain.indexOf(locale)).map(([id]) => id);
      if (!ids.length || !fields.length) continue;
      const rows = await documentsOf(strapi, uid).findMany({ locale, status, filters: { documentId: { $in: ids } }, fields });
      for (const row of rows) versions.set(row.documentId, [...(versions.get(row.documentId) ?? []), { ...row, locale }]);
    }
    return versions;
  }

  function withProvenance(uid: string, chain: string[], row: Row, fallbacks: Row[]) {
    const ordered = [...fallbacks].sort((a, b) => chain.indexOf(String(a.locale)) - chain.indexOf(String(b.locale)));
    const types = new Map(
      model()
        .translatableFields(uid)
        .map(({ name, type }) => [name, type]),
    );
    const rules = model().fieldRules();
    const sameText = (field: string, served: unknown, fallback: unknown) => {
      const type = types.get(field);
      return type !== undefined && isCopyOfSource(comparableText(served, type), comparableText(fallback, type), rules);
    };
    const { filled, fallbackFields, fieldLocales } = fillFromFallbacks(row, ordered, model().localizedFields(uid), sameText);
    return { data: filled, localization: { requestedLocale: chain[0], servedLocale: String(row.locale), fallbackFields, fieldLocales } };
  }

  return {
    chainFor,

    async find(controller: Controller, ctx: { query: Record<string, unknown> }, uid: string) {
      const chain = await chainFor(ctx);
      delete ctx.query.fallbackLocale;
      await controller.validateQuery(ctx);
      const query = await controller.sanitizeQuery(ctx);
      const status = query.status === 'draft' ? 'draft' : 'published';
      const sort = parseSort(query.sort);
      const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { type: string }>;
      for (const { field } of sort) {
        const sortable = field in attributes ? !UNSORTABLE.has(attributes[field].type) : SYSTEM_FIELDS.includes(field);
        if (!sortable) {
          throw new errors.ValidationError(`With fallbackLocale, sort by the type's own fields only (not "${field}")`, {
            code: 'INVALID_SORT',
            field,
          });
        }
      }
      const order = [
        ...(sort.length ? sort : [{ field: 'createdAt', order: 'asc' as const }]),
        { field: 'documentId', order: 'asc' as const },
      ];
      const documents = documentsOf(strapi, uid);

      // Of each document, the version served (fallback-rows.ts): filtered, sorted, counted and cut
      // into pages by the database.
      const read = { uid, chain, status } as const;
      const versions = { locale: '*', status, filters: query.filters };
      const { start, limit, page, pageSize } = pagination(strapi, ctx.query.pagination);
      const slice = await withFallbackChain(read, () =>
        documents.findMany({ ...versions, sort: order.map(({ field, order }) => ({ [field]: order })), fields: ['locale'], start, limit }),
      );
      const total = await withFallbackChain(read, () => documents.count(versions));

      const served = new Map(slice.map((row) => [row.documentId, String(row.locale)]));
      const full = new Map<string, Row>();
      for (const locale of new Set(served.values())) {
        const ids = [...served.entries()].filter(([, servedBy]) => servedBy === locale).map(([id]) => id);
        const rows = await documents.findMany({
          locale,
          status,
          filters: { documentId: { $in: ids } },
          populate: query.populate,
          fields: query.fields,
        });
        for (const row of rows) full.set(row.documentId, row);
      }
      const fallbacks = await fallbackVersions(uid, chain, served, status);
      const results = slice.map((row) => withProvenance(uid, chain, full.get(row.documentId)!, fallbacks.get(row.documentId) ?? []));
      const sanitized = (await controller.sanitizeOutput(
        results.map((result) => result.data),
        ctx,
      )) as Record<string, unknown>[];
      const data = sanitized.map((entity, index) => ({ ...entity, localization: results[index].localization }));
      return {
        data,
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    async findOne(controller: Controller, ctx: { query: Record<string, unknown>; params: { id: string } }, uid: string) {
      const chain = await chainFor(ctx);
      delete ctx.query.fallbackLocale;
      await controller.validateQuery(ctx);
      const query = await controller.sanitizeQuery(ctx);
      const status = query.status === 'draft' ? 'draft' : 'published';
      const documentId = ctx.params.id;
      for (const locale of chain) {
        const row = await documentsOf(strapi, uid).findOne({ documentId, locale, status, populate: query.populate, fields: query.fields });
        if (!row) continue;
        const fallbacks = (await fallbackVersions(uid, chain, new Map([[documentId, locale]]), status)).get(documentId) ?? [];
        const result = withProvenance(uid, chain, row, fallbacks);
        const sanitized = (await controller.sanitizeOutput(result.data, ctx)) as Record<string, unknown>;
        return { data: { ...sanitized, localization: result.localization }, meta: {} };
      }
      throw new errors.NotFoundError('Not Found');
    },
  };
};

function pagination(strapi: Core.Strapi, raw: unknown) {
  const { defaultLimit = 25, maxLimit = 100 } = (strapi.config.get('api.rest') ?? {}) as { defaultLimit?: number; maxLimit?: number };
  const input = (raw ?? {}) as Record<string, string>;
  if (input.start !== undefined || input.limit !== undefined) {
    const limit = Math.min(Number(input.limit ?? defaultLimit), maxLimit);
    const start = Math.max(Number(input.start ?? 0), 0);
    return { start, limit, page: Math.floor(start / limit) + 1, pageSize: limit };
  }
  const pageSize = Math.min(Math.max(Number(input.pageSize ?? defaultLimit), 1), maxLimit);
  const page = Math.max(Number(input.page ?? 1), 1);
  return { start: (page - 1) * pageSize, limit: pageSize, page, pageSize };
}
