import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder, superAdminToken } from '../helpers/auth';

const CALLS = 'api::stocktaking-call.stocktaking-call';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';

let app: TestApp;
let token: string;
let actionLine: string;
const clock = () => app.strapi.plugin('deadlines').service('clock');
const at = (instant: string) => clock().set(instant);

beforeAll(async () => {
  app = await bootApp();
  // The calls made here are English only: the official-call gate (tests/api/translations.test.ts)
  // would refuse to publish them. Deadlines are what is tested here, so the gate is off for this app.
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  token = await fullAccessToken(app.strapi);
  actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } })).documentId;
});
afterAll(async () => {
  clock().set(null);
  await app?.destroy();
});

/** A published call, written through REST by an editor's API token. */
async function createCall(window: Record<string, unknown>, title = `Call ${Math.random()}`) {
  const response = await app
    .request()
    .post('/api/stocktaking-calls')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title, edition: '2011-2012', timezone: 'Europe/Zurich', ...window } });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
}

const entry = (call: string, extra: Record<string, unknown> = {}) => ({
  title: `Telecentres ${Math.random()}`,
  shortDescription: 'Community telecentres in rural post offices.',
  call,
  actionLines: [actionLine],
  ...extra,
});

const submit = (jwt: string, data: Record<string, unknown>, query: Record<string, string> = {}) =>
  app.request().post('/api/stocktaking-entries').query(query).set('Authorization', `Bearer ${jwt}`).send({ data });

const update = (jwt: string, documentId: string, data: Record<string, unknown>, query: Record<string, string> = {}) =>
  app.request().put(`/api/stocktaking-entries/${documentId}`).query(query).set('Authorization', `Bearer ${jwt}`).send({ data });

const stored = (documentId: string) =>
  app.strapi.db.query(ENTRIES).findMany({ where: { documentId }, populate: { submittedBy: { select: ['id'] } } });

describe('the deadline of a stocktaking call (CET date: 15 January 2012 in Geneva)', () => {
  let call: string;
  let alice: { jwt: string; user: { id: number } };
  beforeAll(async () => {
    call = await createCall({ opensAt: '2011-07-01', closesAt: '2012-01-15' });
    alice = await stakeholder(app.strapi, 'alice');
  });

  it('stores a date-only deadline as the end of that day in Geneva (CET)', async () => {
    const row = await app.strapi.db.query(CALLS).findOne({ where: { documentId: call } });
    expect(new Date(row.closesAt).toISOString()).toBe('2012-01-15T22:59:59.999Z');
    expect(new Date(row.opensAt).toISOString()).toBe('2011-06-30T22:00:00.000Z');
  });

  it('accepts a submission one second before the deadline, as a draft owned by its submitter', async () => {
    at('2012-01-15T22:59:58.999Z');
    const response = await submit(alice.jwt, entry(call));
    expect(response.status).toBe(201);
    const rows = await stored(response.body.data.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0].publishedAt).toBeNull();
    expect(rows[0].submittedBy.id).toBe(alice.user.id);
    expect(rows[0].late).toBe(false);
    await app.request().get(`/api/stocktaking-entries/${response.body.data.documentId}`).expect(404);
  });

  it('refuses a submission one second after the deadline with WINDOW_CLOSED and the deadline in Geneva time', async () => {
    at('2012-01-15T23:00:00.999Z');
    const before = await app.strapi.db.query(ENTRIES).count();
    const response = await submit(alice.jwt, entry(call));
    expect(response.status).toBe(403);
    expect(response.body.error.details).toEqual({
      code: 'WINDOW_CLOSED',
      deadline: '2012-01-15T23:59:59.999+01:00',
      timezone: 'Europe/Zurich',
    });
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
  });

  it('refuses a submission before the call opens with WINDOW_NOT_OPEN', async () => {
    at('2011-06-30T21:59:59.000Z');
    const response = await submit(alice.jwt, entry(call));
    expect(response.status).toBe(403);
    expect(response.body.error.details).toEqual(
      expect.objectContaining({ code: 'WINDOW_NOT_OPEN', opensAt: '2011-07-01T00:00:00.000+02:00' }),
    );
  });
});

describe('a CEST deadline and its extension (the WSIS+10 contributions: 1, extended to 5 September 2011)', () => {
  let call: string;
  let bob: { jwt: string };
  beforeAll(async () => {
    call = await createCall({ opensAt: '2011-06-15', closesAt: '2011-09-01' });
    bob = await stakeholder(app.strapi, 'bob');
  });

  it('closes at the end of 1 September in Geneva (CEST) before the extension', async () => {
    at('2011-09-01T21:59:59.000Z');
    expect((await submit(bob.jwt, entry(call))).status).toBe(201);
    at('2011-09-01T22:00:00.000Z');
    const refused = await submit(bob.jwt, entry(call));
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.deadline).toBe('2011-09-01T23:59:59.999+02:00');
  });

  it('moves the boundary when an editor announces an extension, and keeps the original on record', async () => {
    await app
      .request()
      .put(`/api/stocktaking-calls/${call}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: { extensions: [{ closesAt: '2011-09-05', reason: 'At the request of several stakeholders', announcedAt: '2011-08-10' }] },
      })
      .expect(200);
    at('2011-09-05T21:59:58.999Z');
    expect((await submit(bob.jwt, entry(call))).status).toBe(201);
    at('2011-09-05T22:00:00.000Z');
    const refused = await submit(bob.jwt, entry(call));
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({
      code: 'WINDOW_CLOSED',
      deadline: '2011-09-05T23:59:59.999+02:00',
      originalDeadline: '2011-09-01T23:59:59.999+02:00',
      timezone: 'Europe/Zurich',
    });
  });

  it('shows the computed window in REST responses', async () => {
    at('2011-09-03T10:00:00.000Z');
    const response = await app.request().get(`/api/stocktaking-calls/${call}`).expect(200);
    expect(response.body.data.window).toEqual(
      expect.objectContaining({
        state: 'open',
        closesAt: '2011-09-05T23:59:59.999+02:00',
        originalClosesAt: '2011-09-01T23:59:59.999+02:00',
        extended: true,
        timezone: 'Europe/Zurich',
      }),
    );
    const current = await app.request().get('/api/stocktaking-calls/current').expect(200);
    expect(current.body.data.map((item) => item.documentId)).toContain(call);
    at('2011-09-06T10:00:00.000Z');
    const later = await app.request().get('/api/stocktaking-calls/current').expect(200);
    expect(later.body.data.map((item) => item.documentId)).not.toContain(call);
  });
});

describe('edits, edit grace and late submitters', () => {
  let call: string;
  let carol: { jwt: string; user: { id: number } };
  let dave: { jwt: string; user: { id: number } };
  let carolsEntry: string;
  beforeAll(async () => {
    carol = await stakeholder(app.strapi, 'carol');
    dave = await stakeholder(app.strapi, 'dave');
    call = await createCall({ opensAt: '2012-02-01', closesAt: '2012-03-01', editableUntil: '2012-03-08' });
    at('2012-02-15T10:00:00.000Z');
    carolsEntry = (await submit(carol.jwt, entry(call))).body.data.documentId;
  });

  it('lets the submitter edit during the edit grace, not after', async () => {
    at('2012-03-05T10:00:00.000Z');
    expect((await update(carol.jwt, carolsEntry, { title: 'Edited in the grace period' })).status).toBe(200);
    at('2012-03-08T23:00:00.000Z');
    const refused = await update(carol.jwt, carolsEntry, { title: 'Too late' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({
      code: 'EDIT_PERIOD_OVER',
      deadline: '2012-03-08T23:59:59.999+01:00',
      timezone: 'Europe/Zurich',
    });
  });

  it('refuses a new submission during the edit grace', async () => {
    at('2012-03-05T10:00:00.000Z');
    expect((await submit(carol.jwt, entry(call))).body.error.details.code).toBe('WINDOW_CLOSED');
  });

  it('refuses adding a translation (a new locale) after the edit period', async () => {
    at('2012-03-09T10:00:00.000Z');
    const response = await update(carol.jwt, carolsEntry, { title: 'Télécentres', shortDescription: 'Des télécentres.' }, { locale: 'fr' });
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('EDIT_PERIOD_OVER');
  });

  it('accepts a named late submitter after closing and flags the entry late', async () => {
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: dave.user.id } });
    await app.strapi.documents(CALLS).update({ documentId: call, data: { lateSubmitters: [user.documentId] } as never });
    await app.strapi.documents(CALLS).publish({ documentId: call });
    at('2012-03-20T10:00:00.000Z');
    const accepted = await submit(dave.jwt, entry(call, { late: false }));
    expect(accepted.status).toBe(201);
    expect((await stored(accepted.body.data.documentId))[0].late).toBe(true);
    expect((await submit(carol.jwt, entry(call))).status).toBe(403);
  });
});

describe('owners and mass assignment', () => {
  let call: string;
  let erin: { jwt: string; user: { id: number } };
  let frank: { jwt: string; user: { id: number } };
  let erinsEntry: string;
  beforeAll(async () => {
    erin = await stakeholder(app.strapi, 'erin');
    frank = await stakeholder(app.strapi, 'frank');
    call = await createCall({ opensAt: '2013-01-01', closesAt: '2013-12-31' });
    at('2013-06-01T10:00:00.000Z');
  });

  it('refuses a submitter in the payload (Strapi refuses the private relation), writing nothing', async () => {
    const before = await app.strapi.db.query(ENTRIES).count();
    expect((await submit(erin.jwt, entry(call, { submittedBy: frank.user.id }))).status).toBe(400);
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
  });

  it('ignores server-set fields in the payload and never publishes a submission', async () => {
    const response = await submit(
      erin.jwt,
      entry(call, { late: true, moderatorNote: 'approved', publishedAt: '2013-01-01T00:00:00.000Z' }),
      { status: 'published' },
    );
    expect(response.status).toBe(201);
    erinsEntry = response.body.data.documentId;
    const rows = await stored(erinsEntry);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.objectContaining({ publishedAt: null, late: false, moderatorNote: null }));
    expect(rows[0].submittedBy.id).toBe(erin.user.id);
  });

  it('lets a stakeholder read and update only their own submissions', async () => {
    const mine = await app.request().get('/api/stocktaking-entries/mine').set('Authorization', `Bearer ${frank.jwt}`).expect(200);
    expect(mine.body.data.map((item) => item.documentId)).not.toContain(erinsEntry);
    const hers = await app.request().get('/api/stocktaking-entries/mine').set('Authorization', `Bearer ${erin.jwt}`).expect(200);
    expect(hers.body.data.map((item) => item.documentId)).toEqual([erinsEntry]);
    expect(hers.body.data[0]).not.toHaveProperty('submittedBy');
    expect((await update(frank.jwt, erinsEntry, { title: 'Hijacked' })).status).toBe(404);
    expect((await update(erin.jwt, erinsEntry, { title: 'Mine, edited', late: true })).status).toBe(200);
    expect((await stored(erinsEntry))[0].late).toBe(false);
    expect((await stored(erinsEntry))[0].submittedBy.id).toBe(erin.user.id);
  });

  it('refuses the public and other stakeholders the drafts', async () => {
    await app.request().get('/api/stocktaking-entries').query({ status: 'draft' }).set('Authorization', `Bearer ${frank.jwt}`).expect(403);
    await app.request().get('/api/stocktaking-entries/mine').expect(403);
  });

  it('refuses to move a submission from its closed call to an open one', async () => {
    const closed = await createCall({ opensAt: '2013-01-01', closesAt: '2013-03-01' });
    at('2013-02-01T10:00:00.000Z');
    const inClosed = (await submit(erin.jwt, entry(closed))).body.data.documentId;
    at('2013-06-01T10:00:00.000Z');
    const moved = await update(erin.jwt, inClosed, { call });
    expect(moved.status).toBe(403);
    expect(moved.body.error.details.code).toBe('EDIT_PERIOD_OVER');
  });

  it('refuses a submission pointing at a call that does not exist', async () => {
    const response = await submit(erin.jwt, entry('doesnotexist0000000000000'));
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('WINDOW_SOURCE_NOT_FOUND');
  });
});

describe('the shape of a submission', () => {
  let call: string;
  let grace: { jwt: string };
  beforeAll(async () => {
    grace = await stakeholder(app.strapi, 'grace');
    call = await createCall({ opensAt: '2014-01-01', closesAt: '2014-12-31' });
    at('2014-06-01T10:00:00.000Z');
  });

  it.each([
    ['without a call', { call: undefined }, 'WINDOW_REQUIRED'],
    ['without an action line', { actionLines: [] }, 'FIELD_REQUIRED'],
    ['with 151 words of short description', { shortDescription: 'word '.repeat(151) }, 'TOO_MANY_WORDS'],
    ['with 151 Chinese words of short description', { shortDescription: '信息社会'.repeat(151) }, 'TOO_MANY_WORDS'],
  ])('refuses a submission %s', async (_label, override, code) => {
    const response = await submit(grace.jwt, entry(call, override));
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe(code);
  });

  it('accepts the minimal valid entry: title, short description, call and one action line', async () => {
    expect((await submit(grace.jwt, { title: 'Minimal', shortDescription: 'Short.', call, actionLines: [actionLine] })).status).toBe(201);
  });
});

describe('every write path', () => {
  let closedCall: string;
  beforeAll(async () => {
    closedCall = await createCall({ opensAt: '2015-01-01', closesAt: '2015-02-01' });
    at('2015-03-01T10:00:00.000Z');
  });

  it('refuses code calling the document service after closing', async () => {
    await expect(app.strapi.documents(ENTRIES).create({ data: entry(closedCall) as never })).rejects.toMatchObject({
      details: { code: 'WINDOW_CLOSED' },
    });
  });

  it('refuses an API token after closing', async () => {
    const response = await submit(token, entry(closedCall));
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('WINDOW_CLOSED');
  });

  it('refuses an editor without the override permission in the admin, and records an override by one who has it', async () => {
    const editorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    await app.strapi.service('admin::user').create({
      email: 'editor@wsis.test',
      firstname: 'E',
      lastname: 'Ditor',
      password: 'Editor-Password-2012',
      isActive: true,
      roles: [editorRole.id],
    });
    const editorJwt = (
      await app.request().post('/admin/login').send({ email: 'editor@wsis.test', password: 'Editor-Password-2012' }).expect(200)
    ).body.data.token;
    const path = `/content-manager/collection-types/${ENTRIES}`;
    const refused = await app.request().post(path).set('Authorization', `Bearer ${editorJwt}`).send(entry(closedCall));
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.code).toBe('WINDOW_CLOSED');

    const adminJwt = await superAdminToken(app.strapi, app.request);
    const accepted = await app
      .request()
      .post(path)
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ ...entry(closedCall), call: { connect: [{ documentId: closedCall }] } });
    expect(accepted.status).toBe(201);
    const overrides = await app.strapi.db
      .query('plugin::deadlines.deadline-override')
      .findMany({ where: { targetDocumentId: accepted.body.data.documentId } });
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toEqual(
      expect.objectContaining({ contentType: ENTRIES, action: 'create', adminEmail: expect.stringContaining('@wsis.test') }),
    );

    // Editors still moderate and publish after closing (given the publish permission, which
    // Strapi's default Editor role lacks for new content types).
    await app.strapi.db.query('admin::permission').create({
      data: {
        action: 'plugin::content-manager.explorer.publish',
        subject: ENTRIES,
        properties: { locales: ['ar', 'zh', 'en', 'fr', 'ru', 'es'] },
        conditions: [],
        role: editorRole.id,
      },
    });
    const published = await app
      .request()
      .post(`${path}/${accepted.body.data.documentId}/actions/publish`)
      .set('Authorization', `Bearer ${editorJwt}`)
      .send({});
    expect(published.status).toBe(200);
  });
});

describe('publishing and translating through code after the edit period', () => {
  it('refuses code that publishes or translates a submission once its window allows no more changes', async () => {
    const call = await createCall({ opensAt: '2017-01-01', closesAt: '2017-02-01' });
    at('2017-01-15T10:00:00.000Z');
    const created = await app.strapi.documents(ENTRIES).create({ data: entry(call) as never });
    at('2017-02-02T10:00:00.000Z');
    await expect(app.strapi.documents(ENTRIES).publish({ documentId: created.documentId })).rejects.toMatchObject({
      details: { code: 'EDIT_PERIOD_OVER' },
    });
    await expect(
      app.strapi.documents(ENTRIES).update({
        documentId: created.documentId,
        locale: 'es',
        data: { title: 'Telecentros', shortDescription: 'Telecentros.' } as never,
      }),
    ).rejects.toMatchObject({ details: { code: 'EDIT_PERIOD_OVER' } });
  });
});

describe("session outcome summaries are due by the edition's deadline (WSIS Forum 2012: 15 June 2012, Geneva)", () => {
  it('accepts a summary until the end of 15 June 2012 in Geneva and refuses it after', async () => {
    const session = await app.strapi.db.query('api::forum-session.forum-session').findOne({
      where: { locale: 'en', edition: { year: 2012 } },
    });
    const put = () =>
      app
        .request()
        .put(`/api/forum-sessions/${session.documentId}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { summary: 'The session agreed on three recommendations.' } });
    at('2012-06-15T21:59:59.000Z');
    expect((await put()).status).toBe(200);
    at('2012-06-15T22:00:00.000Z');
    const refused = await put();
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual({
      code: 'EDIT_PERIOD_OVER',
      deadline: '2012-06-15T23:59:59.999+02:00',
      timezone: 'Europe/Zurich',
    });
    // Other fields of the session stay editable: only the summary is windowed.
    const room = await app
      .request()
      .put(`/api/forum-sessions/${session.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { room: 'ILO Room III' } });
    expect(room.status).toBe(200);
  });
});

describe('consultation contributions take their window from the phase that accepts them', () => {
  let hank: { jwt: string };
  let consultation: string;
  let formalPhase: string;
  let meetingPhase: string;
  beforeAll(async () => {
    hank = await stakeholder(app.strapi, 'hank');
    const phases = await app.strapi.db.query('api::consultation-phase.consultation-phase').findMany({
      where: { locale: 'en', slug: { $in: ['wsis-10-phase-3-formal-contributions', 'wsis-10-phase-5-second-physical-meeting'] } },
      populate: { consultation: { select: ['documentId'] } },
    });
    formalPhase = phases.find((phase) => phase.slug.includes('phase-3')).documentId;
    meetingPhase = phases.find((phase) => phase.slug.includes('phase-5')).documentId;
    consultation = phases[0].consultation.documentId;
  });

  const contribute = (data: Record<string, unknown>) =>
    app.request().post('/api/consultation-contributions').set('Authorization', `Bearer ${hank.jwt}`).send({ data });

  it('accepts a statement until the extended deadline of 5 September 2011, and refuses it after', async () => {
    at('2011-09-05T21:59:58.000Z');
    expect((await contribute({ title: 'Statement', body: 'Our views.', consultation, phase: formalPhase })).status).toBe(201);
    at('2011-09-05T22:00:00.000Z');
    const refused = await contribute({ title: 'Late statement', body: 'Our views.', consultation, phase: formalPhase });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toEqual(
      expect.objectContaining({ code: 'WINDOW_CLOSED', originalDeadline: expect.stringContaining('2011-09-01T23:59:59') }),
    );
  });

  it('refuses a statement pointed at a phase that accepts no contributions', async () => {
    at('2011-09-02T10:00:00.000Z');
    const response = await contribute({ title: 'Wrong phase', body: 'Our views.', consultation, phase: meetingPhase });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('WINDOW_SOURCE_MISMATCH');
  });

  it("keeps a statement in its phase's consultation: moving the consultation alone is refused (found by the hostile suite)", async () => {
    at('2011-09-02T10:00:00.000Z');
    const created = await contribute({ title: 'Statement', body: 'Our views.', phase: formalPhase });
    expect(created.status).toBe(201);
    const other = await app.strapi.db
      .query('api::consultation.consultation')
      .findOne({ where: { locale: 'en', documentId: { $ne: consultation } }, select: ['documentId'] });
    for (const moved of [{ connect: { documentId: other.documentId } }, other.documentId, { set: [other.documentId] }]) {
      const response = await app
        .request()
        .put(`/api/consultation-contributions/${created.body.data.documentId}`)
        .set('Authorization', `Bearer ${hank.jwt}`)
        .send({ data: { phase: formalPhase, consultation: moved } });
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('WINDOW_SOURCE_MISMATCH');
    }
    const stored = await app.strapi.db.query('api::consultation-contribution.consultation-contribution').findMany({
      where: { documentId: created.body.data.documentId },
      populate: { consultation: { select: ['documentId'] } },
    });
    expect(stored.map((row) => row.consultation.documentId)).toEqual(stored.map(() => consultation));
    // An id no row can have (beyond the integer column) answered 500 on PostgreSQL.
    const huge = await contribute({ title: 'Statement', body: 'Our views.', phase: formalPhase, consultation: 1e308 });
    expect(huge.status).toBe(400);
  });

  it('refuses a statement to an open phase of a consultation that is not published yet (found by the hostile suite)', async () => {
    const draft = await app.strapi
      .documents('api::consultation.consultation')
      .create({ data: { title: 'A consultation in preparation', description: 'Not public yet.' } as never });
    const phase = await app.strapi.documents('api::consultation-phase.consultation-phase').create({
      data: {
        name: 'Phase of a consultation in preparation',
        position: 1,
        kind: 'other',
        opensAt: '2011-09-01T00:00:00.000Z',
        closesAt: '2011-09-30T00:00:00.000Z',
        timezone: 'Europe/Zurich',
        consultation: draft.documentId,
        acceptsContributions: true,
      } as never,
    });
    at('2011-09-02T10:00:00.000Z');
    const before = await app.strapi.db.query('api::consultation-contribution.consultation-contribution').count();
    for (const data of [
      { title: 'Early statement', body: 'Our views.', phase: phase.documentId },
      {
        title: 'Early statement',
        body: 'Our views.',
        phase: phase.documentId,
        consultation: { connect: { documentId: draft.documentId } },
      },
    ]) {
      const response = await contribute(data);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('WINDOW_SOURCE_NOT_FOUND');
    }
    expect(await app.strapi.db.query('api::consultation-contribution.consultation-contribution').count()).toBe(before);
  });

  it('returns each phase with its state', async () => {
    at('2011-09-02T10:00:00.000Z');
    const response = await app
      .request()
      .get(`/api/consultations/${consultation}`)
      .query({ 'populate[phases][sort]': 'position:asc' })
      .expect(200);
    const states = response.body.data.phases.map((phase) => phase.window.state);
    expect(states[0]).toBe('closed');
    expect(states[2]).toBe('open');
    expect(states[4]).toBe('upcoming');
  });
});

describe('invalid windows', () => {
  it.each([
    ['a window that closes before it opens', { opensAt: '2012-02-01', closesAt: '2012-01-15' }, 'closesAt'],
    ['an unknown timezone', { opensAt: '2012-01-01', closesAt: '2012-01-15', timezone: 'Mars/Olympus' }, 'timezone'],
    [
      'an extension earlier than the deadline it extends',
      { opensAt: '2012-01-01', closesAt: '2012-01-15', extensions: [{ closesAt: '2012-01-10' }] },
      'extensions',
    ],
    ['a deadline in a format that is not ISO 8601', { opensAt: '2012-01-01', closesAt: '15/01/2012' }, 'closesAt'],
    [
      'an edit grace that ends before the deadline',
      { opensAt: '2012-01-01', closesAt: '2012-01-15', editableUntil: '2012-01-10' },
      'editableUntil',
    ],
  ])('refuses %s with INVALID_WINDOW and writes nothing', async (_label, window, field) => {
    const before = await app.strapi.db.query(CALLS).count();
    const response = await app
      .request()
      .post('/api/stocktaking-calls')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Invalid', edition: '2011-2012', ...window } });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_WINDOW', field }));
    expect(await app.strapi.db.query(CALLS).count()).toBe(before);
  });
});

describe('twenty submissions racing the deadline', () => {
  it('accepts exactly those checked before the deadline, none after', async () => {
    const call = await createCall({ opensAt: '2016-01-01', closesAt: '2016-01-31' });
    const racers = await Promise.all(Array.from({ length: 20 }, (_, index) => stakeholder(app.strapi, `racer${index}`)));
    // Each reading of the clock is 100 ms later: the 10th falls on the deadline's last moment.
    const deadline = Date.parse('2016-01-31T22:59:59.999Z');
    let readings = 0;
    const readingsBeforeDeadline: number[] = [];
    clock().set(() => {
      const instant = deadline - 900 + readings * 100;
      readings += 1;
      if (instant <= deadline) readingsBeforeDeadline.push(instant);
      return new Date(instant);
    });
    const responses = await Promise.all(racers.map((racer) => submit(racer.jwt, entry(call))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 403)).toBe(true);
    const accepted = statuses.filter((status) => status === 201).length;
    expect(accepted).toBe(readingsBeforeDeadline.length);
    expect(accepted).toBe(10);
    const rows = await app.strapi.db.query(ENTRIES).count({ where: { call: { documentId: call } } });
    expect(rows).toBe(10);
  });
});

describe('the clock', () => {
  it('cannot be moved outside the test environment', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => clock().set('2011-01-01T00:00:00Z')).toThrow(/only be moved in the test environment/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
