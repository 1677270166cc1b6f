import { createHash } from 'crypto';
import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder } from '../helpers/auth';
import { rawBody } from '../helpers/formats';

const EVENTS = 'api::event.event';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

// Feeds link to the public URL, taken from the Host header when PUBLIC_URL is not set: keep it fixed
// (supertest would send a new port each time).
const get = (path: string, query: Record<string, string> = {}) =>
  rawBody(app.request().get(path).query(query).set('Host', 'cms.wsis.test'));
const etagOf = async (path: string, query: Record<string, string> = {}) => (await get(path, query).expect(200)).headers.etag as string;
const sha1 = (bytes: Buffer) => `"${createHash('sha1').update(bytes).digest('base64url')}"`;

async function createEvent(title: string) {
  const response = await app
    .request()
    .post('/api/events')
    .set('Authorization', `Bearer ${token}`)
    .send({
      data: {
        title,
        startsAt: '2011-11-20T09:00:00.000Z',
        endsAt: '2011-11-20T11:00:00.000Z',
        scope: 'regional',
        timezone: 'Europe/Zurich',
      },
    })
    .expect(201);
  return response.body.data.documentId as string;
}

describe('public GET responses carry an ETag and answer 304 to it', () => {
  it.each([
    ['/api/events', {}],
    ['/api/events/calendar.ics', {}],
    ['/api/forum-editions/wsis-forum-2012/agenda.ics', { locale: 'fr' }],
    ['/api/publications/feed.xml', {}],
    ['/api/stocktaking-entries/export.csv', {}],
    ['/api/i18n/locales', {}],
  ])('%s', async (path, query) => {
    const first = await get(path, query).expect(200);
    expect(first.headers.etag).toMatch(/^(W\/)?"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toMatch(/Authorization/);
    const again = await get(path, query).set('If-None-Match', first.headers.etag).expect(304);
    expect(again.body.length ?? 0).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('public, max-age=60');
    await get(path, query).set('If-None-Match', '"something-else"').expect(200);
  });

  it('hashes the body as sent, after the deadlines plugin added its computed windows, where the content version cannot decide', async () => {
    // A reader with credentials is not answered from the content version (tests/api/response-cache.test.ts).
    const response = await get('/api/stocktaking-calls').set('Authorization', `Bearer ${token}`).expect(200);
    expect(JSON.parse(response.body.toString('utf8')).data[0].window).toEqual(expect.objectContaining({ state: expect.any(String) }));
    expect(response.headers.etag).toBe(sha1(response.body));
  });

  it('says when the newest document in a JSON response changed', async () => {
    const response = await get('/api/events').expect(200);
    const newest = Math.max(...JSON.parse(response.body.toString('utf8')).data.map((event) => Date.parse(event.updatedAt)));
    expect(Date.parse(response.headers['last-modified'])).toBe(Math.floor(newest / 1000) * 1000);
  });

  it('answers HEAD with the same validator, without streaming the export', async () => {
    const head = await app.request().head('/api/events/calendar.ics').set('Host', 'cms.wsis.test').expect(200);
    expect(head.headers.etag).toBe(await etagOf('/api/events/calendar.ics'));
    const export_ = await app.request().head('/api/stocktaking-entries/export.csv').expect(200);
    expect(export_.headers.etag).toBe(await etagOf('/api/stocktaking-entries/export.csv'));
    expect(Number(export_.headers['x-total-count'])).toBeGreaterThan(0);
  });
});

describe('a publish, an update or an unpublish changes the ETag of every response it affects', () => {
  let documentId: string;
  const affected = () => ['/api/events', `/api/events/${documentId}`, '/api/events/calendar.ics'];

  it('changes on publish: the list, the calendar and the CSV export', async () => {
    const list = await etagOf('/api/events');
    const calendar = await etagOf('/api/events/calendar.ics');
    const csv = await etagOf('/api/stocktaking-entries/export.csv');
    documentId = await createEvent('Regional ICT indicators workshop');
    expect(await etagOf('/api/events')).not.toBe(list);
    expect(await etagOf('/api/events/calendar.ics')).not.toBe(calendar);
    // The export cannot hash a stream it has not sent: its weak ETag follows any change to content.
    expect(await etagOf('/api/stocktaking-entries/export.csv')).not.toBe(csv);
  });

  it('changes on update, and the old validator no longer gets a 304', async () => {
    const [list, one, calendar] = await Promise.all(affected().map((path) => etagOf(path)));
    await app
      .request()
      .put(`/api/events/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { city: 'Addis Ababa' } })
      .expect(200);
    expect(await etagOf('/api/events')).not.toBe(list);
    expect(await etagOf(`/api/events/${documentId}`)).not.toBe(one);
    expect(await etagOf('/api/events/calendar.ics')).not.toBe(calendar);
    await get('/api/events/calendar.ics').set('If-None-Match', calendar).expect(200);
  });

  it('changes on unpublish (an editor unpublishing in the admin goes through the same Document Service)', async () => {
    const list = await etagOf('/api/events');
    const calendar = await etagOf('/api/events/calendar.ics');
    await app.strapi.documents(EVENTS).unpublish({ documentId });
    expect(await etagOf('/api/events')).not.toBe(list);
    expect(await etagOf('/api/events/calendar.ics')).not.toBe(calendar);
    await app.request().get(`/api/events/${documentId}`).expect(404);
  });

  it('changes the export when a stocktaking entry is published', async () => {
    const before = await etagOf('/api/stocktaking-entries/export.csv');
    await app.strapi
      .plugin('deadlines')
      .service('actor')
      .bypass(() =>
        app.strapi
          .documents('api::stocktaking-entry.stocktaking-entry')
          .create({ data: { title: 'Mobile banking pilot', shortDescription: 'A pilot.' }, locale: 'en', status: 'published' } as never),
      );
    const after = await get('/api/stocktaking-entries/export.csv').set('If-None-Match', before).expect(200);
    expect(after.headers.etag).not.toBe(before);
    expect(after.body.toString('utf8')).toContain('Mobile banking pilot');
  });
});

describe('responses to credentials are never shared-cacheable', () => {
  it('marks API token responses private, no-store', async () => {
    const response = await app.request().get('/api/events').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const drafts = await app
      .request()
      .get('/api/stocktaking-entries/export.csv')
      .query({ status: 'draft' })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(drafts.headers['cache-control']).toBe('private, no-store');
  });

  it("marks a stakeholder's own submissions private, no-store", async () => {
    const { jwt } = await stakeholder(app.strapi, 'cacheprobe');
    const response = await app.request().get('/api/stocktaking-entries/mine').set('Authorization', `Bearer ${jwt}`).expect(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const calendar = await app.request().get('/api/events/calendar.ics').set('Authorization', `Bearer ${jwt}`).expect(200);
    expect(calendar.headers['cache-control']).toBe('private, no-store');
  });

  it('leaves errors and writes alone', async () => {
    const error = await app.request().get('/api/events').query({ locale: 'xx' }).expect(400);
    expect(error.headers.etag).toBeUndefined();
    expect(error.headers['cache-control']).toBeUndefined();
    const created = await app
      .request()
      .post('/api/events')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Write', startsAt: '2011-12-01T09:00:00.000Z', scope: 'national' } })
      .expect(201);
    expect(created.headers.etag).toBeUndefined();
  });
});
