import type { StrapiStub } from '../../../shared/__tests__/stub-strapi';
import { CALLS, CONSULTATIONS, EDITIONS, ENTRIES, PHASES, USERS, addDocument, at, deadlinesService, deadlinesStub } from './fixtures';

// The windows service of the deadlines plugin: loading windows from their source documents (one
// query for many), reading relation payloads, and the deadlines it provides to other plugins.

let stub: StrapiStub;
const windows = () => deadlinesService(stub, 'windows');
const findManyOf = (uid: string) => stub.queries.filter((query) => query.uid === uid && query.method === 'findMany');

const call = { title: 'WSIS Stocktaking', edition: '2011-2012', timezone: 'Europe/Zurich', extensions: [] };

beforeEach(() => {
  stub = deadlinesStub();
  for (const id of [1, 2, 3]) stub.insert(USERS, { id, username: `user${id}` });
});

describe('loadSources', () => {
  beforeEach(() => {
    addDocument(stub, CALLS, 'call-2011', { ...call, opensAt: '2011-06-30T22:00:00.000Z', closesAt: '2012-01-15T22:59:59.999Z' });
    addDocument(stub, CALLS, 'call-2012', {
      ...call,
      edition: '2012-2013',
      opensAt: '2012-06-30T22:00:00.000Z',
      closesAt: '2013-01-15T22:59:59.999Z',
    });
    addDocument(stub, CALLS, 'call-2013', {
      ...call,
      edition: '2013-2014',
      opensAt: '2013-06-30T22:00:00.000Z',
      closesAt: '2014-01-15T22:59:59.999Z',
    });
  });

  it('loads the windows of many documents in one query, asking for each document once', async () => {
    const loaded = await windows().loadSources(CALLS, ['call-2011', 'call-2012', 'call-2011', 'call-2013']);
    expect([...loaded.keys()].sort()).toEqual(['call-2011', 'call-2012', 'call-2013']);
    expect(findManyOf(CALLS)).toHaveLength(1);
    expect(findManyOf(CALLS)[0].params.where).toEqual({ documentId: { $in: ['call-2011', 'call-2012', 'call-2013'] } });
    expect(stub.queries).toHaveLength(1);
  });

  it('makes no query for no documents', async () => {
    expect((await windows().loadSources(CALLS, [])).size).toBe(0);
    expect(stub.queries).toEqual([]);
  });

  it('leaves out documents that do not exist', async () => {
    expect([...(await windows().loadSources(CALLS, ['call-2011', 'no-such-call'])).keys()]).toEqual(['call-2011']);
  });

  it("reads the published version's window, not the draft's unpublished extension", async () => {
    const [draft] = stub.rows(CALLS).filter((row) => row.documentId === 'call-2012' && !row.publishedAt);
    draft.extensions = [{ closesAt: '2013-02-15T22:59:59.999Z', reason: 'Not announced yet', announcedAt: null }];
    const source = (await windows().loadSource(CALLS, 'call-2012'))!;
    expect(source.published).toBe(true);
    expect(source.row.publishedAt).not.toBeNull();
    expect(source.window.closesAt?.toUTC().toISO()).toBe('2013-01-15T22:59:59.999Z');
    expect(source.window.extensions).toEqual([]);
  });

  it('reads the window of a document never published from its draft, and says it is not published', async () => {
    addDocument(
      stub,
      CALLS,
      'call-draft',
      { ...call, opensAt: '2014-06-30T22:00:00.000Z', closesAt: '2015-01-15T22:59:59.999Z' },
      { published: false },
    );
    const source = (await windows().loadSource(CALLS, 'call-draft'))!;
    expect(source.published).toBe(false);
    expect(source.window.closesAt?.toUTC().toISO()).toBe('2015-01-15T22:59:59.999Z');
  });

  it('reads extensions (a repeatable component): the effective deadline is the latest', async () => {
    addDocument(
      stub,
      PHASES,
      'phase-3',
      {
        name: 'Formal contributions',
        position: 3,
        kind: 'submission',
        timezone: 'Europe/Zurich',
        opensAt: '2011-06-14T22:00:00.000Z',
        closesAt: '2011-09-01T21:59:59.999Z',
        extensions: [
          {
            closesAt: '2011-09-05T21:59:59.999Z',
            reason: 'At the request of several stakeholders',
            announcedAt: '2011-08-25T22:00:00.000Z',
          },
        ],
      },
      { draft: false },
    );
    const { window } = (await windows().loadSource(PHASES, 'phase-3'))!;
    expect(window.closesAt?.toISO()).toBe('2011-09-05T23:59:59.999+02:00');
    expect(window.originalClosesAt?.toISO()).toBe('2011-09-01T23:59:59.999+02:00');
    expect(window.extensions.map((extension) => extension.reason)).toEqual(['At the request of several stakeholders']);
  });

  it('finds a late submitter named in any version and locale (relations are per locale in Strapi 5)', async () => {
    addDocument(
      stub,
      CALLS,
      'call-late',
      { ...call, opensAt: '2011-06-30T22:00:00.000Z', closesAt: '2012-01-15T22:59:59.999Z', lateSubmitters: [] },
      { locales: ['en', 'fr'] },
    );
    const versions = stub.rows(CALLS).filter((row) => row.documentId === 'call-late');
    versions.find((row) => row.locale === 'en' && !row.publishedAt)!.lateSubmitters = [1];
    versions.find((row) => row.locale === 'en' && row.publishedAt)!.lateSubmitters = [2];
    versions.find((row) => row.locale === 'fr' && !row.publishedAt)!.lateSubmitters = [3, 1];
    const isLate = async (lateSubmitter?: number) => (await windows().loadSource(CALLS, 'call-late', { lateSubmitter }))!.lateSubmitter;
    expect([await isLate(1), await isLate(2), await isLate(3), await isLate(4)]).toEqual([true, true, true, false]);
    // Asked for no one, the late submitters are not read.
    expect(await isLate()).toBe(false);
    expect(findManyOf(CALLS).at(-1)!.params.populate).not.toHaveProperty('lateSubmitters');
  });

  it("reads a window from component paths (venue.timezone): date-only deadlines are whole days in the venue's timezone", async () => {
    addDocument(stub, EDITIONS, 'forum-new-york', {
      title: 'A forum held in New York',
      year: 2025,
      startDate: '2025-07-07',
      endDate: '2025-07-11',
      outcomeSummaryDeadline: '2025-07-31',
      venue: { name: 'United Nations Headquarters', city: 'New York', timezone: 'America/New_York' },
    });
    const { window } = (await windows().loadSource(EDITIONS, 'forum-new-york'))!;
    expect(window.timezone).toBe('America/New_York');
    expect(window.opensAt?.toISO()).toBe('2025-07-07T00:00:00.000-04:00');
    expect(window.closesAt?.toISO()).toBe('2025-07-31T23:59:59.999-04:00');
  });

  it('populates what the caller adds (the parent a sameParent rule compares)', async () => {
    addDocument(stub, CONSULTATIONS, 'wsis-10', { title: 'WSIS+10 Review' });
    const consultation = stub.rows(CONSULTATIONS)[0].id;
    addDocument(
      stub,
      PHASES,
      'phase-1',
      { name: 'Launch', position: 1, kind: 'launch', timezone: 'Europe/Zurich', closesAt: '2011-07-01T21:59:59.999Z', consultation },
      { draft: false },
    );
    const source = (await windows().loadSource(PHASES, 'phase-1', { populate: { consultation: { select: ['documentId'] } } }))!;
    expect(source.row.consultation).toEqual({ documentId: 'wsis-10' });
  });

  it('answers INVALID_WINDOW for a stored window that no longer validates', async () => {
    addDocument(stub, CALLS, 'call-on-mars', { ...call, timezone: 'Mars/Olympus', closesAt: '2012-01-15T22:59:59.999Z' });
    await expect(windows().loadSource(CALLS, 'call-on-mars')).rejects.toMatchObject({
      name: 'ValidationError',
      details: { code: 'INVALID_WINDOW', field: 'timezone' },
    });
  });

  it('refuses a type that is not a window source', async () => {
    await expect(windows().loadSources(ENTRIES, ['entry'])).rejects.toThrow(`deadlines: ${ENTRIES} is not a configured window source`);
  });
});

describe('windowInputOf', () => {
  it('reads the configured attribute paths of a source row, components included', () => {
    const row = {
      startDate: '2012-05-14',
      outcomeSummaryDeadline: '2012-06-15',
      venue: { name: 'ITU', timezone: 'Europe/Zurich' },
      title: 'WSIS Forum 2012',
    };
    expect(windows().windowInputOf(EDITIONS, row)).toEqual({ opensAt: '2012-05-14', closesAt: '2012-06-15', timezone: 'Europe/Zurich' });
  });

  it('reads a missing component as no value (the default timezone applies)', () => {
    expect(windows().windowInputOf(EDITIONS, { outcomeSummaryDeadline: '2012-06-15', venue: null })).toEqual({
      opensAt: undefined,
      closesAt: '2012-06-15',
      timezone: undefined,
    });
  });
});

describe('targetIn: the target of a relation, in every shape a write sends', () => {
  let callRow: number;
  beforeEach(() => {
    callRow = addDocument(stub, CALLS, 'call-2011', { ...call, closesAt: '2012-01-15T22:59:59.999Z' }).en.id;
  });

  it.each([
    ['a documentId', 'call-2011', 'call-2011'],
    ['a target object', { documentId: 'call-2011', locale: 'en' }, 'call-2011'],
    ['{ connect: [one] }', { connect: [{ documentId: 'call-2011' }] }, 'call-2011'],
    ['{ connect: [several] } (the last)', { connect: [{ documentId: 'call-2010' }, { documentId: 'call-2011' }] }, 'call-2011'],
    ['{ set: [one] }', { set: ['call-2011'] }, 'call-2011'],
    ['{ set: [] } (no target)', { set: [] }, null],
    ['{ disconnect: [...] } (no target)', { disconnect: [{ documentId: 'call-2011' }] }, null],
    ['a list (the last)', ['call-2010', 'call-2011'], 'call-2011'],
    ['an empty list (no target)', [], null],
    ['null (no target)', null, null],
    ['an object naming nothing', {}, null],
  ])('reads %s', async (_shape, value, documentId) => {
    expect(await windows().targetIn(value, CALLS)).toEqual({ present: true, documentId });
  });

  it.each([
    ['undefined', undefined],
    ['{ connect: [] }', { connect: [] }],
    ["the content manager's untouched relation", { connect: [], disconnect: [] }],
  ])('reads %s as no change to the relation', async (_shape, value) => {
    expect(await windows().targetIn(value, CALLS)).toEqual({ present: false });
  });

  it('resolves a row id ({ id }, as a number or a string) to its document, with one query', async () => {
    expect(await windows().targetIn({ id: callRow }, CALLS)).toEqual({ present: true, documentId: 'call-2011' });
    expect(await windows().targetIn({ connect: [{ id: String(callRow) }] }, CALLS)).toEqual({ present: true, documentId: 'call-2011' });
    expect(stub.queries.map((query) => [query.uid, query.method, query.params.where])).toEqual([
      [CALLS, 'findOne', { id: callRow }],
      [CALLS, 'findOne', { id: callRow }],
    ]);
  });

  it("reads a bare row id (Strapi's shorthand for { id }) as its document", async () => {
    expect(await windows().targetIn(callRow, CALLS)).toEqual({ present: true, documentId: 'call-2011' });
    expect(await windows().targetIn({ connect: [callRow] }, CALLS)).toEqual({ present: true, documentId: 'call-2011' });
  });

  it('reads an unknown row id as a target that matches no document', async () => {
    expect(await windows().targetIn({ id: 9999 }, CALLS)).toEqual({ present: true, documentId: '#9999' });
  });

  it.each([
    ['{ connect: one object }', { connect: { documentId: 'call-2011' } }],
    ['{ connect: one documentId }', { connect: 'call-2011' }],
    ['{ set: one object }', { set: { documentId: 'call-2011' } }],
  ])('reads %s, which Strapi accepts, as that target', async (_shape, value) => {
    expect(await windows().targetIn(value, CALLS)).toEqual({ present: true, documentId: 'call-2011' });
  });
});

describe('currentTarget', () => {
  it('reads the source a stored document points at, from any of its versions', async () => {
    const callRow = addDocument(stub, CALLS, 'call-2011', { ...call, closesAt: '2012-01-15T22:59:59.999Z' }).en.id;
    stub.insert(ENTRIES, { documentId: 'entry', locale: 'en', title: 'Without a call yet', call: null, publishedAt: null });
    stub.insert(ENTRIES, { documentId: 'entry', locale: 'fr', title: 'Avec un appel', call: callRow, publishedAt: null });
    expect(await windows().currentTarget(ENTRIES, 'call', 'entry')).toBe('call-2011');
    expect(await windows().currentTarget(ENTRIES, 'call', 'no-such-entry')).toBeNull();
  });
});

describe('storedTargets', () => {
  it('refuses an attribute that is not a relation with a join table', async () => {
    await expect(windows().storedTargets(ENTRIES, 'title', 'entry')).rejects.toThrow(
      `deadlines: ${ENTRIES}.title is not a relation with a join table`,
    );
  });

  // What it reads is tested on both databases: tests/api/submission-integrity.test.ts.
});

describe('deadlinesOf and openNow: what other plugins read (calendars, open calls)', () => {
  beforeEach(() => {
    addDocument(
      stub,
      PHASES,
      'phase-3',
      {
        name: 'Formal contributions',
        position: 3,
        kind: 'submission',
        timezone: 'Europe/Zurich',
        opensAt: '2011-06-14T22:00:00.000Z',
        closesAt: '2011-09-01T21:59:59.999Z',
        extensions: [
          {
            closesAt: '2011-09-05T21:59:59.999Z',
            reason: 'At the request of several stakeholders',
            announcedAt: '2011-08-25T22:00:00.000Z',
          },
        ],
      },
      { draft: false },
    );
    addDocument(
      stub,
      PHASES,
      'phase-4',
      {
        name: 'Drafting',
        position: 4,
        kind: 'drafting',
        timezone: 'Europe/Zurich',
        opensAt: '2011-09-30T22:00:00.000Z',
        closesAt: '2011-11-30T22:59:59.999Z',
      },
      { draft: false },
    );
    addDocument(
      stub,
      PHASES,
      'phase-5',
      { name: 'Second physical meeting', position: 5, kind: 'physical_meeting', timezone: 'Europe/Zurich', opensAt: null, closesAt: null },
      { draft: false },
    );
  });

  it('gives the effective and original deadlines of many documents, in one query', async () => {
    const deadlines = await windows().deadlinesOf(PHASES, ['phase-3', 'phase-4', 'no-such-phase']);
    expect(Object.fromEntries(deadlines)).toEqual({
      'phase-3': {
        opensAt: '2011-06-15T00:00:00.000+02:00',
        closesAt: '2011-09-05T23:59:59.999+02:00',
        originalClosesAt: '2011-09-01T23:59:59.999+02:00',
        extended: true,
        extensionReasons: ['At the request of several stakeholders'],
        timezone: 'Europe/Zurich',
      },
      'phase-4': {
        opensAt: '2011-10-01T00:00:00.000+02:00',
        closesAt: '2011-11-30T23:59:59.999+01:00',
        originalClosesAt: null,
        extended: false,
        extensionReasons: [],
        timezone: 'Europe/Zurich',
      },
    });
    expect(stub.queries).toHaveLength(1);
  });

  it.each([
    ['2011-09-05T21:59:59.999Z', ['phase-3', 'phase-5']],
    ['2011-09-05T22:00:00.000Z', ['phase-5']],
    ['2011-10-01T10:00:00.000Z', ['phase-4', 'phase-5']],
  ])('says which windows are open at %s (a window without bounds always is)', async (now, open) => {
    expect([...(await windows().openNow(PHASES, ['phase-3', 'phase-4', 'phase-5'], at(now)))].sort()).toEqual(open);
    expect(stub.queries).toHaveLength(1);
  });
});
