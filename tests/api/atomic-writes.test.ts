import { errors } from '@strapi/utils';
import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/auth';

// A write is whole: the row Strapi writes and what every plugin writes around it (slug, search
// text, review state, content version) commit together, or nothing does. A document middleware
// registered here, after every plugin's, fails once the write is done; nothing of it may remain.

const PUBLICATIONS = 'api::publication.publication';
const FAILS = 'Fails after the write';

let app: TestApp;
let token: string;
/** Whether a transaction was already open, around the plugins' work, when each write of a publication reached Strapi. */
const openBefore: boolean[] = [];
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
  app.strapi.documents.use(async (context, next) => {
    if (context.uid === PUBLICATIONS) openBefore.push(app.strapi.db.inTransaction());
    const result = await next();
    const data = (context.params as { data?: { title?: string } }).data;
    if (context.uid === PUBLICATIONS && data?.title?.startsWith(FAILS))
      throw new errors.ApplicationError('Refused after the write', { code: 'TEST_REFUSAL' });
    return result;
  });
});
afterAll(async () => {
  await app?.destroy();
});

const stored = (title: string) => app.strapi.db.query(PUBLICATIONS).findMany({ where: { title } });
const contentVersion = () => app.strapi.plugin('http-cache').service('content-version').current();

describe('a write that fails after Strapi stored it leaves nothing behind', () => {
  it('on a REST create (published by default): no draft, no published row, no new content version', async () => {
    const title = `${FAILS} (REST)`;
    const before = await contentVersion();
    const response = await app
      .request()
      .post('/api/publications')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title, publicationType: 'report' } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('TEST_REFUSAL');
    expect(await stored(title)).toEqual([]);
    expect(await contentVersion()).toEqual(before);
  });

  it('on an update through the document service: the stored text, slug and search text are unchanged', async () => {
    const created = await app.strapi
      .documents(PUBLICATIONS)
      .create({ data: { title: 'Before the failed update', publicationType: 'report' } });
    const before = await app.strapi.db.query(PUBLICATIONS).findMany({ where: { documentId: created.documentId } });
    await expect(
      app.strapi.documents(PUBLICATIONS).update({ documentId: created.documentId, data: { title: `${FAILS} (update)` } as never }),
    ).rejects.toThrow('Refused after the write');
    expect(await app.strapi.db.query(PUBLICATIONS).findMany({ where: { documentId: created.documentId } })).toEqual(before);
  });

  it('and a write that succeeds is stored with its derived fields, in a transaction already open when Strapi’s own write begins', async () => {
    openBefore.length = 0;
    const response = await app
      .request()
      .post('/api/publications')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Measuring the Information Society', publicationType: 'report' } })
      .expect(201);
    const rows = await app.strapi.db.query(PUBLICATIONS).findMany({ where: { documentId: response.body.data.documentId } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.slug).toBe('measuring-the-information-society');
    expect(openBefore).toEqual([true]);
    const found = await app.request().get('/api/publications').query({ q: 'MEASURING the information' }).expect(200);
    expect(found.body.data.map((document: { documentId: string }) => document.documentId)).toContain(response.body.data.documentId);
  });
});

describe('the content version', () => {
  const KEY = 'plugin_http-cache_content-version';
  const rows = () => app.strapi.db.query('strapi::core-store').findMany({ where: { key: KEY } });

  it('is one stored row, created by the first write and changed by each write after it', async () => {
    await app.strapi.db.query('strapi::core-store').deleteMany({ where: { key: KEY } });
    expect(await contentVersion()).toEqual({ version: 'initial', modifiedAt: null });
    const write = (title: string) => app.strapi.documents(PUBLICATIONS).create({ data: { title, publicationType: 'report' } });
    await write('First write after the version was removed');
    const first = await contentVersion();
    expect(first.version).not.toBe('initial');
    await write('Second write');
    const second = await contentVersion();
    expect(second.version).not.toBe(first.version);
    expect(await rows()).toHaveLength(1);
  });
});
