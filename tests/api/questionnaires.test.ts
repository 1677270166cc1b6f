import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder, superAdminToken } from '../helpers/auth';
import { parseCsv, rawBody } from '../helpers/formats';

// A call's questionnaire is data on the call: one structure, labels per language; the entries
// answer it, checked on every write path; submitting needs complete answers; private answers
// stay with their submitter; a questionnaire in use changes only compatibly; entries of a past
// call are carried forward into the open one by their submitter or a verified member.

const CALLS = 'api::stocktaking-call.stocktaking-call';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const LOCALES = ['fr', 'es', 'ar', 'zh', 'ru'];

let app: TestApp;
let token: string;
let editor: string;
let actionLine: string;
let organization: string;
let call: string;
let pastCall: string;
let closedCall: string;
let alice: { jwt: string; user: { id: number } };
let bob: { jwt: string; user: { id: number } };

const as = (jwt: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${jwt}`),
  post: (path: string, body: unknown) => app.request().post(path).set('Authorization', `Bearer ${jwt}`).send(body),
  put: (path: string, body: unknown) => app.request().put(path).set('Authorization', `Bearer ${jwt}`).send(body),
});

const QUESTIONS = [
  {
    key: 'audience',
    type: 'single_choice',
    required: true,
    label: 'Main audience',
    options: [
      { key: 'youth', label: 'Youth' },
      { key: 'women', label: 'Women' },
      { key: 'other', label: 'Other' },
    ],
  },
  {
    key: 'audience_other',
    type: 'short_text',
    required: true,
    label: 'Which audience?',
    shownWhenQuestion: 'audience',
    shownWhenOption: 'other',
  },
  { key: 'beneficiaries', type: 'number', label: 'People reached', minimum: 0, maximum: 1000000 },
  { key: 'budget', type: 'number', label: 'Budget (USD)', public: false },
  { key: 'started', type: 'date', label: 'Start date' },
  { key: 'site', type: 'url', label: 'Web site' },
  { key: 'contact', type: 'email', label: 'Contact e-mail', public: false },
  { key: 'open_source', type: 'yes_no', label: 'Open source?' },
  {
    key: 'tags',
    type: 'multiple_choice',
    label: 'Themes',
    options: [
      { key: 'access', label: 'Access' },
      { key: 'skills', label: 'Skills' },
    ],
  },
  { key: 'where', type: 'countries', label: 'Countries' },
  { key: 'lines', type: 'action_lines', label: 'Action lines' },
  { key: 'story', type: 'long_text', label: 'Story' },
  { key: 'report', type: 'file', label: 'Report (PDF)' },
];
const labelled = (locale: string) =>
  QUESTIONS.map((question) => ({
    ...question,
    label: `${question.label} [${locale}]`,
    options: question.options?.map((option) => ({ ...option, label: `${option.label} [${locale}]` })),
  }));

async function makeCall(title: string, opensAt: string, closesAt: string, questions = QUESTIONS) {
  const created = await as(token)
    .post('/api/stocktaking-calls?status=draft', {
      data: { title, edition: '2027-2028', timezone: 'Europe/Zurich', opensAt, closesAt, questions },
    })
    .expect(201);
  const documentId = created.body.data.documentId;
  for (const locale of LOCALES) {
    await as(token)
      .put(`/api/stocktaking-calls/${documentId}?locale=${locale}&status=draft`, {
        data: { title: `${title} (${locale})`, questions: labelled(locale) },
      })
      .expect(200);
  }
  await app.strapi.documents(CALLS).publish({ documentId, locale: '*' } as never);
  return documentId as string;
}

const draft = (who: { jwt: string }, answers: Record<string, unknown> | undefined, callId = call) =>
  as(who.jwt).post('/api/stocktaking-entries', {
    data: {
      title: `Telecentres ${Math.random()}`,
      shortDescription: 'Rural post offices.',
      call: callId,
      actionLines: [actionLine],
      organization,
      answers,
    },
  });

const complete = { audience: 'youth', beneficiaries: 1200, budget: 50000, contact: 'team@example.org', lines: ['C2'] };

beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
  editor = await superAdminToken(app.strapi, app.request);
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } })).documentId;
  organization = (await app.strapi.db.query('api::organization.organization').findOne({ where: {} })).documentId;
  call = await makeCall('Open call', '2011-01-01', '2040-01-15');
  pastCall = await makeCall('Past call', '2011-01-01', '2040-01-15');
  closedCall = await makeCall('Closed call', '2011-01-01', '2011-02-01');
  alice = await stakeholder(app.strapi, 'alice');
  bob = await stakeholder(app.strapi, 'bob');
}, 300_000);
afterAll(async () => {
  await app?.destroy();
});

describe('the questionnaire as JSON Schema', () => {
  it('answers a valid 2020-12 document with the labels of the locale asked, Arabic included', async () => {
    const ajv = addFormats(new Ajv2020({ strict: false }));
    for (const locale of ['fr', 'ar']) {
      const response = await app.request().get(`/api/stocktaking-calls/${call}/questionnaire?locale=${locale}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
      const schema = response.body;
      expect(ajv.validateSchema(schema)).toBe(true);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(Object.keys(schema.properties)).toEqual(QUESTIONS.map((question) => question.key));
      expect(schema.properties.audience.title).toBe(`Main audience [${locale}]`);
      expect(schema.properties.audience.oneOf[0]).toEqual({ const: 'youth', title: `Youth [${locale}]` });
      expect(schema.properties.budget['x-public']).toBe(false);
      expect(schema.properties.story['x-ui']).toEqual(expect.objectContaining({ widget: 'textarea' }));
      expect(schema.required).toEqual(['audience']);
      const validate = ajv.compile(schema);
      expect(validate(complete)).toBe(true);
      expect(validate({ audience: 'other' })).toBe(false);
    }
  });

  it('keeps one structure: another locale changes labels only, and falls back to English where it has none', async () => {
    const bad = labelled('fr').map((question) =>
      question.key === 'beneficiaries' ? { ...question, type: 'short_text', required: true } : question,
    );
    await as(token)
      .put(`/api/stocktaking-calls/${call}?locale=fr&status=draft`, { data: { questions: bad.slice(1) } })
      .expect(200);
    const stored = await app.strapi
      .documents(CALLS)
      .findOne({ documentId: call, locale: 'fr', status: 'draft', populate: { questions: { populate: ['options'] } } } as never);
    const questions = (stored as { questions: { key: string; type: string; label: string | null }[] }).questions;
    expect(questions.map((question) => question.key)).toEqual(QUESTIONS.map((question) => question.key));
    expect(questions.find((question) => question.key === 'beneficiaries')!.type).toBe('number');
    expect(questions[0].label).toBeNull();
    await app.strapi
      .documents(CALLS)
      .publish({ documentId: call, locale: 'fr' } as never)
      .catch(() => undefined);
  });

  it('counts in the translation status: missing labels, then outdated when the English labels change', async () => {
    const created = await as(token)
      .post('/api/stocktaking-calls?status=draft', {
        data: { title: 'Status call', edition: '2027-2028', opensAt: '2011-01-01', closesAt: '2040-01-15', questions: QUESTIONS },
      })
      .expect(201);
    const documentId = created.body.data.documentId;
    const statusIn = async (locale: string) => {
      const report = await as(token).get(`/api/translation-status?contentType=${CALLS}`).expect(200);
      const item = report.body.data.todo.find(
        (candidate: { documentId: string; locale: string }) => candidate.documentId === documentId && candidate.locale === locale,
      );
      return item?.fields.find((field: { field: string }) => field.field === 'questions')?.status ?? 'current';
    };
    await as(token)
      .put(`/api/stocktaking-calls/${documentId}?locale=fr&status=draft`, {
        data: { title: 'Appel', questions: QUESTIONS.map(({ key }) => ({ key })) },
      })
      .expect(200);
    expect(await statusIn('fr')).toBe('missing');
    await as(token)
      .put(`/api/stocktaking-calls/${documentId}?locale=fr&status=draft`, { data: { questions: labelled('fr') } })
      .expect(200);
    expect(await statusIn('fr')).toBe('current');
    const relabelled = QUESTIONS.map((question) =>
      question.key === 'story' ? { ...question, label: 'Your story, in a few lines' } : question,
    );
    await as(token)
      .put(`/api/stocktaking-calls/${documentId}?status=draft`, { data: { questions: relabelled } })
      .expect(200);
    expect(await statusIn('fr')).toBe('outdated');
  });

  it('is in the OpenAPI document, as submit and carry forward are', async () => {
    const document = (await app.request().get('/api/openapi.json').expect(200)).body;
    const questionnaire = document.paths['/stocktaking-calls/{documentId}/questionnaire'].get;
    expect(questionnaire.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['documentId', 'locale']),
    );
    expect(questionnaire.responses[200].content['application/schema+json'].schema.properties.$schema).toEqual({
      const: 'https://json-schema.org/draft/2020-12/schema',
    });
    const submit = document.paths['/stocktaking-entries/{documentId}/submit'].post;
    expect(submit.responses[200].content['application/json']).toBeDefined();
    expect(submit.responses[400].description).toContain('INVALID_ANSWERS');
    const carry = document.paths['/stocktaking-entries/{documentId}/carry-forward'].post;
    expect(carry.requestBody.content['application/json'].schema.required).toEqual(['data']);
    expect(carry.responses[403].description).toContain('CARRY_FORWARD_NOT_ALLOWED');
    const create = document.paths['/stocktaking-entries'].post;
    expect(create.responses[400].description).toContain('INVALID_ANSWERS');
  });

  it('is 404 for a call that does not exist', async () => {
    const response = await app.request().get('/api/stocktaking-calls/nope/questionnaire').expect(404);
    expect(response.body.error.details.code).toBe('NOT_FOUND');
  });

  it('refuses an unsound questionnaire with INVALID_QUESTIONNAIRE', async () => {
    const response = await as(token)
      .post('/api/stocktaking-calls?status=draft', {
        data: {
          title: 'Bad',
          edition: '2027-2028',
          opensAt: '2011-01-01',
          closesAt: '2040-01-15',
          questions: [
            { key: 'a', type: 'single_choice', label: 'A' },
            { key: 'a', type: 'short_text', label: 'B', shownWhenQuestion: 'z', shownWhenOption: 'x' },
          ],
        },
      })
      .expect(400);
    expect(response.body.error.details.code).toBe('INVALID_QUESTIONNAIRE');
    expect(response.body.error.details.errors.length).toBeGreaterThanOrEqual(2);
  });

  it('is published only once labelled in all six languages', async () => {
    const created = await as(token)
      .post('/api/stocktaking-calls?status=draft', {
        data: { title: 'Half translated', edition: '2027-2028', opensAt: '2011-01-01', closesAt: '2040-01-15', questions: QUESTIONS },
      })
      .expect(201);
    const documentId = created.body.data.documentId;
    const refused = await as(editor)
      .post(`/content-manager/collection-types/${CALLS}/${documentId}/actions/publish?locale=en`, {})
      .expect(400);
    expect(refused.body.error.details).toEqual(
      expect.objectContaining({
        code: 'TRANSLATIONS_INCOMPLETE',
        missing: LOCALES.slice().sort(
          (a, b) => ['ar', 'zh', 'en', 'fr', 'ru', 'es'].indexOf(a) - ['ar', 'zh', 'en', 'fr', 'ru', 'es'].indexOf(b),
        ),
      }),
    );
  });
});

describe('answers', () => {
  it('takes partial drafts and refuses answers that do not fit, one item per question, on REST and in the admin', async () => {
    const partial = await draft(alice, { beneficiaries: 0 }).expect(201);
    expect(partial.body.data.answers).toEqual({ beneficiaries: 0 });
    const wrong = await draft(alice, {
      beneficiaries: 1000001,
      started: '2011-02-30',
      site: 'javascript:alert(1)',
      contact: 'nobody',
      tags: ['access', 'access'],
      audience: 'elders',
      audience_other: 'Elders',
      unknown: 1,
      where: ['XX'],
    }).expect(400);
    expect(wrong.body.error.details.code).toBe('INVALID_ANSWERS');
    const keys = wrong.body.error.details.errors.map((item: { key: string }) => item.key).sort();
    expect(keys).toEqual(['audience', 'audience_other', 'beneficiaries', 'contact', 'site', 'started', 'tags', 'unknown', 'where'].sort());
    for (const notAnObject of ['xxxx', 'ééé', 42, ['youth']]) {
      const refused = await draft(alice, notAnObject as never).expect(400);
      expect(refused.body.error.details.code).toBe('INVALID_ANSWERS');
    }
    const shown = await draft(alice, { audience: 'youth', audience_other: 'Elders' }).expect(400);
    expect(shown.body.error.details.errors).toEqual([expect.objectContaining({ key: 'audience_other', code: 'NOT_SHOWN' })]);
    const french = await as(alice.jwt)
      .post('/api/stocktaking-entries?locale=fr', {
        data: { title: 'x', shortDescription: 'y', call, actionLines: [actionLine], answers: { beneficiaries: -1 } },
      })
      .expect(400);
    expect(french.body.error.details.errors[0].message).toMatch(/doit/);

    const documentId = partial.body.data.documentId;
    const cm = await as(editor)
      .put(`/content-manager/collection-types/${ENTRIES}/${documentId}?locale=en`, { answers: { beneficiaries: 'many' } })
      .expect(400);
    expect(cm.body.error.details.code).toBe('INVALID_ANSWERS');
    const code = app.strapi.documents(ENTRIES).update({ documentId, locale: 'en', data: { answers: { budget: true } } } as never);
    await expect(code).rejects.toMatchObject({ details: expect.objectContaining({ code: 'INVALID_ANSWERS' }) });
    const stored = await app.strapi.db.query(ENTRIES).findOne({ where: { documentId, locale: 'en', publishedAt: null } });
    expect(stored.answers).toEqual({ beneficiaries: 0 });
  });

  it('submits only complete answers, and records when', async () => {
    const documentId = (await draft(alice, { beneficiaries: 3 }).expect(201)).body.data.documentId;
    const incomplete = await as(alice.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(400);
    expect(incomplete.body.error.details.errors).toEqual([expect.objectContaining({ key: 'audience', code: 'REQUIRED' })]);
    await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { answers: { ...complete, audience: 'other' } } })
      .expect(200);
    const hidden = await as(alice.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(400);
    expect(hidden.body.error.details.errors).toEqual([expect.objectContaining({ key: 'audience_other', code: 'REQUIRED' })]);
    await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { answers: complete, submittedAt: '2000-01-01T00:00:00.000Z' } })
      .expect(200);
    const before = await app.strapi.db.query(ENTRIES).findOne({ where: { documentId, publishedAt: null } });
    expect(before.submittedAt).toBeNull();
    const submitted = await as(alice.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(200);
    expect(Date.parse(submitted.body.data.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(submitted.body.data.answers).toEqual(complete);
    await as(bob.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(404);
    await app.request().post(`/api/stocktaking-entries/${documentId}/submit`).send({}).expect(403);
  });

  it("lets an editor submit from the admin on the submitter's behalf: complete answers, the window open", async () => {
    const types = await as(editor).get('/questionnaires/answering-types').expect(200);
    expect(types.body.data).toEqual([ENTRIES]);
    const documentId = (await draft(alice, { beneficiaries: 3 }).expect(201)).body.data.documentId;
    const incomplete = await as(editor).post(`/questionnaires/submit/${ENTRIES}/${documentId}?locale=en`, {}).expect(400);
    expect(incomplete.body.error.details.code).toBe('INVALID_ANSWERS');
    await as(token)
      .put(`/api/stocktaking-entries/${documentId}?status=draft`, { data: { answers: complete } })
      .expect(200);
    const done = await as(editor).post(`/questionnaires/submit/${ENTRIES}/${documentId}?locale=en`, {}).expect(200);
    expect(done.body.data.submittedAt).toEqual(expect.any(String));
    await as(editor).post(`/questionnaires/submit/${CALLS}/${documentId}`, {}).expect(400);
    await app.request().post(`/questionnaires/submit/${ENTRIES}/${documentId}`).send({}).expect(401);
    // Typed in by an editor after the deadline (a super admin overrides it), then submitted: refused.
    const late = (
      await as(editor)
        .post(`/content-manager/collection-types/${ENTRIES}?locale=en`, {
          title: 'Late paper questionnaire',
          shortDescription: 'Received by post.',
          call: { connect: [{ documentId: closedCall }] },
          actionLines: { connect: [{ documentId: actionLine }] },
          answers: complete,
        })
        .expect(201)
    ).body.data.documentId;
    const closed = await as(editor).post(`/questionnaires/submit/${ENTRIES}/${late}?locale=en`, {}).expect(403);
    expect(closed.body.error.details.code).toBe('WINDOW_CLOSED');
  });

  it('answers a REST create without answers with none, reading no answers back; one with answers with them', async () => {
    const sql: string[] = [];
    const record = (query: { sql: string }) => sql.push(query.sql);
    const answersRead = () => sql.filter((statement) => /^select .*answers.* from \S*stocktaking_entries\S* as/i.test(statement)).length;
    app.strapi.db.connection.on('query', record);
    try {
      const bare = await draft(alice, undefined).expect(201);
      expect(bare.body.data.answers).toBeNull();
      expect(answersRead()).toBe(0);
      const stored = await app.strapi.db.query(ENTRIES).findOne({ where: { documentId: bare.body.data.documentId }, select: ['answers'] });
      expect(stored.answers).toBeNull();
      const given = await draft(alice, { audience: 'youth' }).expect(201);
      expect(given.body.data.answers).toEqual({ audience: 'youth' });
      expect(answersRead()).toBeGreaterThan(0);
    } finally {
      app.strapi.db.connection.removeListener('query', record);
    }
  });

  it('shows private answers only to the submitter and API tokens', async () => {
    const documentId = (await draft(alice, complete).expect(201)).body.data.documentId;
    await as(alice.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(200);
    await app.strapi.documents(ENTRIES).publish({ documentId, locale: 'en' } as never);
    const anonymous = await app.request().get(`/api/stocktaking-entries/${documentId}`).expect(200);
    expect(anonymous.body.data.answers).toEqual({ audience: 'youth', beneficiaries: 1200, lines: ['C2'] });
    const other = await as(bob.jwt).get(`/api/stocktaking-entries/${documentId}`).expect(200);
    expect(other.body.data.answers).not.toHaveProperty('budget');
    // The answers come from the read that found the entries, not from a second one.
    const sql: string[] = [];
    const record = (query: { sql: string }) => sql.push(query.sql);
    app.strapi.db.connection.on('query', record);
    try {
      const list = await app.request().get(`/api/stocktaking-entries?filters[documentId]=${documentId}`).expect(200);
      expect(list.body.data[0].answers).toEqual({ audience: 'youth', beneficiaries: 1200, lines: ['C2'] });
    } finally {
      app.strapi.db.connection.removeListener('query', record);
    }
    expect(sql.filter((statement) => /^select .*answers.* from \S*stocktaking_entries\S* as/i.test(statement))).toEqual([]);
    const chosen = await app.request().get(`/api/stocktaking-entries?filters[documentId]=${documentId}&fields[0]=title`).expect(200);
    expect(chosen.body.data[0]).not.toHaveProperty('answers');
    const populated = await app.request().get(`/api/stocktaking-calls/${call}?populate=entries`).expect(200);
    expect(JSON.stringify(populated.body)).not.toContain('team@example.org');
    const own = await as(alice.jwt).get('/api/stocktaking-entries/mine').expect(200);
    expect(own.body.data.find((item: { documentId: string }) => item.documentId === documentId).answers).toEqual(complete);
    const api = await as(token).get(`/api/stocktaking-entries/${documentId}`).expect(200);
    expect(api.body.data.answers).toEqual(complete);
  });

  it('refuses a questionnaire change that would invalidate submitted answers (QUESTIONNAIRE_IN_USE), not a compatible one', async () => {
    const removed = QUESTIONS.filter((question) => question.key !== 'budget');
    const response = await as(token)
      .put(`/api/stocktaking-calls/${call}?status=draft`, { data: { questions: removed } })
      .expect(400);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'QUESTIONNAIRE_IN_USE', question: 'budget' }));
    const required = QUESTIONS.map((question) => (question.key === 'story' ? { ...question, required: true } : question));
    await as(token)
      .put(`/api/stocktaking-calls/${call}?status=draft`, { data: { questions: required } })
      .expect(400);
    const added = [
      ...QUESTIONS.map((question) => ({ ...question, label: `${question.label}!` })),
      { key: 'extra', type: 'short_text', label: 'Extra' },
    ];
    await as(token)
      .put(`/api/stocktaking-calls/${call}?status=draft`, { data: { questions: added } })
      .expect(200);
  });
});

describe('file answers', () => {
  const upload = (jwt: string, name: string) =>
    app
      .request()
      .post('/api/upload')
      .set('Authorization', `Bearer ${jwt}`)
      .attach('files', Buffer.from(`%PDF-1.4 ${name}`), { filename: `${name}.pdf`, contentType: 'application/pdf' });

  it("are the stakeholder's own uploads: someone else's file is refused (MEDIA_NOT_OWNED), nothing written", async () => {
    const own = (await upload(alice.jwt, 'alice-annex').expect(201)).body[0].id;
    const other = (await upload(bob.jwt, 'bob-annex').expect(201)).body[0].id;
    const documentId = (await draft(alice, { report: own }).expect(201)).body.data.documentId;
    const refused = await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { answers: { report: other } } })
      .expect(403);
    expect(refused.body.error.details).toEqual(expect.objectContaining({ code: 'MEDIA_NOT_OWNED', question: 'report' }));
    const stored = await app.strapi.db.query(ENTRIES).findOne({ where: { documentId, publishedAt: null } });
    expect(stored.answers).toEqual({ report: own });
    await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { answers: { report: own, beneficiaries: 1 } } })
      .expect(200);
    await draft(alice, { report: 2 ** 31 }).expect(400);
  });
});

describe('the call for updates', () => {
  let old: string;
  beforeAll(async () => {
    old = (await draft(alice, { ...complete, story: 'Ten years of telecentres.' }, pastCall).expect(201)).body.data.documentId;
    await as(alice.jwt).post(`/api/stocktaking-entries/${old}/submit`, {}).expect(200);
    await app.strapi.documents(ENTRIES).publish({ documentId: old, locale: 'en' } as never);
  });

  it('carries an entry forward for its submitter: a new draft in the open call, linked, answers kept, the old one untouched', async () => {
    const response = await as(alice.jwt).post(`/api/stocktaking-entries/${old}/carry-forward`, { data: { call } }).expect(201);
    const entry = response.body.data;
    expect(entry.documentId).not.toBe(old);
    expect(entry.answers).toEqual(expect.objectContaining({ audience: 'youth', story: 'Ten years of telecentres.' }));
    expect(entry.submittedAt).toBeNull();
    const stored = (await app.strapi.documents(ENTRIES).findOne({
      documentId: entry.documentId,
      status: 'draft',
      populate: ['call', 'previousEntry', 'submittedBy', 'actionLines'],
    } as never)) as Record<string, any>;
    expect(stored.call.documentId).toBe(call);
    expect(stored.previousEntry.documentId).toBe(old);
    expect(stored.submittedBy.id).toBe(alice.user.id);
    expect(stored.actionLines.map((line: { documentId: string }) => line.documentId)).toEqual([actionLine]);
    const original = (await app.strapi
      .documents(ENTRIES)
      .findOne({ documentId: old, status: 'published', populate: ['call'] } as never)) as Record<string, any>;
    expect(original.call.documentId).toBe(pastCall);
    const again = await as(alice.jwt).post(`/api/stocktaking-entries/${old}/carry-forward`, { data: { call } }).expect(400);
    expect(again.body.error.details.code).toBe('ALREADY_CARRIED_FORWARD');
  });

  it('lets a verified member of its organization carry it, not an unverified one, and never into a closed call', async () => {
    await as(bob.jwt).put('/api/questionnaires/membership', { data: { organization } }).expect(200);
    const unverified = await as(bob.jwt)
      .post(`/api/stocktaking-entries/${old}/carry-forward`, { data: { call: closedCall } })
      .expect(403);
    expect(unverified.body.error.details.code).toBe('CARRY_FORWARD_NOT_ALLOWED');
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: bob.user.id }, data: { organizationVerified: true } });
    const membership = await as(bob.jwt).get('/api/questionnaires/membership').expect(200);
    expect(membership.body.data).toEqual(expect.objectContaining({ verified: true }));
    const closed = await as(bob.jwt)
      .post(`/api/stocktaking-entries/${old}/carry-forward`, { data: { call: closedCall } })
      .expect(403);
    expect(closed.body.error.details.code).toBe('WINDOW_CLOSED');
    const third = await makeCall('Third call', '2011-01-01', '2040-01-15');
    const carried = await as(bob.jwt)
      .post(`/api/stocktaking-entries/${old}/carry-forward`, { data: { call: third } })
      .expect(201);
    const stored = await app.strapi.db
      .query(ENTRIES)
      .findOne({ where: { documentId: carried.body.data.documentId }, populate: ['submittedBy'] });
    expect(stored.submittedBy.id).toBe(bob.user.id);
    await as(bob.jwt).put('/api/questionnaires/membership', { data: { organization } }).expect(200);
    const reset = await as(bob.jwt).get('/api/questionnaires/membership').expect(200);
    expect(reset.body.data.verified).toBe(false);
  });

  it('does not let an account verify itself at registration', async () => {
    const response = await app
      .request()
      .post('/api/auth/local/register')
      .send({ username: 'mallory', email: 'mallory@wsis.test', password: 'Mallory-Password-1', organizationVerified: true });
    expect(response.status).toBe(400);
  });
});

describe('the CSV export filtered by a call', () => {
  it('adds a column per question, headed by its key or its label, public answers only', async () => {
    const documentId = (await draft(alice, { ...complete, tags: ['access', 'skills'] }).expect(201)).body.data.documentId;
    await as(alice.jwt).post(`/api/stocktaking-entries/${documentId}/submit`, {}).expect(200);
    await app.strapi.documents(ENTRIES).publish({ documentId, locale: 'en' } as never);
    const csv = await rawBody(
      app.request().get('/api/stocktaking-entries/export.csv').query({ 'filters[call][documentId][$eq]': call }),
    ).expect(200);
    const rows = parseCsv(csv.body);
    const row = rows.find((candidate) => candidate.documentId === documentId)!;
    expect(row).toEqual(
      expect.objectContaining({ audience: 'youth', tags: 'access; skills', beneficiaries: '1200', budget: '', contact: '' }),
    );
    const labelled = await rawBody(
      app
        .request()
        .get('/api/stocktaking-entries/export.csv')
        .query({ 'filters[call][documentId][$eq]': call, headers: 'labels', locale: 'en' }),
    ).expect(200);
    expect(Object.keys(parseCsv(labelled.body)[0])).toEqual(expect.arrayContaining(['Main audience', 'Themes', 'People reached']));
    const unfiltered = await rawBody(app.request().get('/api/stocktaking-entries/export.csv')).expect(200);
    expect(Object.keys(parseCsv(unfiltered.body)[0])).not.toContain('audience');
  });
});
