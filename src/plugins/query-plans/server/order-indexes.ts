import type { Core } from '@strapi/strapi';
import { qualifiedTable } from '../../shared/tables';
import { orderIndexName } from '../domain/index-names';

type JoinTable = {
  name: string;
  inverseJoinColumn: { name: string };
  inverseOrderColumnName?: string;
  on?: unknown;
  morphColumn?: unknown;
};

/** The join tables of the content types' relations that keep an inverse order (a call's entries, in order). */
function orderedLinks(strapi: Core.Strapi, uids: string[]) {
  const links = new Map<string, { table: string; target: string; order: string }>();
  for (const uid of uids) {
    const attributes = (strapi.db.metadata.get(uid)?.attributes ?? {}) as Record<string, { type: string; joinTable?: JoinTable }>;
    for (const attribute of Object.values(attributes)) {
      const link = attribute.type === 'relation' ? attribute.joinTable : undefined;
      if (link?.inverseOrderColumnName && !link.on && !link.morphColumn)
        links.set(`${link.name}.${link.inverseOrderColumnName}`, {
          table: link.name,
          target: link.inverseJoinColumn.name,
          order: link.inverseOrderColumnName,
        });
    }
  }
  return [...links.values()];
}

/**
 * Strapi keeps each document's place among the others linked to the same target (a call's
 * entries) in the join table's inverse order column. Every connect reads the largest place so far,
 * `SELECT target, max(order) … WHERE target IN (…) GROUP BY target`, and Strapi's own indexes hold
 * the target and the order apart: the database reads every link of the target, row by row, on
 * each write (0.6 ms for a call of 3,300 entries, and more as it grows). An index on both
 * answers from the index alone.
 * Strapi's schema sync leaves an index it did not make in place; this one is made at every boot if
 * missing (a table Strapi rebuilt loses it).
 */
export async function ensureOrderIndexes(strapi: Core.Strapi, uids: string[]): Promise<void> {
  const knex = strapi.db.connection;
  for (const { table, target, order } of orderedLinks(strapi, uids)) {
    const name = orderIndexName(table, order);
    try {
      await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [name, qualifiedTable(strapi, table), target, order]);
    } catch (error) {
      // Another instance booting at the same moment may have made it; reads and writes stay correct without it.
      strapi.log.warn(`query-plans: index ${name} on ${table} not made: ${(error as Error).message}`);
    }
  }
}
