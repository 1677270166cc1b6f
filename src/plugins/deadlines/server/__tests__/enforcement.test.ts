import { requests, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import { OVERRIDE_ACTION } from '../services/actor';
import {
  CALLS,
  CONSULTATIONS,
  CONTRIBUTIONS,
  EDITIONS,
  ENTRIES,
  PHASES,
  SESSIONS,
  USERS,
  addDocument,
  at,
  deadlinesService,
  deadlinesStub,
} from './fixtures';

// The enforcement service of the deadlines plugin over the app's schemas and configuration, with
// rows in memory: the WSIS Stocktaking call 2011-2012 (1 July 2011 to 15 January 2012 in Geneva,
// changes accepted until 31 January), phase 3 of the WSIS+10 consultation (formal contributions due
// 1 September 2011, extended to 5 September) and the WSIS Forum 2012's outcome summaries (due 15
// June 2012).

const ALICE = 101;
const BOB = 102; // named a late submitter of the 2011-2012 call

let stub: StrapiStub;
const row = (uid: string, documentId: string, published = false) =>
  stub
    .rows(uid)
    .find((candidate) => candidate.documentId === documentId && candidate.locale === 'en' && Boolean(candidate.publishedAt) === published)!
    .id;

beforeEach(() => {
  stub = deadlinesStub();
  stub.insert(USERS, { id: ALICE, username: 'alice' });
  stub.insert(USERS, { id: BOB, username: 'bob' });

  const call = { title: 'WSIS Stocktaking', timezone: 'Europe/Zurich', extensions: [] };
  addDocument(stub, CALLS, 'call-2010', {
    ...call,
    edition: '2010-2011',
    opensAt: '2010-06-30T22:00:00.000Z',
    closesAt: '2011-01-15T22:59:59.999Z',
  });
  addDocument(stub, CALLS, 'call-2011', {
    ...call,
    edition: '2011-2012',
    opensAt: '2011-06-30T22:00:00.000Z',
    closesAt: '2012-01-15T22:59:59.999Z',
    editableUntil: '2012-01-31T22:59:59.999Z',
    lateSubmitters: [BOB],
  });
  addDocument(stub, CALLS, 'call-2011-regional', {
    ...call,
    edition: '2011-2012',
    opensAt: '2011-08-31T22:00:00.000Z',
    closesAt: '2012-03-31T21:59:59.999Z',
  });
  addDocument(stub, CALLS, 'call-2012', {
    ...call,
    edition: '2012-2013',
    opensAt: '2012-06-30T22:00:00.000Z',
    closesAt: '2013-01-15T22:59:59.999Z',
  });
  addDocument(
    stub,
    CALLS,
    'call-unpublished',
    { ...call, edition: '2011-2012', opensAt: '2011-06-30T22:00:00.000Z', closesAt: '2012-12-31T22:59:59.999Z' },
    { published: false },
  );

  const entry = { title: 'Telecentres in rural post offices', shortDescription: 'Community telecentres.', late: false };
  addDocument(stub, ENTRIES, 'entry-alice', { ...entry, call: row(CALLS, 'call-2011'), submittedBy: ALICE }, { published: false });
  addDocument(stub, ENTRIES, 'entry-bob', { ...entry, call: row(CALLS, 'call-2011'), submittedBy: BOB }, { published: false });

  addDocument(stub, CONSULTATIONS, 'wsis-10', { title: 'WSIS+10 Review' });
  addDocument(stub, CONSULTATIONS, 'wsis-20', { title: 'WSIS+20 Review' });
  // A phase has no draft and publish: one row, linked to both versions of its consultation.
  const phase = { timezone: 'Europe/Zurich', kind: 'submission', extensions: [] };
  const consultation = (documentId: string) => [row(CONSULTATIONS, documentId), row(CONSULTATIONS, documentId, true)];
  addDocument(
    stub,
    PHASES,
    'phase-3',
    {
      ...phase,
      name: 'Formal contributions',
      position: 3,
      acceptsContributions: true,
      consultation: consultation('wsis-10'),
      opensAt: '2011-06-14T22:00:00.000Z',
      closesAt: '2011-09-01T21:59:59.999Z',
      extensions: [
        { closesAt: '2011-09-05T21:59:59.999Z', reason: 'At the request of several stakeholders', announcedAt: '2011-08-25T22:00:00.000Z' },
      ],
    },
    { draft: false },
  );
  addDocument(
    stub,
    PHASES,
    'phase-5',
    {
      ...phase,
      name: 'Second physical meeting',
      position: 5,
      acceptsContributions: false,
      consultation: consultation('wsis-10'),
      opensAt: '2011-06-14T22:00:00.000Z',
    },
    { draft: false },
  );
  addDocument(
    stub,
    PHASES,
    'phase-wsis-20',
    {
      ...phase,
      name: 'Open call for inputs',
      position: 1,
      acceptsContributions: true,
      consultation: consultation('wsis-20'),
      opensAt: '2011-06-14T22:00:00.000Z',
    },
    { draft: false },
  );

  addDocument(stub, EDITIONS, 'forum-2012', {
    title: 'WSIS Forum 2012',
    year: 2012,
    startDate: '2012-05-14',
    endDate: '2012-05-18',
    outcomeSummaryDeadline: '2012-06-15',
    venue: { name: 'ITU', city: 'Geneva', timezone: 'Europe/Zurich' },
  });
  const session = { title: 'High-level policy session', sessionType: 'high_level_policy_session' };
  stub.insert(SESSIONS, { documentId: 'session-1', locale: 'en', ...session, edition: row(EDITIONS, 'forum-2012'), publishedAt: null });
  stub.insert(SESSIONS, {
    documentId: 'session-1',
    locale: 'en',
    ...session,
    edition: row(EDITIONS, 'forum-2012', true),
    publishedAt: '2012-05-01T08:00:00.000Z',
  });
});

type Params = { documentId?: string; locale?: string; data?: Record<string, unknown> };

/** The enforcement check of one write, by whoever the stub's request says is writing. */
function check(action: string, uid: string, params: Params, now: string) {
  const rule = deadlinesService(stub, 'windows').windowedRule(uid)!;
  const actor = deadlinesService(stub, 'actor').current();
  return deadlinesService(stub, 'enforcement').check({ uid, action, params }, rule, actor, at(now));
}

async function refusal(write: Promise<unknown>) {
  try {
    await write;
  } catch (error) {
    return error as { name: string; details: Record<string, unknown> };
  }
  throw new Error('expected the write to be refused');
}

const newEntry = (call: unknown) => ({
  data: { title: 'Telecentres', shortDescription: 'Rural post offices.', call } as Record<string, unknown>,
});

describe('a new submission (create)', () => {
  beforeEach(() => stub.request(requests.stakeholder(ALICE)));

  it('accepts an entry while its call is open, names the call as the target to re-read, and clears the late flag', async () => {
    const params = newEntry('call-2011');
    expect(await check('create', ENTRIES, params, '2011-12-01T10:00:00.000Z')).toEqual({ target: 'call-2011' });
    expect(params.data.late).toBe(false);
  });

  it('accepts an entry at the last millisecond of the deadline (bounds are inclusive)', async () => {
    expect(await check('create', ENTRIES, newEntry('call-2011'), '2012-01-15T22:59:59.999Z')).toEqual({ target: 'call-2011' });
  });

  it('refuses an entry one millisecond after the deadline with WINDOW_CLOSED and the deadline in Geneva time (CET)', async () => {
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011'), '2012-01-15T23:00:00.000Z'));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'WINDOW_CLOSED', deadline: '2012-01-15T23:59:59.999+01:00', timezone: 'Europe/Zurich' });
  });

  it('refuses an entry one millisecond before the call opens with WINDOW_NOT_OPEN and its opening (CEST)', async () => {
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011'), '2011-06-30T21:59:59.999Z'));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({
      code: 'WINDOW_NOT_OPEN',
      opensAt: '2011-07-01T00:00:00.000+02:00',
      deadline: '2012-01-15T23:59:59.999+01:00',
      timezone: 'Europe/Zurich',
    });
  });

  it('accepts a named late submitter after the deadline and flags the entry late', async () => {
    stub.request(requests.stakeholder(BOB));
    const params = newEntry('call-2011');
    expect(await check('create', ENTRIES, params, '2012-03-01T10:00:00.000Z')).toEqual({ target: 'call-2011' });
    expect(params.data.late).toBe(true);
  });

  it('refuses a named late submitter before the call opens with WINDOW_NOT_OPEN', async () => {
    stub.request(requests.stakeholder(BOB));
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011'), '2011-06-01T10:00:00.000Z'));
    expect(error.details.code).toBe('WINDOW_NOT_OPEN');
  });

  it('refuses a late submitter of one call in another closed call', async () => {
    stub.request(requests.stakeholder(BOB));
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011-regional'), '2012-04-02T10:00:00.000Z'));
    expect(error.details.code).toBe('WINDOW_CLOSED');
  });

  it('refuses a stakeholder who is not a named late submitter after the deadline with WINDOW_CLOSED', async () => {
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011'), '2012-01-20T10:00:00.000Z'));
    expect(error.details.code).toBe('WINDOW_CLOSED');
  });

  it('lets an editor with the override permission create after the deadline, and asks for the override to be recorded', async () => {
    stub.request(requests.admin({ id: 1, roles: ['strapi-editor'], abilities: [OVERRIDE_ACTION] }));
    const params = newEntry('call-2011');
    const verdict = await check('create', ENTRIES, params, '2012-03-01T10:00:00.000Z');
    expect(verdict.target).toBe('call-2011');
    expect(verdict.override?.source).toMatchObject({ uid: CALLS, documentId: 'call-2011', published: true });
    // The late flag is the server's for stakeholders only: an editor's entry keeps what they set.
    expect(params.data).not.toHaveProperty('late');
  });

  it('lets an editor with the override permission create before the window opens, recorded too', async () => {
    stub.request(requests.admin({ id: 1, roles: ['strapi-editor'], abilities: [OVERRIDE_ACTION] }));
    expect((await check('create', ENTRIES, newEntry('call-2012'), '2012-03-01T10:00:00.000Z')).override).toBeDefined();
  });

  it('refuses an editor without the override permission after the deadline with WINDOW_CLOSED', async () => {
    stub.request(requests.admin({ id: 1, roles: ['strapi-editor'], abilities: ['plugin::content-manager.explorer.create'] }));
    const error = await refusal(check('create', ENTRIES, newEntry('call-2011'), '2012-03-01T10:00:00.000Z'));
    expect(error.details.code).toBe('WINDOW_CLOSED');
  });

  it.each([
    ['an API token', () => requests.apiToken()],
    ['code outside a request', () => undefined],
  ])('refuses %s after the deadline with WINDOW_CLOSED', async (_who, request) => {
    stub.request(request());
    expect((await refusal(check('create', ENTRIES, newEntry('call-2011'), '2012-03-01T10:00:00.000Z'))).details.code).toBe('WINDOW_CLOSED');
  });

  it('refuses an entry without a call with WINDOW_REQUIRED (400)', async () => {
    const error = await refusal(check('create', ENTRIES, { data: { title: 'Telecentres' } }, '2011-12-01T10:00:00.000Z'));
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'WINDOW_REQUIRED', field: 'call' });
  });

  it('refuses an entry in a call that does not exist with WINDOW_SOURCE_NOT_FOUND (400)', async () => {
    const error = await refusal(check('create', ENTRIES, newEntry('no-such-call'), '2011-12-01T10:00:00.000Z'));
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'WINDOW_SOURCE_NOT_FOUND', field: 'call' });
  });

  it.each([
    ['a stakeholder', () => requests.stakeholder(ALICE)],
    ['the public', () => requests.public()],
  ])('tells %s that an unpublished call does not exist (WINDOW_SOURCE_NOT_FOUND)', async (_who, request) => {
    stub.request(request());
    expect((await refusal(check('create', ENTRIES, newEntry('call-unpublished'), '2011-12-01T10:00:00.000Z'))).details.code).toBe(
      'WINDOW_SOURCE_NOT_FOUND',
    );
  });

  it("checks an API token's entry against an unpublished call's window (only stakeholders and the public are kept from drafts)", async () => {
    stub.request(requests.apiToken());
    expect(await check('create', ENTRIES, newEntry('call-unpublished'), '2011-12-01T10:00:00.000Z')).toEqual({
      target: 'call-unpublished',
    });
  });

  it.each([
    ['a documentId', 'call-2011'],
    ["the content manager's { connect: [...] }", { connect: [{ documentId: 'call-2011', locale: 'en' }], disconnect: [] }],
    ['{ set: [...] }', { set: [{ documentId: 'call-2011' }] }],
    ['a list of one', ['call-2011']],
  ])('reads the call from %s', async (_shape, call) => {
    expect(await check('create', ENTRIES, newEntry(call), '2011-12-01T10:00:00.000Z')).toEqual({ target: 'call-2011' });
  });

  it("reads a call named by its row id ({ id }) as that row's document", async () => {
    expect(await check('create', ENTRIES, newEntry({ id: row(CALLS, 'call-2011') }), '2011-12-01T10:00:00.000Z')).toEqual({
      target: 'call-2011',
    });
  });
});

describe('a change to an existing submission (update, publish)', () => {
  beforeEach(() => stub.request(requests.stakeholder(ALICE)));
  const change = (data: Record<string, unknown> = { title: 'Telecentres, phase two' }) => ({
    documentId: 'entry-alice',
    locale: 'en',
    data,
  });

  it('accepts a change during the edit grace, after the deadline', async () => {
    expect(await check('update', ENTRIES, change(), '2012-01-20T10:00:00.000Z')).toEqual({});
  });

  it('accepts a change at the last millisecond of the edit grace', async () => {
    expect(await check('update', ENTRIES, change(), '2012-01-31T22:59:59.999Z')).toEqual({});
  });

  it("refuses a change one millisecond after the edit grace with EDIT_PERIOD_OVER and the grace's end", async () => {
    const error = await refusal(check('update', ENTRIES, change(), '2012-01-31T23:00:00.000Z'));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'EDIT_PERIOD_OVER', deadline: '2012-01-31T23:59:59.999+01:00', timezone: 'Europe/Zurich' });
  });

  it('lets a named late submitter change their entry after the edit grace', async () => {
    stub.request(requests.stakeholder(BOB));
    expect(
      await check('update', ENTRIES, { documentId: 'entry-bob', data: { title: 'Late, still changing' } }, '2012-03-01T10:00:00.000Z'),
    ).toEqual({});
  });

  it('lets an editor change a submission whatever its window (moderation), even moving it', async () => {
    stub.request(requests.admin({ id: 1, roles: ['strapi-editor'] }));
    expect(await check('update', ENTRIES, change({ call: 'call-2012' }), '2012-03-01T10:00:00.000Z')).toEqual({});
  });

  it('refuses an API token publishing an entry after its edit grace with EDIT_PERIOD_OVER (publishing is a change)', async () => {
    stub.request(requests.apiToken());
    const error = await refusal(check('publish', ENTRIES, { documentId: 'entry-alice', locale: 'en' }, '2012-03-01T10:00:00.000Z'));
    expect(error.details.code).toBe('EDIT_PERIOD_OVER');
  });

  it('names the same call again as the target to re-read when the payload repeats it', async () => {
    expect(await check('update', ENTRIES, change({ call: 'call-2011' }), '2011-12-01T10:00:00.000Z')).toEqual({ target: 'call-2011' });
  });

  it('treats moving an entry to another open call as a new submission there', async () => {
    const params = change({ call: { connect: [{ documentId: 'call-2011-regional' }] } });
    expect(await check('update', ENTRIES, params, '2011-12-01T10:00:00.000Z')).toEqual({ target: 'call-2011-regional' });
    expect(params.data.late).toBe(false);
  });

  it('refuses moving an entry to a call that has closed with WINDOW_CLOSED', async () => {
    expect(
      (await refusal(check('update', ENTRIES, change({ call: { connect: [{ documentId: 'call-2010' }] } }), '2011-12-01T10:00:00.000Z')))
        .details.code,
    ).toBe('WINDOW_CLOSED');
  });

  it('refuses moving an entry to a call that has not opened with WINDOW_NOT_OPEN', async () => {
    expect((await refusal(check('update', ENTRIES, change({ call: 'call-2012' }), '2011-12-01T10:00:00.000Z'))).details.code).toBe(
      'WINDOW_NOT_OPEN',
    );
  });

  it('refuses moving an entry out of a call whose edit grace is over, even into an open call, with EDIT_PERIOD_OVER', async () => {
    expect((await refusal(check('update', ENTRIES, change({ call: 'call-2012' }), '2012-08-01T10:00:00.000Z'))).details.code).toBe(
      'EDIT_PERIOD_OVER',
    );
  });

  it('refuses moving an entry to an unpublished call with WINDOW_SOURCE_NOT_FOUND', async () => {
    expect((await refusal(check('update', ENTRIES, change({ call: 'call-unpublished' }), '2011-12-01T10:00:00.000Z'))).details.code).toBe(
      'WINDOW_SOURCE_NOT_FOUND',
    );
  });

  it.each([
    ['null', null],
    ['{ disconnect: [...] }', { disconnect: [{ documentId: 'call-2011' }] }],
    ['{ set: [] }', { set: [] }],
  ])('refuses removing the call of an entry (%s) with WINDOW_REQUIRED', async (_shape, call) => {
    expect((await refusal(check('update', ENTRIES, change({ call }), '2011-12-01T10:00:00.000Z'))).details).toEqual({
      code: 'WINDOW_REQUIRED',
      field: 'call',
    });
  });

  it('leaves the call alone when the content manager sends the relation untouched, and has the stored one checked to be it', async () => {
    expect(
      await check('update', ENTRIES, change({ title: 'Retitled', call: { connect: [], disconnect: [] } }), '2011-12-01T10:00:00.000Z'),
    ).toEqual({ target: 'call-2011' });
  });

  it('refuses moving an entry to a closed call written as { connect: { documentId } } (one object, which Strapi accepts)', async () => {
    const error = await refusal(
      check('update', ENTRIES, change({ call: { connect: { documentId: 'call-2010' } } }), '2011-12-01T10:00:00.000Z'),
    );
    expect(error.details.code).toBe('WINDOW_CLOSED');
  });
});

describe('consultation contributions: the phase must accept them and belong to the consultation', () => {
  beforeEach(() => stub.request(requests.stakeholder(ALICE)));
  const contribution = (data: Record<string, unknown>) => ({
    data: { title: 'Statement', body: 'Our views.', ...data } as Record<string, unknown>,
  });

  it('accepts a contribution at the last millisecond of the extended deadline (5 September 2011, Geneva)', async () => {
    expect(
      await check('create', CONTRIBUTIONS, contribution({ phase: 'phase-3', consultation: 'wsis-10' }), '2011-09-05T21:59:59.999Z'),
    ).toEqual({ target: 'phase-3' });
  });

  it('refuses a contribution one millisecond after the extended deadline with WINDOW_CLOSED, naming the original deadline', async () => {
    const error = await refusal(
      check('create', CONTRIBUTIONS, contribution({ phase: 'phase-3', consultation: 'wsis-10' }), '2011-09-05T22:00:00.000Z'),
    );
    expect(error.details).toEqual({
      code: 'WINDOW_CLOSED',
      deadline: '2011-09-05T23:59:59.999+02:00',
      originalDeadline: '2011-09-01T23:59:59.999+02:00',
      timezone: 'Europe/Zurich',
    });
  });

  it('refuses a contribution to a phase that accepts none with WINDOW_SOURCE_MISMATCH', async () => {
    const error = await refusal(
      check('create', CONTRIBUTIONS, contribution({ phase: 'phase-5', consultation: 'wsis-10' }), '2011-09-02T10:00:00.000Z'),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.details).toEqual({ code: 'WINDOW_SOURCE_MISMATCH', field: 'phase' });
  });

  it('refuses a contribution naming another consultation than its phase belongs to with WINDOW_SOURCE_MISMATCH', async () => {
    const error = await refusal(
      check(
        'create',
        CONTRIBUTIONS,
        contribution({ phase: 'phase-wsis-20', consultation: { connect: [{ documentId: 'wsis-10' }] } }),
        '2011-09-02T10:00:00.000Z',
      ),
    );
    expect(error.details).toEqual({ code: 'WINDOW_SOURCE_MISMATCH', field: 'phase' });
  });

  it("fills in the consultation from the phase's when the payload names none", async () => {
    const params = contribution({ phase: 'phase-3' });
    await check('create', CONTRIBUTIONS, params, '2011-09-02T10:00:00.000Z');
    expect(params.data.consultation).toBe('wsis-10');
  });

  it('checks the phase first: a mismatch is reported before a closed window', async () => {
    expect(
      (await refusal(check('create', CONTRIBUTIONS, contribution({ phase: 'phase-5' }), '2013-01-01T10:00:00.000Z'))).details.code,
    ).toBe('WINDOW_SOURCE_MISMATCH');
  });
});

describe('a copy (clone)', () => {
  beforeEach(() => stub.request(undefined));

  it("checks a copy against the window of the original's call: refused after the deadline with WINDOW_CLOSED", async () => {
    expect((await refusal(check('clone', ENTRIES, { documentId: 'entry-alice', data: {} }, '2012-01-20T10:00:00.000Z'))).details.code).toBe(
      'WINDOW_CLOSED',
    );
  });

  it("accepts a copy while the original's call is open, with no target to re-read (the copy keeps the original's call)", async () => {
    expect(await check('clone', ENTRIES, { documentId: 'entry-alice', data: {} }, '2011-12-01T10:00:00.000Z')).toEqual({});
  });

  it('checks a copy that names another call against that call, and names it as the target', async () => {
    expect(
      (await refusal(check('clone', ENTRIES, { documentId: 'entry-alice', data: { call: 'call-2012' } }, '2011-12-01T10:00:00.000Z')))
        .details.code,
    ).toBe('WINDOW_NOT_OPEN');
    expect(
      await check('clone', ENTRIES, { documentId: 'entry-alice', data: { call: 'call-2011-regional' } }, '2011-12-01T10:00:00.000Z'),
    ).toEqual({ target: 'call-2011-regional' });
  });
});

describe("a rule scoped to some fields (a forum session's summary, due 15 June 2012 in the venue's timezone)", () => {
  beforeEach(() => stub.request(requests.apiToken()));
  const session = (data: Record<string, unknown>) => ({ documentId: 'session-1', locale: 'en', data });

  it('accepts a summary until the end of the deadline day in Geneva', async () => {
    expect(await check('update', SESSIONS, session({ summary: 'Three recommendations.' }), '2012-06-15T21:59:59.999Z')).toEqual({});
  });

  it('refuses a summary one millisecond after the deadline with EDIT_PERIOD_OVER (CEST)', async () => {
    const error = await refusal(check('update', SESSIONS, session({ summary: 'Three recommendations.' }), '2012-06-15T22:00:00.000Z'));
    expect(error.details).toEqual({ code: 'EDIT_PERIOD_OVER', deadline: '2012-06-15T23:59:59.999+02:00', timezone: 'Europe/Zurich' });
  });

  it.each([
    ['another field', { room: 'ILO Room III' }],
    ['an empty summary', { summary: '' }],
    ['a null summary', { summary: null }],
  ])('leaves a session open to changes of %s after the deadline', async (_what, data) => {
    expect(await check('update', SESSIONS, session(data), '2012-07-01T10:00:00.000Z')).toEqual({});
  });

  it('does not window publishing a session: only writing its summary is', async () => {
    expect(await check('publish', SESSIONS, { documentId: 'session-1', locale: 'en' }, '2012-07-01T10:00:00.000Z')).toEqual({});
  });

  it('does not window a new session without a summary, nor one without an edition', async () => {
    expect(await check('create', SESSIONS, { data: { title: 'Workshop', edition: 'forum-2012' } }, '2012-07-01T10:00:00.000Z')).toEqual({});
    expect(await check('create', SESSIONS, { data: { title: 'Workshop', summary: 'Agreed.' } }, '2012-07-01T10:00:00.000Z')).toEqual({});
  });

  it("refuses a new session with a summary after its edition's deadline with WINDOW_CLOSED", async () => {
    const error = await refusal(
      check('create', SESSIONS, { data: { title: 'Workshop', summary: 'Agreed.', edition: 'forum-2012' } }, '2012-07-01T10:00:00.000Z'),
    );
    expect(error.details.code).toBe('WINDOW_CLOSED');
  });

  it('refuses a new session with a summary after the deadline when its edition is named by a bare row id', async () => {
    const data = { title: 'Workshop', summary: 'Agreed.', edition: row(EDITIONS, 'forum-2012') };
    expect((await refusal(check('create', SESSIONS, { data }, '2012-07-01T10:00:00.000Z'))).details.code).toBe('WINDOW_CLOSED');
  });

  it("leaves a session's other fields open to changes after the deadline when the payload also names its edition", async () => {
    expect(await check('update', SESSIONS, session({ room: 'ILO Room III', edition: 'forum-2012' }), '2012-07-01T10:00:00.000Z')).toEqual({
      target: 'forum-2012',
    });
  });
});

describe('assertStoredTarget: the stored window relation must be the one checked', () => {
  const rule = () => deadlinesService(stub, 'windows').windowedRule(ENTRIES)!;
  const assertStored = (verdict: { target?: string }, documentId = 'entry-alice', locale: string | undefined = 'en') =>
    deadlinesService(stub, 'enforcement').assertStoredTarget(ENTRIES, rule(), verdict, documentId, locale);

  // What it reads of the stored relation is tested on both databases: tests/api/submission-integrity.test.ts.
  it('reads nothing when no target was checked', async () => {
    await assertStored({});
    expect(stub.queries).toEqual([]);
  });
});

describe('recordOverride', () => {
  it('records who overrode which deadline, and logs it', async () => {
    stub.request(requests.admin({ id: 7, email: 'editor@wsis.test', roles: ['strapi-editor'], abilities: [OVERRIDE_ACTION] }));
    const write = { uid: ENTRIES, action: 'create', params: newEntry('call-2011') };
    const actor = deadlinesService(stub, 'actor').current();
    const now = at('2012-03-01T10:00:00.000Z');
    const verdict = await deadlinesService(stub, 'enforcement').check(
      write,
      deadlinesService(stub, 'windows').windowedRule(ENTRIES)!,
      actor,
      now,
    );
    if (actor.kind !== 'admin') throw new Error('expected an admin');
    await deadlinesService(stub, 'enforcement').recordOverride(write, actor, verdict, 'entry-new', now);
    expect(stub.rows('plugin::deadlines.deadline-override')).toEqual([
      expect.objectContaining({
        contentType: ENTRIES,
        targetDocumentId: 'entry-new',
        action: 'create',
        adminUserId: 7,
        adminEmail: 'editor@wsis.test',
        deadline: new Date('2012-01-15T22:59:59.999Z'),
        timezone: 'Europe/Zurich',
        overriddenAt: new Date('2012-03-01T10:00:00.000Z'),
      }),
    ]);
    expect(stub.logs).toEqual([{ level: 'info', message: `[deadlines] editor@wsis.test overrode the deadline of ${ENTRIES} entry-new` }]);
  });
});
