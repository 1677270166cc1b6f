import fs from 'fs';
import path from 'path';
import type { Response } from 'supertest';
import { fullAccessToken, stakeholder } from '../helpers/auth';
import { appDir, bootApp, TestApp } from '../helpers/strapi';
import { contractChecker } from './support/openapi-contract';

// Every response a client of the public site gets is what /api/openapi.json says it is: the
// route is described, the status declared, the content type and the body valid against the
// declared schema (formats included). The requests are the README's: lists and findOne of every
// type (plain, fully populated, paged, with `fields`, with fallback and search where localized),
// `/current`, `/mine`, the stakeholders' writes and the error answers.

type Checker = Awaited<ReturnType<typeof contractChecker>>;
type Attribute = { type: string; private?: boolean; target?: string; relation?: string };

let app: TestApp;
let checker: Checker;
let token: string;
let actionLine: string;
let openCall: string;
let closedCall: string;
let phase: string;
let consultation: string;
let alice: { jwt: string };

// Every collection type of src/api, found on disk so that each has a test of its own by name.
const TYPES = fs
  .readdirSync(path.join(appDir, 'src/api'))
  .flatMap((api) => {
    const folder = path.join(appDir, 'src/api', api, 'content-types');
    return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => `api::${api}.${name}`) : [];
  })
  .sort();

const model = (uid: string) =>
  app.strapi.getModel(uid as never) as unknown as {
    kind: string;
    info: { pluralName: string };
    attributes: Record<string, Attribute>;
    pluginOptions?: { i18n?: { localized?: boolean } };
  };

/** What the public may populate on a type: its relations to other API types, media and components (no private ones). */
function populatable(uid: string): string[] {
  return Object.entries(model(uid).attributes)
    .filter(([, attribute]) => !attribute.private)
    .filter(
      ([, attribute]) =>
        attribute.type === 'media' ||
        attribute.type === 'component' ||
        attribute.type === 'dynamiczone' ||
        (attribute.type === 'relation' && String(attribute.target).startsWith('api::')),
    )
    .map(([name]) => name);
}

/** Checks a response against the document; each test fails at its end with all its violations listed. */
function expectContract(response: Response): Response {
  checker.check(response);
  return response;
}
let violationsBefore = 0;
beforeEach(() => {
  violationsBefore = checker.violations().length;
});
afterEach(() => {
  expect(checker.violations().slice(violationsBefore)).toEqual([]);
});

const get = (url: string, jwt?: string) => {
  const request = app.request().get(url);
  return jwt ? request.set('Authorization', `Bearer ${jwt}`) : request;
};
const send = (method: 'post' | 'put', url: string, jwt: string, data: unknown) =>
  app.request()[method](url).set('Authorization', `Bearer ${jwt}`).send({ data });

beforeAll(async () => {
  app = await bootApp();
  // The document is built by Strapi's generator on first request (tens of seconds after a schema change).
  const document = (await app.request().get('/api/openapi.json').expect(200)).body;
  checker = await contractChecker(document);
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  token = await fullAccessToken(app.strapi);
  actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } })).documentId;
  const call = (opensAt: string, closesAt: string) =>
    send('post', '/api/stocktaking-calls', token, {
      title: `Contract call ${Math.random()}`,
      edition: '2039-2040',
      timezone: 'Europe/Zurich',
      opensAt,
      closesAt,
    }).expect(201);
  openCall = (await call('2011-01-01', '2040-01-15')).body.data.documentId;
  closedCall = (await call('2011-01-01', '2011-06-01')).body.data.documentId;
  consultation = (await send('post', '/api/consultations', token, { title: 'Contract consultation', description: 'Open.' }).expect(201))
    .body.data.documentId;
  phase = (
    await send('post', '/api/consultation-phases', token, {
      name: 'Contributions',
      position: 1,
      kind: 'other',
      opensAt: '2011-01-01T00:00:00.000Z',
      closesAt: '2040-01-01T00:00:00.000Z',
      timezone: 'Europe/Zurich',
      consultation,
      acceptsContributions: true,
    }).expect(201)
  ).body.data.documentId;
  alice = await stakeholder(app.strapi, `contract${Date.now()}`);
}, 15 * 60_000);

afterAll(async () => {
  if (checker) {
    const summary = checker.summary();
    // The run's count, for the closing note of a change to the document (see src/plugins/openapi/README.md).
    process.stdout.write(
      `openapi contract (${process.env.DATABASE_CLIENT ?? 'sqlite'}): ${summary.checked} responses checked, ${summary.violations} violations of ${summary.kinds} kinds\n`,
    );
  }
  await app?.destroy();
});

describe.each(TYPES)('the public reads of %s', (uid) => {
  it('match the document: list and findOne, plain, populated, paged and with fields; fallback and search where localized', async () => {
    const { info, attributes, pluginOptions } = model(uid);
    const base = `/api/${info.pluralName}`;
    const populate = populatable(uid)
      .map((name, index) => `populate[${index}]=${name}`)
      .join('&');
    const firstText = Object.entries(attributes).find(([, attribute]) => attribute.type === 'string')?.[0];
    const list = expectContract(await get(base).expect(200));
    expectContract(await get(`${base}?${populate}`).expect(200));
    expectContract(await get(`${base}?pagination[start]=0&pagination[limit]=2&pagination[withCount]=false`).expect(200));
    expectContract(await get(`${base}?pagination[page]=2&pagination[pageSize]=1`).expect(200));
    if (firstText) expectContract(await get(`${base}?fields[0]=${firstText}`).expect(200));
    const documentId = list.body.data[0]?.documentId;
    if (documentId) {
      expectContract(await get(`${base}/${documentId}`).expect(200));
      expectContract(await get(`${base}/${documentId}?${populate}`).expect(200));
    }
    if (pluginOptions?.i18n?.localized) {
      expectContract(await get(`${base}?locale=fr&fallbackLocale=en&${populate}`).expect(200));
      if (documentId) expectContract(await get(`${base}/${documentId}?locale=fr&fallbackLocale=en`).expect(200));
      expectContract(await get(`${base}?locale=fr&q=wsis`).expect(200));
      expectContract(await get(`${base}?locale=ar`).expect(200));
    }
  });
});

describe('the routes of the README', () => {
  it('match the document: consultations with their sorted phases and extensions, sessions of an edition with panellists', async () => {
    expectContract(
      await get('/api/consultations?locale=fr&populate[phases][sort]=position:asc&populate[phases][populate]=extensions').expect(200),
    );
    expectContract(await get('/api/forum-sessions?filters[edition][year][$eq]=2012&populate=panellists&sort=startsAt:asc').expect(200));
    expectContract(await get('/api/stocktaking-entries?populate[call][populate]=extensions&populate[organization]=true').expect(200));
    expectContract(await get('/api/i18n/locales').expect(200));
    expectContract(await get('/api/openapi.json').expect(200));
  });

  it('match the document: the calls open now (/current)', async () => {
    const current = expectContract(await get('/api/stocktaking-calls/current').expect(200));
    expect(current.body.data.map((call) => call.documentId)).toContain(openCall);
    expectContract(await get('/api/stocktaking-calls/current?locale=fr&populate=extensions').expect(200));
  });
});

describe("a stakeholder's writes and /mine", () => {
  it('match the document: an entry submitted, changed and listed, a statement submitted, a file uploaded', async () => {
    const uploaded = expectContract(
      await app
        .request()
        .post('/api/upload')
        .set('Authorization', `Bearer ${alice.jwt}`)
        .attach('files', Buffer.from('%PDF-1.4 contract'), { filename: 'contract.pdf', contentType: 'application/pdf' })
        .expect(201),
    );
    const entry = {
      title: 'Post office telecentres',
      shortDescription: 'Community access in rural post offices.',
      call: openCall,
      actionLines: [actionLine],
      documents: [uploaded.body[0].id],
    };
    const created = expectContract(await send('post', '/api/stocktaking-entries?populate=documents', alice.jwt, entry).expect(201));
    const id = created.body.data.documentId;
    expectContract(await send('put', `/api/stocktaking-entries/${id}`, alice.jwt, { website: 'https://example.org' }).expect(200));
    expectContract(await get('/api/stocktaking-entries/mine', alice.jwt).expect(200));
    expectContract(
      await get('/api/stocktaking-entries/mine?populate[0]=call&populate[1]=actionLines&populate[2]=documents', alice.jwt).expect(200),
    );
    expectContract(
      await send('post', '/api/consultation-contributions', alice.jwt, { title: 'Statement', body: 'Our views.', phase }).expect(201),
    );
    expectContract(await get('/api/consultation-contributions/mine?populate=phase', alice.jwt).expect(200));
  });

  it('match the document when refused: invalid input, a closed window, no account, a missing document', async () => {
    expectContract(await send('post', '/api/stocktaking-entries', alice.jwt, { title: 'No call' }).expect(400));
    expectContract(
      await send('post', '/api/stocktaking-entries', alice.jwt, {
        title: 'Late',
        shortDescription: 'Too late.',
        call: closedCall,
        actionLines: [actionLine],
      }).expect(403),
    );
    expectContract(
      await app
        .request()
        .post('/api/stocktaking-entries')
        .send({ data: { title: 'Anonymous' } })
        .expect(403),
    );
    expectContract(await get('/api/stocktaking-entries/mine').expect(403));
    expectContract(await send('put', '/api/stocktaking-entries/nosuchdocument', alice.jwt, { title: 'x' }).expect(404));
  });
});

describe('the error answers', () => {
  it.each([
    ['an unknown document', '/api/publications/nosuchdocument', 404],
    ['an unknown parameter', '/api/events?colour=red', 400],
    ['a private field', '/api/stocktaking-entries?filters[submittedBy][id][$eq]=1', 400],
    ['a bad pagination', '/api/events?pagination[pageSize]=0', 400],
    ['an unknown locale', '/api/events?locale=xx', 400],
    ['a looping fallback', '/api/events?locale=fr&fallbackLocale=fr', 400],
    ['an empty search', '/api/publications?q=', 400],
    ['drafts without a token', '/api/publications?status=draft', 403],
    ['a route the public may not call', '/api/users', 403],
  ])('match the document: %s (%s answers %i)', async (_name, url, status) => {
    expectContract(await get(url).expect(status));
  });
});
