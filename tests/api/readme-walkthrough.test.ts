import { bootApp, TestApp } from '../helpers/strapi';
import { superAdminToken } from '../helpers/auth';
import { linkIn, nextMessage } from '../helpers/mail';

// The stakeholder walk-through of the README ("Submissions and deadlines"), request by request in
// its order, on the demo data as the seed leaves it: the demo call is open at the first boot.

const API = '/api';
let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
}, 300_000);
afterAll(async () => {
  await app?.destroy();
});

it('runs as written: register, confirm, current calls, questionnaire, draft, submit, /mine, carry forward', async () => {
  const request = () => app.request();
  const json = (test: ReturnType<ReturnType<typeof request>['post']>, body: unknown) =>
    test.set('Content-Type', 'application/json').send(body);

  // 1. Register, follow the mailed link, sign in.
  await json(request().post(`${API}/auth/local/register`), { username: 'ada', email: 'ada@example.org', password: 'Geneva-2012' }).expect(
    200,
  );
  const link = linkIn(await nextMessage(app.strapi, 'ada@example.org', /confirmation/i));
  await request().get(`${link.pathname}${link.search}`).expect(302);
  const login = await json(request().post(`${API}/auth/local`), { identifier: 'ada@example.org', password: 'Geneva-2012' }).expect(200);
  const auth = `Bearer ${login.body.jwt}`;

  // 2. The calls open now; the questionnaire of the first, in French.
  const current = await request().get(`${API}/stocktaking-calls/current`).expect(200);
  const call = current.body.data[0].documentId;
  expect(current.body.data[0].slug).toBe('demo-call-open-at-first-boot');
  const questionnaire = await request().get(`${API}/stocktaking-calls/${call}/questionnaire?locale=fr`).expect(200);
  expect(JSON.parse(questionnaire.text).properties.audience.title).toBe("Principaux bénéficiaires de l'activité");

  // 3. A draft with partial answers; submitting needs the licence (shown because open_source is true).
  const line = (await request().get(`${API}/action-lines`).query({ 'filters[code][$eq]': 'C3' }).expect(200)).body.data[0].documentId;
  const created = await json(request().post(`${API}/stocktaking-entries`).set('Authorization', auth), {
    data: {
      title: 'Post office telecentres',
      shortDescription: 'Community access in rural post offices.',
      call,
      actionLines: [line],
      answers: { audience: 'rural', open_source: true },
    },
  }).expect(201);
  const entry = created.body.data.documentId;
  const incomplete = await request().post(`${API}/stocktaking-entries/${entry}/submit`).set('Authorization', auth).expect(400);
  expect(incomplete.body.error.details).toEqual(
    expect.objectContaining({ code: 'INVALID_ANSWERS', errors: [expect.objectContaining({ key: 'licence', code: 'REQUIRED' })] }),
  );
  await json(request().put(`${API}/stocktaking-entries/${entry}`).set('Authorization', auth), {
    data: { answers: { audience: 'rural', open_source: true, licence: 'GPL-3.0' } },
  }).expect(200);
  const submitted = await request().post(`${API}/stocktaking-entries/${entry}/submit`).set('Authorization', auth).expect(200);
  expect(submitted.body.data.submittedAt).toEqual(expect.any(String));

  // 4. Their submissions.
  const mine = await request().get(`${API}/stocktaking-entries/mine`).set('Authorization', auth).expect(200);
  expect(mine.body.data.map((item: { documentId: string }) => item.documentId)).toEqual([entry]);

  // 5. Name the organization; an editor verifies it in the admin (Users); carry its 2011-2012 entry forward.
  const organization = (await request().get(`${API}/organizations`).query({ 'filters[name][$eq]': 'Bhutan Post' }).expect(200)).body.data[0]
    .documentId;
  await json(request().put(`${API}/questionnaires/membership`).set('Authorization', auth), { data: { organization } }).expect(200);
  const old = (
    await request().get(`${API}/stocktaking-entries`).query({ 'filters[slug][$eq]': 'post-office-telekiosks-bhutan' }).expect(200)
  ).body.data[0].documentId;
  await json(request().post(`${API}/stocktaking-entries/${old}/carry-forward`).set('Authorization', auth), { data: { call } }).expect(403);
  const editor = await superAdminToken(app.strapi, request);
  const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: 'ada@example.org' } });
  await request()
    .put(`/content-manager/collection-types/plugin::users-permissions.user/${user.documentId}`)
    .set('Authorization', `Bearer ${editor}`)
    .send({ organizationVerified: true })
    .expect(200);
  const carried = await json(request().post(`${API}/stocktaking-entries/${old}/carry-forward`).set('Authorization', auth), {
    data: { call },
  }).expect(201);
  expect(carried.body.data.answers).toEqual(expect.objectContaining({ audience: 'rural', budget: 450000 }));
});
