import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder } from '../helpers/auth';

const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const CONTRIBUTIONS = 'api::consultation-contribution.consultation-contribution';
const PHASES = 'api::consultation-phase.consultation-phase';
const CALLS = 'api::stocktaking-call.stocktaking-call';

let app: TestApp;
let token: string;
let alice: { jwt: string; user: { id: number } };
let bob: { jwt: string; user: { id: number } };
let phase: { documentId: string; consultation: { documentId: string } };
let call: string;
let draftEntry: string;
const MARKER = `MARKER${Date.now()}`;
const bypass = <T>(work: () => Promise<T>): Promise<T> => app.strapi.plugin('deadlines').service('actor').bypass(work);

beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
  alice = await stakeholder(app.strapi, 'alice');
  bob = await stakeholder(app.strapi, 'bob');
  phase = await app.strapi.db.query(PHASES).findOne({ where: { acceptsContributions: true, locale: 'en' }, populate: ['consultation'] });
  call = (await app.strapi.db.query(CALLS).findOne({ where: { locale: 'en', publishedAt: { $notNull: true } } })).documentId;
  const actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } }))
    .documentId;
  // Planted by trusted code (the seeded windows closed in 2011-2012): Bob's draft contribution and
  // entry, a published contribution, and Alice's own draft entry.
  await bypass(async () => {
    const contributions = app.strapi.documents(CONTRIBUTIONS);
    await contributions.create({
      data: {
        title: `${MARKER} draft`,
        body: `${MARKER} draft statement`,
        phase: phase.documentId,
        consultation: phase.consultation.documentId,
        submittedBy: bob.user.id,
      } as never,
    });
    await contributions.create({
      data: {
        title: 'Published statement',
        body: 'PUBLISHED statement on WSIS+10',
        phase: phase.documentId,
        consultation: phase.consultation.documentId,
      } as never,
      status: 'published',
    });
    const entries = app.strapi.documents(ENTRIES);
    draftEntry = (
      await entries.create({
        data: {
          title: `${MARKER} entry`,
          shortDescription: `${MARKER} short`,
          call,
          actionLines: [actionLine],
          submittedBy: bob.user.id,
        } as never,
      })
    ).documentId;
    await entries.create({
      data: {
        title: 'Alice telecentres',
        shortDescription: 'Rural post offices.',
        call,
        actionLines: [actionLine],
        submittedBy: alice.user.id,
      } as never,
    });
  });
});
afterAll(async () => {
  await app?.destroy();
});

const get = (path: string, query: Record<string, unknown> | string = {}, jwt?: string) => {
  const request = app.request().get(path).query(query);
  return jwt ? request.set('Authorization', `Bearer ${jwt}`) : request;
};

describe('the status parameter', () => {
  const STATUSES: [string, string][] = [
    ['status=draft', 'status=draft'],
    ['status=x', 'status=x'],
    ['an empty status', 'status='],
    ['status=Draft', 'status=Draft'],
    ['status[0]=draft', 'status[0]=draft'],
  ];
  const ROUTES = () => [
    '/api/stocktaking-entries',
    `/api/stocktaking-entries/${draftEntry}`,
    '/api/stocktaking-entries/export.csv',
    '/api/stocktaking-entries/feed.xml',
    '/api/stocktaking-calls/current',
    '/api/consultation-phases',
    '/api/consultation-contributions',
  ];

  it.each(STATUSES)(
    'refuses %s to the public and to stakeholders on every read route, with nothing of the drafts',
    async (_name, query) => {
      for (const route of ROUTES()) {
        for (const jwt of [undefined, alice.jwt]) {
          const response = await get(route, query, jwt);
          expect([route, response.status]).toEqual([route, 403]);
          expect(response.body.error.details.code).toBe('DRAFTS_NOT_VISIBLE');
          expect(JSON.stringify(response.body)).not.toContain(MARKER);
          expect(response.headers['cache-control'] ?? '').not.toMatch(/public/);
        }
      }
    },
  );

  it('refuses the editorial cohorts publicationFilter and hasPublishedVersion', async () => {
    for (const query of ['publicationFilter=never-published', 'hasPublishedVersion=false']) {
      const response = await get('/api/stocktaking-entries', query);
      expect(response.status).toBe(403);
      expect(response.body.error.details.code).toBe('DRAFTS_NOT_VISIBLE');
    }
  });

  it('still answers status=published, and serves drafts to an API token that asks for them', async () => {
    await get('/api/stocktaking-entries', 'status=published').expect(200);
    const drafts = await get(`/api/stocktaking-entries/${draftEntry}`, 'status=draft', token).expect(200);
    expect(drafts.body.data.title).toContain(MARKER);
  });
});

describe('filters and sorts through relations', () => {
  const total = async (path: string, query: string) => {
    const response = await get(path, query);
    expect(response.status).toBe(200);
    return response.body.meta.pagination.total as number;
  };

  it('do not tell whether a draft contribution exists (phases have no draft and publish of their own)', async () => {
    expect(await total('/api/consultation-phases', `filters[contributions][body][$startsWith]=${MARKER}`)).toBe(0);
    expect(
      await total(
        '/api/consultation-phases',
        `filters[contributions][$or][0][title][$startsWith]=${MARKER}&filters[contributions][$or][1][body][$contains]=${MARKER}`,
      ),
    ).toBe(0);
    expect(await total('/api/consultations', `filters[phases][contributions][body][$startsWith]=${MARKER}`)).toBe(0);
    expect(await total('/api/consultation-contributions', `filters[phase][contributions][body][$startsWith]=${MARKER}`)).toBe(0);
  });

  it('still find published contributions the same way', async () => {
    expect(await total('/api/consultation-phases', 'filters[contributions][body][$startsWith]=PUBLISHED')).toBe(1);
    expect(await total('/api/consultations', 'filters[phases][contributions][body][$startsWith]=PUBLISHED')).toBe(1);
  });

  it('do not leak through the filters of a populated relation', async () => {
    const response = await get(
      `/api/consultations/${phase.consultation.documentId}`,
      `populate[phases][filters][contributions][body][$startsWith]=${MARKER}`,
    ).expect(200);
    expect(response.body.data.phases).toEqual([]);
  });

  it('refuse sorting by a value read through a relation that reaches drafts, and an emptiness test on it', async () => {
    const sorted = await get('/api/consultation-phases', 'sort=contributions.body:asc');
    expect(sorted.status).toBe(400);
    expect(sorted.body.error.details.code).toBe('INVALID_SORT');
    const empty = await get('/api/consultation-phases', 'filters[contributions][$null]=true');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.code).toBe('INVALID_FILTER');
  });
});

describe('a stakeholder reading their own drafts', () => {
  it('lists their own drafts with the relations they may populate, in their published version', async () => {
    await app.strapi
      .documents(CALLS)
      .update({ documentId: call, locale: 'en', data: { title: `${MARKER} unpublished call title` } as never });
    const response = await get('/api/stocktaking-entries/mine', 'populate=call', alice.jwt).expect(200);
    expect(response.body.data.map((entry) => entry.title)).toEqual(['Alice telecentres']);
    expect(response.body.data[0].call.title).not.toContain(MARKER);
    expect(JSON.stringify(response.body)).not.toContain(MARKER);
  });

  it("refuses populating deeper, which would read other people's drafts", async () => {
    for (const query of [
      'populate[call][populate][entries]=*',
      'populate=call.entries',
      'populate[call][populate]=*',
      'populate[call][filters][title][$null]=false',
    ]) {
      const response = await get('/api/stocktaking-entries/mine', query, alice.jwt);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.error.details.code).toBe('INVALID_POPULATE');
      expect(JSON.stringify(response.body)).not.toContain(MARKER);
    }
    for (const query of [
      `filters[call][entries][title][$startsWith]=${MARKER}`,
      `filters[call][title][$startsWith]=${MARKER}`,
      'sort=call.title',
    ]) {
      const response = await get('/api/stocktaking-entries/mine', query, alice.jwt);
      expect([query, response.status]).toEqual([query, 400]);
      expect(JSON.stringify(response.body)).not.toContain(MARKER);
    }
    const byCall = await get('/api/stocktaking-entries/mine', `filters[call][documentId]=${call}`, alice.jwt).expect(200);
    expect(byCall.body.data).toHaveLength(1);
    // A private relation is refused by Strapi's own query validation.
    expect((await get('/api/stocktaking-entries/mine', 'populate=submittedBy', alice.jwt)).status).toBe(400);
  });

  it('refuses the same populate on a submission, writing nothing', async () => {
    const before = await app.strapi.db.query(CONTRIBUTIONS).count();
    const response = await app
      .request()
      .post('/api/consultation-contributions')
      .query('populate[phase][populate][contributions]=*')
      .set('Authorization', `Bearer ${alice.jwt}`)
      .send({ data: { title: 'Statement', body: 'Text', phase: phase.documentId } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain(MARKER);
    expect(await app.strapi.db.query(CONTRIBUTIONS).count()).toBe(before);
  });
});

describe('pagination', () => {
  it.each([
    ['pagination[limit]=-1 with fallbackLocale', '/api/publications', 'locale=fr&fallbackLocale=en&pagination[limit]=-1'],
    ['pagination[limit]=-1', '/api/publications', 'pagination[limit]=-1'],
    ['pagination[pageSize]=0', '/api/events', 'pagination[pageSize]=0'],
    ['pagination[page]=0', '/api/events', 'pagination[page]=0'],
    ['pagination[start]=-5', '/api/events', 'pagination[start]=-5'],
    ['a page and a start together', '/api/events', 'pagination[page]=1&pagination[start]=0'],
    ['a fraction', '/api/events', 'pagination[pageSize]=1.5'],
    ['a number too large to mean anything', '/api/events', 'pagination[page]=99999999999999999999'],
  ])('refuses %s with 400 INVALID_PAGINATION', async (_name, path, query) => {
    const response = await get(path, query);
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_PAGINATION');
  });

  it('lowers a page size over the maximum to the maximum, as Strapi does', async () => {
    const response = await get('/api/events', 'pagination[pageSize]=1000').expect(200);
    expect(response.body.meta.pagination.pageSize).toBe(100);
  });
});

describe('populated to-many relations', () => {
  afterEach(() => app.strapi.config.set('plugin::api-guard.populateCaps', { perDocument: 250, perResponse: 2500 }));

  it('are refused over the per-document and per-response caps, and served within them', async () => {
    app.strapi.config.set('plugin::api-guard.populateCaps', { perDocument: 2, perResponse: 3 });
    const tooMany = await get(`/api/consultations/${phase.consultation.documentId}`, 'populate=phases');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toEqual(expect.objectContaining({ code: 'POPULATE_TOO_LARGE', field: 'phases' }));
    const overall = await get('/api/consultations', 'populate[phases][filters][position][$lte]=2');
    expect(overall.status).toBe(400);
    const within = await get('/api/consultations', 'populate[phases][filters][position][$lte]=1').expect(200);
    expect(within.body.data.every((consultation) => consultation.phases.length === 1)).toBe(true);
  });
});

describe('window summaries', () => {
  it('cost the same number of queries for one populated call as for many', async () => {
    const queries = async (pageSize: number) => {
      let count = 0;
      // Queries that read calls (populate, window summaries); the outbox's timer runs beside.
      const listener = (query: { sql: string }) => {
        if (query.sql.includes('stocktaking_calls')) count += 1;
      };
      app.strapi.db.connection.on('query', listener);
      const response = await get(
        '/api/stocktaking-entries',
        // Only the title: the entries' answers (the questionnaires plugin reads calls for them) are not asked.
        `fields[0]=title&populate=call&filters[call][documentId][$notNull]=true&sort=documentId&pagination[pageSize]=${pageSize}`,
      ).expect(200);
      app.strapi.db.connection.removeListener('query', listener);
      expect(response.body.data.every((entry) => entry.call === null || entry.call.window)).toBe(true);
      return { count, calls: response.body.data.filter((entry) => entry.call).length };
    };
    const one = await queries(1);
    const many = await queries(100);
    expect(one.calls).toBe(1);
    expect(many.calls).toBeGreaterThan(3);
    expect(many.count).toBe(one.count);
  });
});
