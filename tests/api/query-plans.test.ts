import { bootApp, TestApp } from '../helpers/strapi';

/**
 * Relation filters are read as semi-joins (the query-plans plugin) where that keeps Strapi's rows:
 * each filter here is asked twice, once as written (rewritten) and once wrapped in a one-branch
 * `$or` (which keeps Strapi's joins), and both must answer the same documents in the same order
 * with the same total.
 */
let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.destroy();
});

type Listed = { data: { documentId: string }[]; meta: { pagination: { total: number } } };

/** The SELECTs on the entries table a GET runs, and its answer. */
async function read(query: Record<string, string>): Promise<{ body: Listed; selects: string[] }> {
  const knex = app.strapi.db.connection;
  const selects: string[] = [];
  const listen = (event: { sql: string }) => {
    if (/^\s*select.*from\s+("public"\.)?["`]?stocktaking_entries["`]?\s+as/i.test(event.sql)) selects.push(event.sql);
  };
  knex.client.on('query', listen);
  try {
    const response = await app.request().get('/api/stocktaking-entries').query(query).set('cache-control', 'no-cache');
    expect(response.status).toBe(200);
    return { body: response.body as Listed, selects };
  } finally {
    knex.client.removeListener('query', listen);
  }
}

const asJoin = (query: Record<string, string>) =>
  Object.fromEntries(Object.entries(query).map(([key, value]) => [key.replace(/^filters\[/, 'filters[$or][0]['), value]));

describe('relation filters', () => {
  it.each([
    ['an action line code', { 'filters[actionLines][code][$eq]': 'C3' }],
    [
      'action line codes, sorted',
      { 'filters[actionLines][code][$in][0]': 'C3', 'filters[actionLines][code][$in][1]': 'C7', 'sort[0]': 'title:asc' },
    ],
    ['a case-insensitive part of an action line title', { 'filters[actionLines][title][$containsi]': 'INFRASTRUCTURE' }],
    ['two relations at once', { 'filters[actionLines][code][$startsWith]': 'C', 'filters[countries][code][$notNull]': 'true' }],
  ])('%s: the same documents as Strapi joins, without DISTINCT', async (_name, query) => {
    const paged = { ...query, 'pagination[pageSize]': '100' };
    const semi = await read(paged);
    const joined = await read(asJoin(paged));
    expect(semi.body.meta.pagination.total).toBeGreaterThan(0);
    // In the same order where the query sorts; without a sort, the database chooses it.
    const ids = (body: Listed) => body.data.map((entry) => entry.documentId);
    const inOrder = (list: string[]) => ('sort[0]' in query ? list : [...list].sort());
    expect(inOrder(ids(semi.body))).toEqual(inOrder(ids(joined.body)));
    expect(semi.body.meta.pagination.total).toBe(joined.body.meta.pagination.total);
    expect(joined.selects.some((sql) => /select distinct/i.test(sql))).toBe(true);
    expect(semi.selects.filter((sql) => /select distinct|join/i.test(sql))).toEqual([]);
  });

  it('keeps joins where a semi-join would change the rows ($not, a test NULL passes)', async () => {
    for (const query of [{ 'filters[$not][actionLines][code][$eq]': 'C3' }, { 'filters[actionLines][code][$null]': 'true' }]) {
      const { selects } = await read(query);
      expect(selects.some((sql) => /join/i.test(sql))).toBe(true);
    }
  });
});
