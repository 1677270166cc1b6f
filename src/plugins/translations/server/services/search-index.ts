import { createHash } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SEARCH_TEXT_VERSION, toSearchText } from '../../domain/search-text';
import { qualifiedTable } from '../../../shared/tables';
import { getService } from '../get-service';

const BATCH = 500;
type Row = Record<string, unknown> & { id: number };

/**
 * What `?q=` searches, kept out of the content rows: a side table per searchable type
 * (`<table>_search`, one row per content row, keyed by its id) holding the normalized text of
 * its search fields, indexed for substring search by the database itself: SQLite FTS5 with the
 * trigram tokenizer, PostgreSQL's pg_trgm GIN index (`LIKE '%…%'` uses either from three
 * characters; shorter queries read the side table, not the content table). Other databases get
 * the side table without an index.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = () => getService(strapi, 'model');
  const sqlite = () => strapi.db.dialect.client === 'sqlite';
  const tableOf = (uid: string) => `${strapi.db.metadata.get(uid).tableName}_search`;
  /** FTS5 keys its rows by rowid; elsewhere a primary key column. */
  const idColumn = () => (sqlite() ? 'rowid' : 'row_id');
  const schema = () => strapi.db.getSchemaName() as string | undefined;
  const on = (connection: Knex, uid: string) => {
    const builder = connection(tableOf(uid));
    return schema() ? builder.withSchema(schema() as string) : builder;
  };
  /** Writes join the transaction of the write they follow (SQLite has one connection). */
  const inTransaction = <T>(work: (trx: Knex.Transaction) => Promise<T>) => strapi.db.transaction(({ trx }) => work(trx));
  /**
   * Writes these texts over any stored for the same rows, in one statement. Two instances
   * catching up at once may write the same row. FTS5 tables take no ON CONFLICT clause, but
   * `INSERT OR REPLACE` (which updates their index).
   */
  const upsert = (trx: Knex.Transaction, uid: string, values: Record<string, unknown>[]) => {
    if (!sqlite()) return on(trx, uid).insert(values).onConflict('row_id').merge();
    const rows = values.map(() => '(?, ?)').join(', ');
    return trx.raw(`INSERT OR REPLACE INTO ?? (rowid, text) VALUES ${rows}`, [
      tableOf(uid),
      ...values.flatMap((value) => [value.rowid, value.text]),
    ]);
  };
  /** What the stored texts were made from: a change rebuilds them at boot. */
  const fingerprint = (uid: string) =>
    createHash('sha1')
      .update(JSON.stringify([SEARCH_TEXT_VERSION, model().searchFields(uid)]))
      .digest('hex');

  return {
    searchable(uid: string): boolean {
      return model().isLocalized(uid) && model().searchFields(uid).length > 0;
    },

    /** Creates the side table and its index when missing. */
    async ensureTable(uid: string) {
      const knex = strapi.db.connection;
      const table = tableOf(uid);
      if (sqlite()) {
        await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ?? USING fts5(text, tokenize = 'trigram')`, [table]);
        return;
      }
      const qualified = qualifiedTable(strapi, table);
      // IF NOT EXISTS: instances booting together on one database.
      await knex.raw(`CREATE TABLE IF NOT EXISTS ?? (row_id integer PRIMARY KEY, text text NOT NULL)`, [qualified]);
      if (strapi.db.dialect.client !== 'postgres') return;
      try {
        await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        // The operator class lives in the extension's schema, which need not be on Strapi's search_path.
        const { rows } = await knex.raw(
          `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
        );
        await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? USING gin (text ??)`, [
          `${table}_trgm`,
          qualified,
          `${rows[0].schema}.gin_trgm_ops`,
        ]);
      } catch (error) {
        strapi.log.warn(`[translations] ${table}: no trigram index (${(error as Error).message}); search reads the side table`);
      }
    },

    /** The ids of the rows whose search text holds the query: a subquery for `id: { $in }`. */
    matching(uid: string, query: string): Knex.QueryBuilder {
      return on(strapi.db.connection, uid).select(idColumn()).where('text', 'like', `%${query}%`);
    },

    /**
     * The rows of `candidates` (a subquery of ids) whose text holds the query, best first: the
     * earlier the query appears (the title comes first in the text), then by id.
     */
    async rankedIds(uid: string, query: string, candidates: Knex.QueryBuilder) {
      const position = sqlite() ? 'instr(text, ?)' : 'strpos(text, ?)';
      // `+rowid`: SQLite then reads the matches from the trigram index and checks each against the
      // candidates, rather than looking every candidate up in the index.
      const candidate = sqlite() ? strapi.db.connection.raw('+rowid') : idColumn();
      const ranked = this.matching(uid, query)
        .whereIn(candidate as never, candidates)
        .orderByRaw(`${position}, ${idColumn()}`, [query]);
      // Inside the Document Service's transaction when there is one (SQLite has one connection).
      const rows: Record<string, number>[] = strapi.db.inTransaction()
        ? await inTransaction(async (trx) => ranked.transacting(trx))
        : await ranked;
      return rows.map((row) => Number(row[idColumn()]));
    },

    /** A list of row ids as a subquery with one parameter, however long the list (SQLite and PostgreSQL). */
    idList(ids: number[]): Knex.Raw | undefined {
      const json = JSON.stringify(ids);
      if (sqlite()) return strapi.db.connection.raw('SELECT value FROM json_each(?)', [json]);
      if (strapi.db.dialect.client === 'postgres')
        return strapi.db.connection.raw('SELECT jsonb_array_elements_text(?::jsonb)::integer', [json]);
      return undefined;
    },

    /** Rewrites the search text of these rows (read unless given with their search fields); rows gone lose theirs. */
    async reindex(uid: string, ids: number[], given: Row[] = []) {
      const fields = model().searchFields(uid);
      const known = new Map(given.filter((row) => fields.every((field) => field in row)).map((row) => [row.id, row]));
      for (let start = 0; start < ids.length; start += BATCH) {
        const chunk = ids.slice(start, start + BATCH);
        const unread = chunk.filter((id) => !known.has(id));
        const read = unread.length
          ? ((await strapi.db
              .query(uid as UID.ContentType)
              .findMany({ where: { id: { $in: unread } }, select: ['id', ...fields] })) as Row[])
          : [];
        const rows = [...chunk.flatMap((id) => known.get(id) ?? []), ...read];
        const values = rows.map((row) => ({ [idColumn()]: row.id, text: toSearchText(...fields.map((field) => row[field])) }));
        const kept = new Set(rows.map((row) => row.id));
        const gone = chunk.filter((id) => !kept.has(id));
        await inTransaction(async (trx) => {
          if (gone.length) await on(trx, uid).whereIn(idColumn(), gone).delete();
          if (values.length) await upsert(trx, uid, values);
        });
      }
    },

    /**
     * At boot: every text again if the search fields or the normal form changed; rows written
     * before the index (or by SQL, or with lifecycles off) get their text; rows deleted lose theirs.
     * Rows updated by SQL keep their old text until written again.
     */
    async synchronize(uid: string) {
      const content = strapi.db.metadata.get(uid).tableName;
      const knex = strapi.db.connection;
      const store = strapi.store({ type: 'plugin', name: 'translations', key: `search-index:${uid}` });
      const made = fingerprint(uid);
      if ((await store.get({})) !== made) await on(knex, uid).delete();
      await on(knex, uid).whereNotIn(idColumn(), strapi.db.getConnection(content).select('id')).delete();
      for (;;) {
        const missing = await strapi.db.getConnection(content).select('id').whereNotIn('id', on(knex, uid).select(idColumn())).limit(BATCH);
        if (!missing.length) break;
        await this.reindex(
          uid,
          missing.map((row: { id: number }) => Number(row.id)),
        );
      }
      await store.set({ value: made });
    },
  };
};
