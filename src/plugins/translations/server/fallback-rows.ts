import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import type { Knex } from 'knex';
import { documentReadScope } from '../../shared/read-scope';
import { tableOf } from '../../shared/tables';

type FallbackRead = { uid: string; chain: string[]; status: 'draft' | 'published' };
type Event = { model: { uid: string }; params: { where?: unknown } };

/** The fallback chain of the Document Service read under way (its findMany or its count). */
const fallbackRead = documentReadScope<FallbackRead>();
export const withFallbackChain = <T>(read: FallbackRead, fn: () => Promise<T>): Promise<T> => fallbackRead.run(read, fn);

/**
 * A fallback list (`?locale=fr&fallbackLocale=en`) reads, in the database, the rows it serves: of
 * each document, the row in the first locale of the chain it exists in (in the status read). The
 * Document Service's own read becomes, at the query engine, `id IN (those rows)`, so its filters,
 * sort, pages and count work on the versions served, in SQL.
 */
export function servedRowsOnly(strapi: Core.Strapi, uids: string[]) {
  const servedRows = ({ uid, chain, status }: FallbackRead): Knex.QueryBuilder => {
    const knex = strapi.db.connection;
    const table = tableOf(strapi, uid);
    const [documentId, locale, publishedAt] = [table.column('documentId'), table.column('locale'), table.column('publishedAt')];
    const from = (alias: string) => knex({ [alias]: table.name });
    const draftAndPublish = contentTypes.hasDraftAndPublish(strapi.getModel(uid as UID.ContentType));
    const inStatus = (builder: Knex.QueryBuilder, alias: string) => {
      if (!draftAndPublish) return builder;
      return status === 'draft' ? builder.whereNull(`${alias}.${publishedAt}`) : builder.whereNotNull(`${alias}.${publishedAt}`);
    };
    // A locale's place in the chain; the positions are ours, the locale codes bound. Not a
    // condition an index answers on `locale`: so SQLite reads the rows from the covering
    // (document_id, locale, published_at) index rather than each row of the table.
    const place = `CASE ?? ${chain.map((_, position) => `WHEN ? THEN ${position}`).join(' ')} END`;
    const placeOf = (alias: string) => [`${alias}.${locale}`, ...chain];
    const earlier = inStatus(from('earlier').select(knex.raw('1')), 'earlier')
      .whereRaw('?? = ??', [`earlier.${documentId}`, `served.${documentId}`])
      .whereIn(`earlier.${locale}`, chain)
      .whereRaw(`${place} < ${place}`, [...placeOf('earlier'), ...placeOf('served')]);
    return inStatus(from('served').select('served.id'), 'served')
      .whereRaw(`${place} IS NOT NULL`, placeOf('served'))
      .where((first) => first.where(`served.${locale}`, chain[0]).orWhereNotExists(earlier));
  };

  const onlyServed = (event: Event) => {
    const read = fallbackRead.take(event.model.uid);
    if (!read) return;
    event.params.where = { $and: [event.params.where ?? {}, { id: { $in: servedRows(read) } }] };
  };
  strapi.db.lifecycles.subscribe({ models: uids, beforeFindMany: onlyServed, beforeCount: onlyServed } as never);
}
