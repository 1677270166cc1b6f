import type { Core } from '@strapi/strapi';

/**
 * A table as raw knex reads it, for the few queries the query engine cannot write (joins across a
 * join table, correlated subqueries): its name with the database schema, and the column of each
 * attribute of a content type's table.
 */
export function tableOf(strapi: Core.Strapi, uid: string) {
  const metadata = strapi.db.metadata.get(uid) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  return {
    name: qualifiedTable(strapi, metadata.tableName),
    has: (attribute: string) => attribute in metadata.attributes,
    column: (attribute: string) => metadata.attributes[attribute]?.columnName ?? attribute,
  };
}

/** A table name with the database schema, when there is one (PostgreSQL). */
export function qualifiedTable(strapi: Core.Strapi, tableName: string): string {
  const schema = strapi.db.getSchemaName() as string | undefined;
  return schema ? `${schema}.${tableName}` : tableName;
}
