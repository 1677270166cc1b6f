import type supertest from 'supertest';
import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder } from '../helpers/auth';

const MEGABYTE = 1_000_000;

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

const expectClientError = (response, status = 400) => {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({
    data: null,
    error: expect.objectContaining({ status, name: expect.any(String), message: expect.any(String) }),
  });
};

describe('reading with bad query parameters answers 4xx, never 500', () => {
  it.each(['xx', 'EN', 'de', 'all', '*'])('refuses the unknown locale %s with INVALID_LOCALE', async (locale) => {
    const response = await app.request().get('/api/events').query({ locale });
    expectClientError(response);
    expect(response.body.error.details).toEqual(
      expect.objectContaining({ code: 'INVALID_LOCALE', locales: expect.arrayContaining(['ar', 'zh', 'en', 'fr', 'ru', 'es']) }),
    );
  });

  it('refuses an unknown locale on findOne too', async () => {
    const list = await app.request().get('/api/events').expect(200);
    expectClientError(await app.request().get(`/api/events/${list.body.data[0].documentId}`).query({ locale: 'xx' }));
  });

  it.each([
    'filters[title][$nope]=x',
    'filters[doesNotExist][$eq]=x',
    'filters[$or][0][title][$eqq]=x',
    'sort=doesNotExist:asc',
    'populate=doesNotExist',
    'fields[0]=doesNotExist',
    'pagination[page]=abc',
    'pagination[pageSize]=abc',
    'unknownParameter=1',
    'q=forum',
  ])('refuses the malformed query %s with a details.code', async (query) => {
    const response = await app.request().get(`/api/${query === 'q=forum' ? 'organizations' : 'events'}?${query}`);
    expectClientError(response);
    expect(response.body.error.details.code).toMatch(/^INVALID_(QUERY|PAGINATION)$/);
  });

  it('reads an empty fields parameter as no field named, on lists and on one document', async () => {
    const list = await app.request().get('/api/consultations?fields=');
    expect(list.status).toBe(200);
    const one = await app.request().get(`/api/consultations/${list.body.data[0].documentId}?fields=`);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(list.body.data[0].documentId);
  });

  it('answers 404 for a document that does not exist', async () => {
    expectClientError(await app.request().get('/api/events/doesnotexist000000000000'), 404);
  });
});

// Found by the generated suite (tests/hostile): each answered 500, the database layer failing on
// a shape Strapi's query validation lets through.
describe('filters and populated sorts the database cannot read answer 400, for the public and for API tokens, on every database', () => {
  it.each([
    ['/api/action-lines', 'filters[code][$between]=C1,C7', 'INVALID_FILTER'],
    ['/api/consultations', 'filters[id][$between]=,1', 'INVALID_FILTER'],
    ['/api/events', 'filters[$and]=%5Bobject%20Object%5D', 'INVALID_FILTER'],
    ['/api/forum-sessions', 'filters[$and][number]=0', 'INVALID_FILTER'],
    ['/api/publications', 'filters[$or][title][$between]=a&filters[$or][title][$between]=b', 'INVALID_FILTER'],
    ['/api/events', 'filters[$not]=x', 'INVALID_FILTER'],
    ['/api/consultations', 'filters[phases][$eq]=1&filters[phases][position]=1', 'INVALID_FILTER'],
    ['/api/consultations', 'populate[phases][filters][$or]=x', 'INVALID_FILTER'],
    // Values the column cannot be compared with: 500 on PostgreSQL (the first two on SQLite too).
    ['/api/consultation-phases', 'filters[position][$eq]=abc', 'INVALID_FILTER'],
    ['/api/consultation-phases', 'filters[position]=abc', 'INVALID_FILTER'],
    ['/api/consultation-phases', 'filters[position][$eq]=99999999999', 'INVALID_FILTER'],
    ['/api/forum-editions', 'filters[year][$eq]=2011.5', 'INVALID_FILTER'],
    ['/api/events', 'filters[id]=abc', 'INVALID_FILTER'],
    ['/api/events', 'filters[country][$in][0]=abc', 'INVALID_FILTER'],
    ['/api/events', 'filters[country][id][$eq]=abc', 'INVALID_FILTER'],
    ['/api/events', 'filters[startsAt][$contains]=2011', 'INVALID_FILTER'],
    ['/api/events', 'filters[allDay][$contains]=t', 'INVALID_FILTER'],
    ['/api/events', 'filters[startsAt][$gt]=-271821-04-20T00:00:00.000Z', 'INVALID_FILTER'],
    ['/api/organizations', 'populate[country][sort]=localizations.code', 'INVALID_SORT'],
    ['/api/stocktaking-entries', 'populate[organization][sort][0]=country.code', 'INVALID_SORT'],
    ['/api/stocktaking-entries', 'populate[actionLines][sort][0]=parent.code', 'INVALID_SORT'],
    // A json column compared with text: 500 on PostgreSQL.
    ['/api/stocktaking-entries', 'filters[documents][formats][$in][0]=x', 'INVALID_FILTER'],
    ['/api/stocktaking-calls/current', 'filters[officialCallFile][focalPoint][$eq]=', 'INVALID_FILTER'],
    // A component's table has no documentId column.
    ['/api/consultation-phases', 'filters[$and][0][extensions][documentId][$null]=true', 'INVALID_FILTER'],
  ])('GET %s?%s answers 400 %s', async (path, query, code) => {
    for (const authorization of [undefined, `Bearer ${token}`]) {
      const request = app.request().get(`${path}?${query}`);
      const response = await (authorization ? request.set('Authorization', authorization) : request);
      expectClientError(response);
      expect(response.body.error.details.code).toBe(code);
    }
  });

  it('still compares numbers and dates as such, and any column as text without case', async () => {
    await app
      .request()
      .get('/api/consultation-phases?filters[position][$in][0]=1&filters[position][$in][1]=2&filters[id][$gt]=0')
      .expect(200);
    await app
      .request()
      .get('/api/events?filters[startsAt][$gt]=%2B275760-09-13T00:00:00.000Z&filters[startsAt][$containsi]=2011')
      .expect(200);
    await app.request().get('/api/events?filters[country][id][$in][0]=1&filters[allDay][$eq]=true').expect(200);
  });

  it('still sorts a list through a relation, and a populated relation by its own fields', async () => {
    await app.request().get('/api/stocktaking-entries?sort[0]=organization.name&populate[call][sort][0]=title').expect(200);
    await app
      .request()
      .get(
        '/api/consultations?populate[phases][sort]=position:asc&filters[phases][position][$between][0]=1&filters[phases][position][$between][1]=3',
      )
      .expect(200);
  });
});

// Found by the generated suite (tests/hostile): Strapi's validation finds these names on
// Object.prototype, and the database fails on them as columns (500).
describe('names every object inherits answer 400 where a query names fields, or as keys of a payload', () => {
  it.each([
    ['/api/stocktaking-entries', 'fields=hasOwnProperty'],
    ['/api/stocktaking-entries', 'fields[0]=__proto__'],
    ['/api/events', 'sort=constructor'],
    ['/api/stocktaking-calls/current', 'fields=hasOwnProperty'],
    ['/api/consultations', 'populate[phases][fields][0]=valueOf'],
  ])('GET %s?%s', async (path, query) => {
    const response = await app.request().get(`${path}?${query}`);
    expectClientError(response);
    expect(response.body.error.details.code).toBe('INVALID_QUERY');
  });

  it('as keys of a payload too (400 INVALID_INPUT), writing nothing', async () => {
    const before = await app.strapi.db.query('api::event.event').count();
    for (const key of ['hasOwnProperty', '__defineGetter__', 'constructor']) {
      const response = await app
        .request()
        .post('/api/events')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { title: 'Inherited', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national', [key]: { polluted: true } } });
      expectClientError(response);
      expect(response.body.error.details.code).toBe('INVALID_INPUT');
    }
    expect(await app.strapi.db.query('api::event.event').count()).toBe(before);
  });

  it('on /mine too, and still searches for the word itself', async () => {
    const { jwt } = await stakeholder(app.strapi, `inherited${Date.now()}`);
    const mine = await app.request().get('/api/stocktaking-entries/mine?fields=hasOwnProperty').set('Authorization', `Bearer ${jwt}`);
    expectClientError(mine);
    expect(mine.body.error.details.code).toBe('INVALID_QUERY');
    await app.request().get('/api/events?filters[title][$eq]=constructor').expect(200);
  });
});

describe('writing bad input answers 4xx and writes nothing', () => {
  const post = (path: string, data: unknown) => app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data });
  const countEvents = () => app.strapi.db.query('api::event.event').count();

  it('refuses a relation to a document that does not exist', async () => {
    const before = await countEvents();
    const response = await post('/api/events', {
      title: 'Ghost country',
      startsAt: '2011-10-01T08:00:00.000Z',
      scope: 'national',
      country: 'nosuchdocument000000000',
    });
    expectClientError(response);
    expect(await countEvents()).toBe(before);
  });

  it('refuses a relation to a missing document in the content manager shape', async () => {
    const before = await app.strapi.db.query('api::stocktaking-entry.stocktaking-entry').count();
    const response = await post('/api/stocktaking-entries', {
      title: 'Orphan',
      shortDescription: 'No such call',
      call: { connect: [{ documentId: 'nosuchdocument000000000' }] },
    });
    expectClientError(response);
    expect(await app.strapi.db.query('api::stocktaking-entry.stocktaking-entry').count()).toBe(before);
  });

  it('refuses a title longer than 255 characters', async () => {
    const before = await countEvents();
    const response = await post('/api/events', { title: 'x'.repeat(256), startsAt: '2011-10-01T08:00:00.000Z', scope: 'national' });
    expectClientError(response);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.code).toBe('INVALID_INPUT');
    expect(await countEvents()).toBe(before);
  });

  it.each([
    ['an unknown enumeration value', { title: 'Bad scope', startsAt: '2011-10-01T08:00:00.000Z', scope: 'galactic' }],
    ['a malformed date', { title: 'Bad date', startsAt: 'the fifth of September', scope: 'national' }],
    ['a missing required field', { title: 'No start', scope: 'national' }],
    ['an attribute that does not exist', { title: 'Extra', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national', colour: 'red' }],
    ['a url that is not one', { title: 'Bad url', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national', url: 'javascript:alert(1)' }],
  ])('refuses %s', async (_label, data) => {
    const before = await countEvents();
    expectClientError(await post('/api/events', data));
    expect(await countEvents()).toBe(before);
  });

  it('refuses a body that is not JSON, with INVALID_BODY', async () => {
    const response = await app
      .request()
      .post('/api/events')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"data": {');
    expectClientError(response);
    expect(response.body.error.details.code).toBe('INVALID_BODY');
  });

  it('refuses a NUL character in a text, a filter, a key or a path alike on every database (PostgreSQL cannot store one)', async () => {
    const before = await countEvents();
    const written = await post('/api/events', { title: 'Nul\u0000title', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national' });
    expectClientError(written);
    expect(written.body.error.details.code).toBe('INVALID_INPUT');
    expect(await countEvents()).toBe(before);
    for (const query of ['filters[title][$eq]=%00', 'filters[title%00][$eq]=x', 'q=%00forum', 'sort=title%00']) {
      const read = await app.request().get(`/api/events?${query}`);
      expectClientError(read);
      expect(read.body.error.details.code).toBe('INVALID_QUERY');
    }
    // Found by the generated suite (tests/hostile): a NUL in a path segment answered 500 on PostgreSQL.
    for (const path of ['/api/events/%00', '/api/forum-editions/%00/agenda.ics', '/api/consultations/x%00y/calendar.ics']) {
      const read = await app.request().get(path);
      expectClientError(read);
      expect(read.body.error.details.code).toBe('INVALID_PATH');
    }
    const code = app.strapi
      .documents('api::event.event')
      .create({ data: { title: 'Nul\u0000', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national' } as never });
    await expect(code).rejects.toMatchObject({ details: { code: 'INVALID_INPUT' } });
  });

  // Found by the generated suite (tests/hostile): 10 kB of nested brackets overflowed the stack (500).
  it('refuses a body nested thousands of levels deep with INVALID_BODY, on the content API and the account routes', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const [path, authorization] of [
      ['/api/events', `Bearer ${token}`],
      ['/api/auth/local', undefined],
    ] as const) {
      const request = app.request().post(path).set('Content-Type', 'application/json');
      const response = await (authorization ? request.set('Authorization', authorization) : request).send(deep);
      expectClientError(response);
      expect(response.body.error.details.code).toBe('INVALID_BODY');
    }
  });

  it('refuses a body without data', async () => {
    expectClientError(await app.request().post('/api/events').set('Authorization', `Bearer ${token}`).send({ title: 'x' }));
  });

  it('refuses an unknown locale on write', async () => {
    const response = await app
      .request()
      .post('/api/events')
      .query({ locale: 'xx' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Locale', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national' } });
    expectClientError(response);
  });
});

describe('an over-long text is refused with 400 before anything reads it', () => {
  const EVENTS = 'api::event.event';
  const event = { title: 'Long description', startsAt: '2011-10-01T08:00:00.000Z', scope: 'national' };
  const asToken = (request: supertest.Test) => request.set('Authorization', `Bearer ${token}`);
  /**
   * The response to a hostile text, and whether refusing it cost no more than refusing a plain text of
   * the same length (fastest of two tries each; the length rule refuses both before anything reads
   * them, where a quadratic pass over a megabyte of "<" took minutes). No wall-clock budget: it would
   * fail on a loaded machine.
   */
  async function refusedLikePlainText(send: (text: string) => supertest.Test, hostile: string) {
    const fastest = async (text: string) => {
      let best = Infinity;
      let response: supertest.Response;
      for (let run = 0; run < 2; run += 1) {
        const started = performance.now();
        response = await send(text);
        best = Math.min(best, performance.now() - started);
      }
      return { response, ms: best };
    };
    const plain = await fastest('x'.repeat(hostile.length));
    const { response, ms } = await fastest(hostile);
    expect(plain.response.status).toBe(response.status);
    expect(ms).toBeLessThan(plain.ms * 5 + 200);
    return response;
  }

  it('accepts an event description of 20,000 characters and refuses one of 20,001', async () => {
    await asToken(app.request().post('/api/events'))
      .send({ data: { ...event, description: 'x'.repeat(20_000) } })
      .expect(201);
    const response = await asToken(app.request().post('/api/events')).send({ data: { ...event, description: 'x'.repeat(20_001) } });
    expectClientError(response);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('refuses a megabyte of "<" as a description on create, promptly, and writes nothing', async () => {
    const before = await app.strapi.db.query(EVENTS).count();
    const response = await refusedLikePlainText(
      (description) => asToken(app.request().post('/api/events')).send({ data: { ...event, description } }),
      '<'.repeat(MEGABYTE),
    );
    expectClientError(response);
    expect(response.body.error.name).toBe('ValidationError');
    expect(await app.strapi.db.query(EVENTS).count()).toBe(before);
  });

  it('refuses it on update, promptly, and keeps what was stored', async () => {
    const created = await asToken(app.request().post('/api/events'))
      .send({ data: { ...event, description: 'Before.' } })
      .expect(201);
    const { documentId } = created.body.data;
    const stored = () => app.strapi.db.query(EVENTS).findMany({ where: { documentId }, select: ['description', 'updatedAt'] });
    const before = await stored();
    const response = await refusedLikePlainText(
      (description) => asToken(app.request().put(`/api/events/${documentId}`)).send({ data: { description } }),
      '<'.repeat(MEGABYTE),
    );
    expectClientError(response);
    expect(await stored()).toEqual(before);
  });

  it('refuses a short description of 300,000 Chinese characters (TOO_LONG) before counting its words', async () => {
    const before = await app.strapi.db.query('api::stocktaking-entry.stocktaking-entry').count();
    const response = await refusedLikePlainText(
      (shortDescription) =>
        asToken(app.request().post('/api/stocktaking-entries')).send({ data: { title: 'Long entry', shortDescription } }),
      '信息社会'.repeat(75_000),
    );
    expectClientError(response);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'TOO_LONG', field: 'shortDescription', maxLength: 2000 }));
    expect(await app.strapi.db.query('api::stocktaking-entry.stocktaking-entry').count()).toBe(before);
  });
});
