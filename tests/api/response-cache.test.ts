import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/auth';
import { rawBody } from '../helpers/formats';

const EVENTS = 'api::event.event';
const PERMISSION = 'plugin::users-permissions.permission';

let app: TestApp;
let token: string;
const sql: string[] = [];
beforeAll(async () => {
  app = await bootApp();
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  token = await fullAccessToken(app.strapi);
  app.strapi.db.connection.on('query', (query: { sql: string }) => sql.push(query.sql));
});
afterAll(async () => {
  app?.strapi.plugin('deadlines').service('clock').set(null);
  await app?.destroy();
});

const get = (path: string, query: Record<string, string> = {}) => rawBody(app.request().get(path).query(query));
const withToken = (path: string, query: Record<string, string> = {}) =>
  rawBody(app.request().get(path).query(query).set('Authorization', `Bearer ${token}`));
const json = (body: Buffer) => JSON.parse(body.toString('utf8'));

/** The queries a request sends to the tables named (SQLite quotes with backticks, PostgreSQL with double quotes). */
async function queriesOf<T>(tables: string[], request: () => Promise<T>): Promise<{ response: T; queries: number }> {
  sql.length = 0;
  const response = await request();
  const touches = (statement: string) => tables.some((table) => new RegExp(`[\`"]${table}[\`"]`).test(statement));
  return { response, queries: sql.filter(touches).length };
}

async function createEvent(title: string, query: Record<string, string> = {}) {
  const response = await app
    .request()
    .post('/api/events')
    .query(query)
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title, startsAt: '2011-11-20T09:00:00.000Z', scope: 'regional', timezone: 'Europe/Zurich' } })
    .expect(201);
  return response.body.data.documentId as string;
}

describe('a validator known before the body: 304 without running the query', () => {
  it('answers a matching If-None-Match on a list with 304, reading only the content version', async () => {
    const first = await get('/api/events', { sort: 'title:asc' }).expect(200);
    expect(first.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const { response, queries } = await queriesOf(['events'], () =>
      get('/api/events', { sort: 'title:asc' }).set('If-None-Match', first.headers.etag).expect(304),
    );
    expect(queries).toBe(0);
    expect(sql.some((statement) => /strapi_core_store_settings/.test(statement))).toBe(true);
    expect(response.headers.etag).toBe(first.headers.etag);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers.vary).toMatch(/Authorization/);
    expect(response.body.length ?? 0).toBe(0);
  });

  it('answers 304 to a single document too, and not to the ETag of another query', async () => {
    const documentId = json((await get('/api/events').expect(200)).body).data[0].documentId;
    const one = await get(`/api/events/${documentId}`).expect(200);
    const { queries } = await queriesOf(['events'], () =>
      get(`/api/events/${documentId}`).set('If-None-Match', one.headers.etag).expect(304),
    );
    expect(queries).toBe(0);
    await get('/api/events', { sort: 'title:desc' }).set('If-None-Match', one.headers.etag).expect(200);
  });

  it('keeps the strong hash of the bytes where the version cannot decide (a custom route, a reader with credentials)', async () => {
    const credentialed = await withToken('/api/events').expect(200);
    expect(credentialed.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const current = await get('/api/stocktaking-calls/current');
    if (current.status === 200) expect(current.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });
});

describe('a write on any path makes old validators and kept bodies stale', () => {
  let documentId: string;
  const list = () => get('/api/events', { 'pagination[pageSize]': '100' }).expect(200);

  it('after a publish through REST', async () => {
    const before = await list();
    documentId = await createEvent('Cache probe: publish');
    const after = await get('/api/events', { 'pagination[pageSize]': '100' }).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.toString('utf8')).toContain('Cache probe: publish');
  });

  it('after an update through REST', async () => {
    const before = await get(`/api/events/${documentId}`).expect(200);
    await app
      .request()
      .put(`/api/events/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Cache probe: updated' } })
      .expect(200);
    const after = await get(`/api/events/${documentId}`).set('If-None-Match', before.headers.etag).expect(200);
    expect(json(after.body).data.title).toBe('Cache probe: updated');
    const again = await get(`/api/events/${documentId}`).expect(200);
    expect(json(again.body).data.title).toBe('Cache probe: updated');
  });

  it('after an unpublish through the Document Service in code', async () => {
    const before = await list();
    await app.strapi.documents(EVENTS).unpublish({ documentId });
    const after = await get('/api/events', { 'pagination[pageSize]': '100' }).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.body.toString('utf8')).not.toContain('Cache probe: updated');
    await get(`/api/events/${documentId}`).expect(404);
  });

  it('after a delete through REST', async () => {
    const deleted = await createEvent('Cache probe: delete');
    const before = await list();
    expect(before.body.toString('utf8')).toContain('Cache probe: delete');
    await app.request().delete(`/api/events/${deleted}`).set('Authorization', `Bearer ${token}`).expect(204);
    const after = await get('/api/events', { 'pagination[pageSize]': '100' }).set('If-None-Match', before.headers.etag).expect(200);
    expect(after.body.toString('utf8')).not.toContain('Cache probe: delete');
  });

  it('moves the version once the write is committed, before the write answers; a refused write leaves it', async () => {
    const version = () => app.strapi.plugin('http-cache').service('content-version').current();
    const before = await version();
    sql.length = 0;
    await createEvent('Cache probe: after the commit');
    // Every write updates that one row: held until the write's commit, it made concurrent writes wait in turn.
    const statements = sql.map((statement) => statement.trim().toLowerCase());
    const bump = statements.findIndex((statement) => /^update [`"a-z_.]*strapi_core_store_settings/.test(statement));
    const commits = statements.flatMap((statement, index) => (/^commit/.test(statement) ? [index] : []));
    expect(bump).toBeGreaterThan(-1);
    expect(commits.length).toBeGreaterThan(0);
    expect(commits[0]).toBeLessThan(bump);
    const moved = await version();
    expect(moved.version).not.toBe(before.version);

    const refused = await app
      .request()
      .post('/api/events')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Cache probe: refused', startsAt: 'not a date', scope: 'regional', timezone: 'Europe/Zurich' } });
    expect(refused.status).toBe(400);
    expect((await version()).version).toBe(moved.version);
  });
});

describe('the response cache of anonymous reads', () => {
  const query = { sort: 'startsAt:desc', 'pagination[pageSize]': '3', locale: 'en' };

  it('serves the same bytes and headers as the built response, without a content query', async () => {
    const miss = await queriesOf(['events'], () => get('/api/events', query).expect(200));
    expect(miss.queries).toBeGreaterThan(0);
    const hit = await queriesOf(['events'], () => get('/api/events', query).expect(200));
    expect(hit.queries).toBe(0);
    expect(hit.response.body.equals(miss.response.body)).toBe(true);
    for (const header of ['etag', 'cache-control', 'vary', 'content-type', 'last-modified'])
      expect(hit.response.headers[header]).toBe(miss.response.headers[header]);

    // The parameters in another order are the same request.
    const reordered = await queriesOf(['events'], () =>
      rawBody(app.request().get('/api/events?locale=en&pagination[pageSize]=3&sort=startsAt:desc')).expect(200),
    );
    expect(reordered.queries).toBe(0);
    expect(reordered.response.body.equals(miss.response.body)).toBe(true);

    app.strapi.config.set('plugin::http-cache.responseCache.enabled', false);
    try {
      const uncached = await queriesOf(['events'], () => get('/api/events', query).expect(200));
      expect(uncached.queries).toBeGreaterThan(0);
      expect(uncached.response.body.equals(miss.response.body)).toBe(true);
      expect(uncached.response.headers.etag).toBe(miss.response.headers.etag);
    } finally {
      app.strapi.config.set('plugin::http-cache.responseCache.enabled', true);
    }
    const tokenBody = await withToken('/api/events', query).expect(200);
    expect(tokenBody.body.equals(miss.response.body)).toBe(true);
  });

  it('runs the query for a request that says Cache-Control: no-cache, and keeps its answer for the next reader', async () => {
    const kept = await get('/api/events', query).expect(200);
    const fresh = await queriesOf(['events'], () =>
      rawBody(app.request().get('/api/events').query(query).set('Cache-Control', 'no-cache')).expect(200),
    );
    expect(fresh.queries).toBeGreaterThan(0);
    expect(fresh.response.body.equals(kept.body)).toBe(true);
    expect(fresh.response.headers.etag).toBe(kept.headers.etag);
    // A validation it asks for is still answered from the version alone.
    const validated = await queriesOf(['events'], () =>
      app.request().get('/api/events').query(query).set('Cache-Control', 'no-cache').set('If-None-Match', kept.headers.etag).expect(304),
    );
    expect(validated.queries).toBe(0);
    expect((await queriesOf(['events'], () => get('/api/events', query).expect(200))).queries).toBe(0);
  });

  it('serves a long body the same bytes on every hit, once kept as text and then as UTF-8 bytes', async () => {
    // Over 16 KB, with characters UTF-8 writes in two and three bytes.
    const description = 'القمة العالمية لمجتمع المعلومات 信息社会世界峰会 '.repeat(400);
    const documentId = await createEvent('Long description', { status: 'published' });
    await app
      .request()
      .put(`/api/events/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { description } })
      .expect(200);
    const path = `/api/events/${documentId}`;
    const miss = await get(path).expect(200);
    expect(miss.body.length).toBeGreaterThan(16 * 1024);
    expect(json(miss.body).data.description).toBe(description);
    for (let hit = 0; hit < 3; hit += 1) {
      const { response, queries } = await queriesOf(['events'], () => get(path).expect(200));
      expect(queries).toBe(0);
      expect(response.body.equals(miss.body)).toBe(true);
      expect(response.headers['content-length']).toBe(String(miss.body.length));
      expect(response.headers.etag).toBe(miss.headers.etag);
    }
    const head = await app.request().head(path).expect(200);
    expect(head.headers['content-length']).toBe(String(miss.body.length));
  });

  it('keeps no answer to a request whose key is too long to weigh nothing (a flood of long filters cannot fill memory)', async () => {
    const long = { ...query, 'filters[title][$eq]': 'x'.repeat(3000) };
    await get('/api/events', long).expect(200);
    expect((await queriesOf(['events'], () => get('/api/events', long).expect(200))).queries).toBeGreaterThan(0);
  });

  it('keeps nothing while media are served from a private bucket (their signed URLs expire)', async () => {
    // The machine has no S3 bucket: the provider is made to say what a private one says.
    const provider = app.strapi.plugin('upload').provider as { isPrivate: () => boolean };
    const isPrivate = provider.isPrivate;
    provider.isPrivate = () => true;
    try {
      const first = await get('/api/events', query).expect(200);
      expect(first.headers.etag).not.toMatch(/^W\//);
      expect((await queriesOf(['events'], () => get('/api/events', query).expect(200))).queries).toBeGreaterThan(0);
      await get('/api/events', query).set('If-None-Match', first.headers.etag).expect(304);
    } finally {
      provider.isPrivate = isPrivate;
    }
  });

  it('answers HEAD from a kept GET without a content query', async () => {
    const path = `/api/events?${new URLSearchParams(query).toString()}`;
    const kept = await get('/api/events', query).expect(200);
    const { response, queries } = await queriesOf(['events'], () => app.request().head(path).expect(200));
    expect(queries).toBe(0);
    expect(response.headers.etag).toBe(kept.headers.etag);
  });

  it('never answers a request with credentials from it: a token reading drafts gets drafts', async () => {
    const draft = await createEvent('Cache probe: a draft', { status: 'draft' });
    const anonymous = await get('/api/events', { 'pagination[pageSize]': '100' }).expect(200);
    await get('/api/events', { 'pagination[pageSize]': '100' }).expect(200);
    expect(anonymous.body.toString('utf8')).not.toContain(draft);
    const { response, queries } = await queriesOf(['events'], () =>
      withToken('/api/events', { 'pagination[pageSize]': '100', status: 'draft' }).expect(200),
    );
    expect(queries).toBeGreaterThan(0);
    expect(response.body.toString('utf8')).toContain(draft);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const published = await queriesOf(['events'], () => withToken('/api/events', { 'pagination[pageSize]': '100' }).expect(200));
    expect(published.queries).toBeGreaterThan(0);
    // Nor is an anonymous request with an If-None-Match of the public response answered 304 when it sends credentials.
    await withToken('/api/events', { 'pagination[pageSize]': '100' }).set('If-None-Match', anonymous.headers.etag).expect(200);
  });

  it('gives neither a kept body nor a 304 once the Public role loses `find`', async () => {
    const kept = await get('/api/events').expect(200);
    await get('/api/events').expect(200);
    const permission = await app.strapi.db
      .query(PERMISSION)
      .findOne({ where: { action: `${EVENTS}.find`, role: { type: 'public' } }, populate: ['role'] });
    expect(permission).toBeTruthy();
    await app.strapi.db.query(PERMISSION).delete({ where: { id: permission.id } });
    try {
      await get('/api/events').expect(403);
      await get('/api/events').set('If-None-Match', kept.headers.etag).expect(403);
    } finally {
      await app.strapi.db.query(PERMISSION).create({ data: { action: `${EVENTS}.find`, role: permission.role.id } });
    }
    await get('/api/events').set('If-None-Match', kept.headers.etag).expect(304);
  });

  it('does not serve a populated relation kept from before the Public role lost `find` on its type', async () => {
    const withCountry = async () =>
      json((await get('/api/events', { populate: 'country', 'pagination[pageSize]': '100' }).expect(200)).body);
    expect((await withCountry()).data.some((event: { country?: unknown }) => event.country)).toBe(true);
    await withCountry();
    const permissions = await app.strapi.db
      .query(PERMISSION)
      .findMany({ where: { action: { $startsWith: 'api::country.country.' }, role: { type: 'public' } }, populate: ['role'] });
    expect(permissions.length).toBeGreaterThan(0);
    await app.strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: permissions.map((permission) => permission.id) } } });
    try {
      const response = await get('/api/events', { populate: 'country', 'pagination[pageSize]': '100' });
      if (response.status === 200) expect(json(response.body).data.some((event: { country?: unknown }) => event.country)).toBe(false);
      else expect(response.status).toBeGreaterThanOrEqual(400);
    } finally {
      for (const { action, role } of permissions) await app.strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
    expect((await withCountry()).data.some((event: { country?: unknown }) => event.country)).toBe(true);
  });
});

describe('media written by the upload plugin (the query engine, not the Document Service)', () => {
  let fileId: number;
  afterAll(async () => {
    // The local provider wrote under public/uploads/: leave the worktree as it was.
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  });

  it('make kept bodies that populate them stale: a new alternative text is served at once', async () => {
    const uploaded = await app
      .request()
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'cache-report.pdf', contentType: 'application/pdf' })
      .expect(201);
    fileId = uploaded.body[0].id;
    const created = await app
      .request()
      .post('/api/publications')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Media kept in the response cache', publicationType: 'report', file: fileId } })
      .expect(201);
    const query = { 'filters[documentId][$eq]': created.body.data.documentId, 'populate[0]': 'file' };
    const read = async () => json((await get('/api/publications', query).expect(200)).body).data[0].file;
    expect((await read()).alternativeText).toBeNull();
    expect((await queriesOf(['publications'], () => get('/api/publications', query).expect(200))).queries).toBe(0);

    await app.strapi.plugin('upload').service('upload').updateFileInfo(fileId, { alternativeText: 'WSIS report cover' });
    expect((await read()).alternativeText).toBe('WSIS report cover');
  });
});

describe('responses that change with time alone', () => {
  const clock = () => app.strapi.plugin('deadlines').service('clock');

  it('are neither answered 304 nor served from memory once a window in them changes state', async () => {
    clock().set('2031-01-10T12:00:00Z');
    const created = await app
      .request()
      .post('/api/stocktaking-calls')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: { title: 'Cache probe call', edition: '2031-2032', timezone: 'Europe/Zurich', opensAt: '2031-02-01', closesAt: '2031-03-01' },
      })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    const path = `/api/stocktaking-calls/${documentId}`;

    const upcoming = await get(path).expect(200);
    expect(json(upcoming.body).data.window.state).toBe('upcoming');
    // The ETag says when it stops holding: the call opens at midnight in Geneva, 23:00 UTC the day before.
    expect(upcoming.headers.etag).toBe(
      upcoming.headers.etag.replace(/-[0-9a-z]+"$/, `-${Date.parse('2031-01-31T23:00:00Z').toString(36)}"`),
    );
    clock().set('2031-01-31T22:59:59Z');
    await get(path).set('If-None-Match', upcoming.headers.etag).expect(304);
    const stillKept = await queriesOf(['stocktaking_calls'], () => get(path).expect(200));
    expect(stillKept.queries).toBe(0);
    expect(json(stillKept.response.body).data.window.state).toBe('upcoming');

    clock().set('2031-01-31T23:00:00Z');
    const opened = await get(path).set('If-None-Match', upcoming.headers.etag).expect(200);
    expect(json(opened.body).data.window.state).toBe('open');
    expect(opened.headers.etag).not.toBe(upcoming.headers.etag);
    const list = await get('/api/stocktaking-calls', { 'filters[documentId][$eq]': documentId }).expect(200);
    expect(json(list.body).data[0].window.state).toBe('open');

    clock().set('2031-03-05T12:00:00Z');
    const closed = await get(path).expect(200);
    expect(json(closed.body).data.window.state).toBe('closed');
    const listClosed = await get('/api/stocktaking-calls', { 'filters[documentId][$eq]': documentId }).expect(200);
    expect(json(listClosed.body).data[0].window.state).toBe('closed');
  });
});
