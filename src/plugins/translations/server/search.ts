import type { Core, UID } from '@strapi/strapi';
import { documentReadScope } from '../../shared/read-scope';
import { getService } from './get-service';

const pick = (params: Params, keys: string[]) =>
  Object.fromEntries(keys.filter((key) => key in params).map((key) => [key, params[key as keyof Params]]));

type Search = { uid: string; query: string };
type Params = {
  where?: unknown;
  filters?: unknown;
  _q?: unknown;
  data?: Record<string, unknown>;
  orderBy?: unknown;
  limit?: number;
  offset?: number;
};
type Event = {
  model: { uid: string };
  params: Params;
  result?: unknown;
  state: { ids?: number[]; order?: number[] };
};

/** The `?q=` of the Document Service read under way (findMany and its count). */
const searchRead = documentReadScope<Search>();
export const withSearch = <T>(search: Search, read: () => T): T => searchRead.run(search, read);

/**
 * The ranked matches of a request's search, with the SQL of the rows they were ranked among: the
 * count of the same rows reads this list, not the search index a second time.
 */
const ranked = new WeakMap<Search, { among: string; ids: number[] }>();

const hasOrder = (orderBy: unknown) =>
  orderBy !== undefined && orderBy !== null && !(Array.isArray(orderBy) && orderBy.length === 0) && orderBy !== '';

/**
 * The search index follows the rows at the query engine, so that every write path (Document
 * Service, the query engine, bulk inserts) keeps it current; and a search read becomes, at the
 * same level, `id IN (rows whose text holds the query)`, ranked when no sort is asked.
 */
export function followRows(strapi: Core.Strapi, uids: string[]) {
  const index = () => getService(strapi, 'search-index');
  const touches = (uid: string, data: Record<string, unknown> | undefined) =>
    getService(strapi, 'model')
      .searchFields(uid)
      .some((field) => data && field in data);
  /** The ids the read's own conditions allow, what the count applies too (`_q`, the Document Service's `filters`), so that page and total agree. */
  const allowedRows = (uid: string, params: Params) =>
    strapi.db
      .queryBuilder(uid)
      .init(pick(params, ['where', 'filters', '_q']) as never)
      .select(['id'])
      .getKnexQuery();
  const idsWhere = async (uid: string, where: unknown) =>
    ((await strapi.db.query(uid as UID.ContentType).findMany({ where, select: ['id'] })) as { id: number }[]).map((row) => row.id);

  strapi.db.lifecycles.subscribe({
    models: uids,
    async afterCreate(event: Event) {
      const row = event.result as { id: number } & Record<string, unknown>;
      await index().reindex(event.model.uid, [row.id], [row]);
    },
    async afterCreateMany(event: Event) {
      await index().reindex(event.model.uid, (event.result as { ids: number[] }).ids);
    },
    async afterUpdate(event: Event) {
      const row = event.result as ({ id: number } & Record<string, unknown>) | null;
      if (row && touches(event.model.uid, event.params.data)) await index().reindex(event.model.uid, [row.id], [row]);
    },
    async beforeUpdateMany(event: Event) {
      if (touches(event.model.uid, event.params.data)) event.state.ids = await idsWhere(event.model.uid, event.params.where);
    },
    async afterUpdateMany(event: Event) {
      if (event.state.ids) await index().reindex(event.model.uid, event.state.ids);
    },
    async afterDelete(event: Event) {
      const row = event.result as { id: number } | null;
      if (row) await index().reindex(event.model.uid, [row.id]);
    },
    async beforeDeleteMany(event: Event) {
      event.state.ids = await idsWhere(event.model.uid, event.params.where);
    },
    async afterDeleteMany(event: Event) {
      await index().reindex(event.model.uid, event.state.ids ?? []);
    },

    async beforeCount(event: Event) {
      const search = searchRead.take(event.model.uid);
      if (!search) return;
      const matches = ranked.get(search);
      const list = matches && matches.among === allowedRows(search.uid, event.params).toString() && index().idList(matches.ids);
      if (list) {
        event.params.where = { id: { $in: list } };
        return;
      }
      event.params.where = { $and: [event.params.where ?? {}, { id: { $in: index().matching(search.uid, search.query) } }] };
    },
    async beforeFindMany(event: Event) {
      const search = searchRead.take(event.model.uid);
      if (!search) return;
      const where = { $and: [event.params.where ?? {}, { id: { $in: index().matching(search.uid, search.query) } }] };
      const { limit } = event.params;
      // A sort asked (fallback lists always sort), or every match at once: no ranking.
      if (hasOrder(event.params.orderBy) || typeof limit !== 'number' || limit < 0) {
        event.params.where = where;
        return;
      }
      // No sort asked: the page is the best-ranked rows among those the filters allow.
      const allowed = allowedRows(search.uid, event.params);
      const ids = await index().rankedIds(search.uid, search.query, allowed);
      ranked.set(search, { among: allowed.toString(), ids });
      const offset = event.params.offset ?? 0;
      const order = ids.slice(offset, offset + limit);
      event.params.where = { id: { $in: order } };
      delete event.params.offset;
      event.state.order = order;
    },
    async afterFindMany(event: Event) {
      const { order } = event.state;
      if (!order || !Array.isArray(event.result)) return;
      const rank = new Map(order.map((id, position) => [id, position]));
      (event.result as { id: number }[]).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    },
  } as never);
}
