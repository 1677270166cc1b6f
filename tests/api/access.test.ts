import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/auth';

const PUBLIC_TYPES = [
  'forum-editions',
  'forum-sessions',
  'stocktaking-calls',
  'stocktaking-entries',
  'publications',
  'partners',
  'consultations',
  'consultation-phases',
  'consultation-contributions',
  'events',
  'action-lines',
  'countries',
  'organizations',
];

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

async function anyDocumentId(plural: string) {
  const response = await app.request().get(`/api/${plural}`).set('Authorization', `Bearer ${token}`).query({ status: 'draft' });
  return response.body.data[0]?.documentId ?? 'missing-document';
}

describe('the public role reads, and only reads', () => {
  it.each(PUBLIC_TYPES)('cannot create, update or delete %s', async (plural) => {
    const documentId = await anyDocumentId(plural);
    await app
      .request()
      .post(`/api/${plural}`)
      .send({ data: { title: 'x', name: 'x' } })
      .expect(403);
    await app
      .request()
      .put(`/api/${plural}/${documentId}`)
      .send({ data: { title: 'x', name: 'x' } })
      .expect(403);
    await app.request().delete(`/api/${plural}/${documentId}`).expect(403);
  });

  it('cannot reach users or roles', async () => {
    await app.request().get('/api/users').expect(403);
    await app.request().get('/api/users-permissions/roles').expect(403);
  });
});

describe('drafts stay out of public responses', () => {
  let draftId: string;
  beforeAll(async () => {
    const created = await app
      .request()
      .post('/api/events')
      .set('Authorization', `Bearer ${token}`)
      .query({ status: 'draft' })
      .send({ data: { title: 'Unannounced meeting', startsAt: '2012-03-01T09:00:00.000Z', scope: 'international' } })
      .expect(201);
    draftId = created.body.data.documentId;
  });

  it('lists and finds only published documents', async () => {
    const list = await app.request().get('/api/events').query({ 'pagination[pageSize]': 100 }).expect(200);
    expect(list.body.data.map((event) => event.documentId)).not.toContain(draftId);
    await app.request().get(`/api/events/${draftId}`).expect(404);
  });

  it('refuses ?status=draft to the public', async () => {
    const response = await app.request().get('/api/events').query({ status: 'draft' }).expect(403);
    expect(response.body.error.details.code).toBe('DRAFTS_NOT_VISIBLE');
    await app.request().get(`/api/events/${draftId}`).query({ status: 'draft' }).expect(403);
  });

  it('serves drafts to an API token that asks for them', async () => {
    const response = await app
      .request()
      .get(`/api/events/${draftId}`)
      .set('Authorization', `Bearer ${token}`)
      .query({ status: 'draft' })
      .expect(200);
    expect(response.body.data.title).toBe('Unannounced meeting');
  });
});

describe('private fields', () => {
  let entryId: string;
  beforeAll(async () => {
    const user = await app.strapi.db.query('plugin::users-permissions.user').create({
      data: { username: 'submitter', email: 'submitter@wsis.test', provider: 'local', confirmed: true },
    });
    const entries = app.strapi.documents('api::stocktaking-entry.stocktaking-entry');
    entryId = (await entries.findFirst({ status: 'published' })).documentId;
    // Trusted setup code: the seeded entry's call closed in 2012, so it bypasses the deadline checks.
    await app.strapi
      .plugin('deadlines')
      .service('actor')
      .bypass(async () => {
        await entries.update({ documentId: entryId, data: { submittedBy: user.documentId } as never });
        await entries.publish({ documentId: entryId });
      });
    const stored = await entries.findOne({ documentId: entryId, status: 'published', populate: ['submittedBy'] });
    expect(stored.submittedBy).toEqual(expect.objectContaining({ username: 'submitter' }));
  });

  it('never shows the submitter or contact e-mails, even when populating everything', async () => {
    const entries = await app.request().get('/api/stocktaking-entries').query({ populate: '*' }).expect(200);
    for (const entry of entries.body.data) expect(entry).not.toHaveProperty('submittedBy');
    const entry = await app.request().get(`/api/stocktaking-entries/${entryId}`).query({ populate: '*' }).expect(200);
    expect(entry.body.data).not.toHaveProperty('submittedBy');
    const organizations = await app.request().get('/api/organizations').query({ 'pagination[pageSize]': 100 }).expect(200);
    for (const organization of organizations.body.data) expect(organization).not.toHaveProperty('contactEmail');
    expect(JSON.stringify(organizations.body)).not.toContain('@itu.int');
  });

  it.each([
    ['filters[submittedBy][username][$eq]=submitter', '/api/stocktaking-entries'],
    ['filters[submittedBy][id][$notNull]=true', '/api/stocktaking-entries'],
    ['sort=submittedBy.username:asc', '/api/stocktaking-entries'],
    ['populate[submittedBy]=true', '/api/stocktaking-entries'],
    ['filters[contactEmail][$eq]=wsis-info@itu.int', '/api/organizations'],
    ['filters[contactEmail][$containsi]=itu', '/api/organizations'],
    ['sort=contactEmail:asc', '/api/organizations'],
  ])('refuses %s on %s', async (query, path) => {
    const response = await app.request().get(`${path}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(expect.objectContaining({ status: 400, name: 'ValidationError' }));
  });
});
