import { bootApp, TestApp } from '../helpers/strapi';

/**
 * The indexes the content types declare (`indexes` in schema.json, created and kept by Strapi's schema
 * sync) exist on the database, and the queries public requests run use them: each request's SQL is
 * captured as it runs and explained on the same database.
 */
let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.destroy();
});

interface Captured {
  sql: string;
  bindings: unknown[];
}

const isPostgres = () => app.strapi.db.dialect.client === 'postgres';

/** The SELECTs a public GET runs on `table`, as the database received them. */
async function selectsOf(url: string, table: string): Promise<Captured[]> {
  const knex = app.strapi.db.connection;
  const captured: Captured[] = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) => {
    if (/^\s*select/i.test(query.sql)) captured.push({ sql: query.sql, bindings: query.bindings ?? [] });
  };
  knex.client.on('query', listen);
  try {
    const response = await app.request().get(url);
    expect(response.status).toBe(200);
  } finally {
    knex.client.removeListener('query', listen);
  }
  const found = captured.filter(({ sql }) => new RegExp(`from (?:[\`"]?\\w+[\`"]?\\.)?[\`"]?${table}[\`"]? as`, 'i').test(sql));
  expect(found.length).toBeGreaterThan(0);
  return found;
}

/** The database's plan for a captured query, one line per step. */
async function planOf({ sql, bindings }: Captured): Promise<string> {
  const knex = app.strapi.db.connection;
  // knex hands PostgreSQL numbered placeholders; raw() takes `?` in the same order.
  const query = sql.replace(/\$\d+/g, '?');
  if (isPostgres()) {
    return knex.transaction(async (trx) => {
      // A test database is small enough that PostgreSQL would rather read a table whole whatever its
      // indexes; forbidding that for this plan shows whether an index can serve the query.
      await trx.raw('SET LOCAL enable_seqscan = off');
      const { rows } = await trx.raw(`EXPLAIN ${query}`, bindings);
      return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    });
  }
  const rows = await knex.raw(`EXPLAIN QUERY PLAN ${query}`, bindings);
  return rows.map((row: { detail: string }) => row.detail).join('\n');
}

/** The steps of a plan that read a whole table rather than through an index. */
const tableScans = (plan: string) => plan.split('\n').filter((step) => /^\s*SCAN \w+\s*$/.test(step) || /Seq Scan/.test(step));

async function indexNames(table: string): Promise<string[]> {
  const indexes = await app.strapi.db.dialect.schemaInspector.getIndexes(table);
  return indexes.map((index: { name: string }) => index.name);
}

describe('declared indexes', () => {
  it('exist on the database for every content type that declares them', async () => {
    let declared = 0;
    for (const contentType of Object.values(app.strapi.contentTypes) as { collectionName: string; indexes?: { name: string }[] }[]) {
      if (!contentType.indexes?.length) continue;
      const names = await indexNames(contentType.collectionName);
      for (const index of contentType.indexes) {
        declared += 1;
        expect({ table: contentType.collectionName, index: index.name, exists: names.includes(index.name) }).toEqual(
          expect.objectContaining({ exists: true }),
        );
      }
    }
    expect(declared).toBeGreaterThan(20);
  });
});

describe('public reads use an index', () => {
  it('finds a stocktaking entry by slug in a locale through the slug index (the rows and the count)', async () => {
    const listed = await app.request().get('/api/stocktaking-entries').query({ locale: 'en', 'pagination[pageSize]': 1 }).expect(200);
    const { slug } = listed.body.data[0];
    const selects = await selectsOf(
      `/api/stocktaking-entries?locale=fr&filters[slug][$eq]=${encodeURIComponent(slug)}`,
      'stocktaking_entries',
    );
    const bySlug = selects.filter(({ sql }) => /slug/.test(sql.split(/ where /i)[1] ?? ''));
    expect(bySlug.length).toBeGreaterThanOrEqual(2);
    for (const select of bySlug) {
      const plan = await planOf(select);
      // SQLite, without statistics, takes the index that matches the most equalities; PostgreSQL
      // weighs the few rows of a test database and may take an index that starts with the locale instead.
      expect(plan).toMatch(isPostgres() ? /stocktaking_entries_(slug|locale|title)_idx/ : /stocktaking_entries_slug_idx/);
      expect(tableScans(plan)).toEqual([]);
    }
  });

  it('filters entries by action line reading no table whole (the link table’s and the code’s indexes)', async () => {
    const selects = await selectsOf('/api/stocktaking-entries?locale=fr&filters[actionLines][code][$eq]=C7', 'stocktaking_entries');
    const byActionLine = selects.filter(({ sql }) => /action_lines/.test(sql));
    expect(byActionLine.length).toBeGreaterThan(0);
    for (const select of byActionLine) {
      const plan = await planOf(select);
      expect(plan).toMatch(/stocktaking_entries_action_lines_lnk_\w+|action_lines_code_idx/);
      expect(tableScans(plan)).toEqual([]);
    }
  });

  it('lists a locale’s published events in date order through the locale and date indexes', async () => {
    const selects = await selectsOf('/api/events?locale=fr&sort=startsAt:asc', 'events');
    for (const select of selects) {
      const plan = await planOf(select);
      expect(plan).toMatch(/events_(locale|starts_at)_idx/);
      expect(tableScans(plan)).toEqual([]);
    }
  });

  it('lists a locale’s entries of an action line in title order through the title index, sorting nothing', async () => {
    const selects = await selectsOf(
      '/api/stocktaking-entries?locale=fr&filters[actionLines][code][$eq]=C7&sort[0]=title:asc',
      'stocktaking_entries',
    );
    const page = selects.filter(({ sql }) => /order by/i.test(sql));
    expect(page.length).toBeGreaterThan(0);
    for (const select of page) {
      const plan = await planOf(select);
      expect(plan).toMatch(/stocktaking_entries_title_idx/);
      expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY|Sort Key/);
      expect(tableScans(plan)).toEqual([]);
    }
  });

  it('searches `q=` through the search index’s trigram index, never reading the content table whole', async () => {
    const selects = await selectsOf('/api/stocktaking-entries?locale=fr&q=societe%20de%20l', 'stocktaking_entries');
    const searches = selects.filter(({ sql }) => /stocktaking_entries_search/.test(sql));
    // The ranked page reads the index once; its count reads the ranked list it kept, not the index again.
    expect(searches).toHaveLength(1);
    const counts = selects.filter(({ sql }) => /count\(/i.test(sql));
    expect(counts.length).toBeGreaterThanOrEqual(1);
    for (const select of searches) {
      const plan = await planOf(select);
      // SQLite: FTS5 answers LIKE from its trigram index ('L' in its plan); PostgreSQL: pg_trgm's GIN index.
      // PostgreSQL weighs the few rows of a test database and may join through the side table's key instead.
      expect(plan).toMatch(isPostgres() ? /stocktaking_entries_search_(trgm|pkey)/ : /VIRTUAL TABLE INDEX \d+:[^\n]*L/);
      expect(tableScans(plan)).toEqual([]);
    }
    // The matching rows alone, as any query reaches them: through the trigram index.
    const matching = app.strapi
      .plugin('translations')
      .service('search-index')
      .matching('api::stocktaking-entry.stocktaking-entry', 'societe de l');
    const plan = await planOf(matching.toSQL());
    expect(plan).toMatch(isPostgres() ? /Bitmap Index Scan on stocktaking_entries_search_trgm/ : /VIRTUAL TABLE INDEX \d+:L/);
  });
});

describe('writes use an index', () => {
  it('places a new link among its target’s others from the order index alone (a session in its edition)', async () => {
    const knex = app.strapi.db.connection;
    const [edition] = await app.strapi.documents('api::forum-edition.forum-edition').findMany({ limit: 1, fields: ['documentId'] });
    const captured: Captured[] = [];
    const listen = (query: { sql: string; bindings?: unknown[] }) => {
      if (/max\(/i.test(query.sql)) captured.push({ sql: query.sql, bindings: query.bindings ?? [] });
    };
    knex.client.on('query', listen);
    try {
      await app.strapi.documents('api::forum-session.forum-session').create({
        data: { title: 'An order index session', sessionType: 'thematic_workshop', edition: edition.documentId } as never,
      });
    } finally {
      knex.client.removeListener('query', listen);
    }
    // Strapi reads the largest place of the edition's sessions before it links the new one.
    const placing = captured.filter(({ sql }) => /forum_sessions_edition_lnk/.test(sql) && /forum_session_ord/.test(sql));
    expect(placing).toHaveLength(1);
    expect(await indexNames('forum_sessions_edition_lnk')).toContain('forum_sessions_edition_lnk_forum_session_ord_idx');
    // With its statistics, PostgreSQL reads the index alone (its visibility map says the rows need no visit).
    if (isPostgres()) await knex.raw('VACUUM ANALYZE ??', [`${app.strapi.db.getSchemaName()}.forum_sessions_edition_lnk`]);
    const plan = await planOf(placing[0]);
    expect(plan).toMatch(
      isPostgres()
        ? /Index Only Scan using forum_sessions_edition_lnk_forum_session_ord_idx/
        : /USING COVERING INDEX forum_sessions_edition_lnk_forum_session_ord_idx/,
    );
  });
});
