import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder, superAdminToken } from '../helpers/auth';

// What a submission points at, who owns it and what it carries cannot be changed around the
// rules: relations that hold one document take one, copies are new submissions, new languages
// keep the owner, files are the stakeholder's own, late submitters are the editors' to name.

const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const CALLS = 'api::stocktaking-call.stocktaking-call';
const cm = (uid: string, ...path: string[]) => ['/content-manager/collection-types', uid, ...path].join('/');

let app: TestApp;
let token: string;
let editor: string;
let actionLine: string;
let openCall: string;
let closedCall: string;
let alice: { jwt: string; user: { id: number } };
let bob: { jwt: string; user: { id: number } };

async function createCall(opensAt: string, closesAt: string) {
  const response = await app
    .request()
    .post('/api/stocktaking-calls')
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title: `Call ${Math.random()}`, edition: '2011-2012', timezone: 'Europe/Zurich', opensAt, closesAt } });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
}

const as = (jwt: string) => ({
  post: (path: string, data: unknown, query: Record<string, unknown> = {}) =>
    app.request().post(path).query(query).set('Authorization', `Bearer ${jwt}`).send({ data }),
  put: (path: string, data: unknown) => app.request().put(path).set('Authorization', `Bearer ${jwt}`).send({ data }),
});
const entry = (call: unknown, extra: Record<string, unknown> = {}) => ({
  title: `Telecentres ${Math.random()}`,
  shortDescription: 'Rural post offices.',
  call,
  actionLines: [actionLine],
  ...extra,
});
const rows = (uid: string, documentId: string) =>
  app.strapi.db.query(uid as never).findMany({
    where: { documentId },
    populate: { call: { select: ['documentId'] }, submittedBy: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
const storedCalls = (documentId: string) => app.strapi.plugin('deadlines').service('windows').storedTargets(ENTRIES, 'call', documentId);

async function adminToken(roleCode: string, name: string): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${name}@wsis.test`;
  const password = 'Translator-Password-2012';
  await app.strapi.service('admin::user').create({ email, firstname: name, lastname: 'Test', password, isActive: true, roles: [role.id] });
  return (await app.request().post('/admin/login').send({ email, password }).expect(200)).body.data.token;
}

beforeAll(async () => {
  app = await bootApp();
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  token = await fullAccessToken(app.strapi);
  editor = await superAdminToken(app.strapi, app.request);
  actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } })).documentId;
  openCall = await createCall('2011-01-01', '2040-01-15');
  closedCall = await createCall('2011-01-01', '2011-06-01');
  alice = await stakeholder(app.strapi, 'alice');
  bob = await stakeholder(app.strapi, 'bob');
}, 300_000);
afterAll(async () => {
  await app?.destroy();
});

describe('a relation that holds one document takes one', () => {
  let aliceEntry: string;
  beforeAll(async () => {
    aliceEntry = (await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall)).expect(201)).body.data.documentId;
  });

  it.each([
    ['two connect targets, the closed call first', () => ({ connect: [{ documentId: closedCall }, { documentId: openCall }] })],
    ['set and connect together', () => ({ set: [{ documentId: openCall }], connect: [{ documentId: closedCall }] })],
    ['a list of two', () => [closedCall, openCall]],
  ])('refuses moving an entry with %s (400 INVALID_RELATION), leaving it in its call', async (_name, call) => {
    const before = await rows(ENTRIES, aliceEntry);
    const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, { call: call() });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_RELATION', field: 'call' }));
    expect(await rows(ENTRIES, aliceEntry)).toEqual(before);
    expect(await storedCalls(aliceEntry)).toEqual([openCall]);
  });

  it.each([
    ['{ connect: { documentId } }', () => ({ connect: { documentId: closedCall } })],
    ['{ connect: documentId }', () => ({ connect: closedCall })],
    ['{ set: { documentId } }', () => ({ set: { documentId: closedCall } })],
  ])('refuses moving an entry into a closed call written as %s, one target without a list (403 WINDOW_CLOSED)', async (_name, call) => {
    const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, { call: call() });
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('WINDOW_CLOSED');
    expect(await storedCalls(aliceEntry)).toEqual([openCall]);
  });

  it('refuses a relation payload of an unknown shape (Strapi itself answers 400), leaving it in its call', async () => {
    const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, {
      call: { connect: { documentId: closedCall }, extra: true },
    });
    expect(response.status).toBe(400);
    expect(await storedCalls(aliceEntry)).toEqual([openCall]);
  });

  it.each([
    ['an operator as position.after', { connect: [{ documentId: 'x', position: { after: { $ne: '' } } }] }],
    ['a list as an id', { set: [{ id: [1, 2] }] }],
  ])(
    'refuses a to-many relation target written with %s (400 INVALID_RELATION; the database layer answered 500)',
    async (_name, actionLines) => {
      const before = await rows(ENTRIES, aliceEntry);
      const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, { actionLines });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_RELATION', field: 'actionLines' }));
      expect(await rows(ENTRIES, aliceEntry)).toEqual(before);
    },
  );

  // Strapi looks targets named by documentId up, and writes those named by row id as given: an
  // unknown one failed on the join table's foreign key (a 500, masked on PostgreSQL by Strapi's
  // restore of the row in the aborted transaction).
  it.each([
    ['an unknown id in set', () => ({ set: [1_000_000], connect: [] })],
    ['an id beyond 32 bits', () => ({ set: [2_147_483_648] })],
    ['a negative id', () => ({ set: [-1] })],
    ['an unknown { id } in connect', () => ({ connect: [{ id: 1_000_000 }] })],
    ['an unknown id as shorthand', () => [1_000_000]],
    ['a text Strapi reads as an id', () => ['27abc']],
  ])('refuses a relation target named by %s (400 INVALID_RELATION; the database answered 500)', async (_name, implementingPartners) => {
    const before = await rows(ENTRIES, aliceEntry);
    const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, { implementingPartners: implementingPartners() });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_RELATION', field: 'implementingPartners' }));
    expect(await rows(ENTRIES, aliceEntry)).toEqual(before);
  });

  it('takes a relation target named by the id of an existing row', async () => {
    const organization = await app.strapi.db.query('api::organization.organization').findOne({ where: {}, orderBy: { id: 'asc' } });
    const response = await as(alice.jwt).put(`/api/stocktaking-entries/${aliceEntry}`, {
      implementingPartners: { set: [organization.id] },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a new entry with two calls, writing nothing', async () => {
    const before = await app.strapi.db.query(ENTRIES).count();
    const response = await as(alice.jwt).post(
      '/api/stocktaking-entries',
      entry({ connect: [{ documentId: openCall }, { documentId: closedCall }] }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_RELATION');
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
  });

  it('refuses two phases or two consultations on a contribution', async () => {
    const phase = await app.strapi.db
      .query('api::consultation-phase.consultation-phase')
      .findOne({ where: { acceptsContributions: true, locale: 'en' }, populate: ['consultation'] });
    for (const data of [
      { title: 'Statement', body: 'Text', phase: { connect: [{ documentId: phase.documentId }, { documentId: phase.documentId }] } },
      {
        title: 'Statement',
        body: 'Text',
        phase: phase.documentId,
        consultation: [phase.consultation.documentId, phase.consultation.documentId],
      },
    ]) {
      const response = await as(bob.jwt).post('/api/consultation-contributions', data);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('INVALID_RELATION');
    }
  });

  it('refuses two calls from the admin content manager and from code too', async () => {
    const response = await app
      .request()
      .put(cm(ENTRIES, aliceEntry))
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${editor}`)
      .send({ call: { connect: [{ documentId: closedCall }, { documentId: openCall }] } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_RELATION');
    await expect(
      app.strapi.documents(ENTRIES).update({ documentId: aliceEntry, data: { call: [closedCall, openCall] } as never }),
    ).rejects.toMatchObject({ details: { code: 'INVALID_RELATION' } });
    expect(await storedCalls(aliceEntry)).toEqual([openCall]);
  });
});

// What the check after every windowed write reads (deadlines' `storedTargets`, one statement inside
// the write's transaction), on rows written straight through the query engine: shapes no request
// can give, so that the check is shown to read the version and the locale written, whatever else is stored.
describe('the stored call a write is checked against', () => {
  const callRow = async (documentId: string, published: boolean) =>
    (await app.strapi.db.query(CALLS).findOne({ where: { documentId, publishedAt: published ? { $notNull: true } : null } })).id;
  const storedEntry = async (versions: { locale?: string; published?: boolean; calls: number[] }[]) => {
    const documentId = `stored-${Math.random().toString(36).slice(2)}`;
    for (const { locale = 'en', published = false, calls } of versions) {
      await app.strapi.db.query(ENTRIES).create({
        data: {
          documentId,
          locale,
          title: `Stored ${documentId}`,
          slug: `stored-${documentId}-${locale}-${published ? 'p' : 'd'}`,
          publishedAt: published ? new Date() : null,
          call: calls,
        },
      });
    }
    return documentId;
  };
  const stored = (documentId: string, locale?: string) =>
    app.strapi.plugin('deadlines').service('windows').storedTargets(ENTRIES, 'call', documentId, locale);

  it("reads the draft's call, not the published version's", async () => {
    const documentId = await storedEntry([
      { calls: [await callRow(openCall, false)] },
      { published: true, calls: [await callRow(closedCall, true)] },
    ]);
    expect(await stored(documentId, 'en')).toEqual([openCall]);
  });

  it('reads the locale written only', async () => {
    const documentId = await storedEntry([
      { locale: 'en', calls: [await callRow(openCall, false)] },
      { locale: 'fr', calls: [await callRow(closedCall, false)] },
    ]);
    expect(await stored(documentId, 'en')).toEqual([openCall]);
    expect(await stored(documentId, 'fr')).toEqual([closedCall]);
    expect((await stored(documentId)).sort()).toEqual([openCall, closedCall].sort());
  });

  it('counts the draft and the published row of one call as one call, and two calls as two', async () => {
    const one = await storedEntry([{ calls: [await callRow(openCall, false), await callRow(openCall, true)] }]);
    expect(await stored(one, 'en')).toEqual([openCall]);
    const two = await storedEntry([{ calls: [await callRow(openCall, false), await callRow(closedCall, false)] }]);
    expect((await stored(two, 'en')).sort()).toEqual([openCall, closedCall].sort());
  });

  it('reads no call for a document without one, or for no document', async () => {
    expect(await stored(await storedEntry([{ calls: [] }]), 'en')).toEqual([]);
    expect(await stored('no-such-entry', 'en')).toEqual([]);
  });

  it('is one statement', async () => {
    const documentId = await storedEntry([{ calls: [await callRow(openCall, false)] }]);
    const sql: string[] = [];
    const record = (query: { sql: string }) => sql.push(query.sql);
    app.strapi.db.connection.on('query', record);
    try {
      expect(await stored(documentId, 'en')).toEqual([openCall]);
    } finally {
      app.strapi.db.connection.removeListener('query', record);
    }
    // The reads of entries and calls: the accounts outbox's timer queries beside the test (seen once on PostgreSQL).
    expect(sql.filter((statement) => /^select/i.test(statement) && statement.includes('stocktaking_'))).toHaveLength(1);
  });
});

// Found by the generated suite (tests/hostile): the refusal carried the entity as the server was
// about to store it, its private owner (`submittedBy`) and internal row ids included.
describe('a refused submission', () => {
  it('tells what is wrong without the entity the server was about to write', async () => {
    const before = await app.strapi.db.query(ENTRIES).count();
    for (const organization of [{ id: { $gt: 0 } }, { id: 999_999 }]) {
      const response = await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall, { organization }));
      expect(response.status).toBe(400);
      // Refused before Strapi (which answered INVALID_INPUT here on create, and 500 on update).
      expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_RELATION', field: 'organization' }));
      expect(response.body.error.message).toMatch(/^organization: /);
      expect(JSON.stringify(response.body)).not.toMatch(/submittedBy|"value"/);
    }
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
  });
});

describe("someone else's submission", () => {
  it('does not exist for another stakeholder, window included (404, where its owner hears the window has closed)', async () => {
    const inClosed = await app.strapi
      .plugin('deadlines')
      .service('actor')
      .bypass(() => app.strapi.documents(ENTRIES).create({ data: entry(closedCall, { submittedBy: alice.user.id }) as never }));
    const byOther = await as(bob.jwt).put(`/api/stocktaking-entries/${inClosed.documentId}`, { title: 'Taken over' });
    expect(byOther.status).toBe(404);
    expect(JSON.stringify(byOther.body)).not.toMatch(/WINDOW|EDIT_PERIOD|deadline/i);
    const byOwner = await as(alice.jwt).put(`/api/stocktaking-entries/${inClosed.documentId}`, { title: 'Too late' });
    expect(byOwner.body.error.details.code).toBe('EDIT_PERIOD_OVER');
  });
});

describe('a copy is a new submission', () => {
  it('refuses code cloning an entry of a closed call', async () => {
    const inClosed = await app.strapi
      .plugin('deadlines')
      .service('actor')
      .bypass(() => app.strapi.documents(ENTRIES).create({ data: entry(closedCall, { submittedBy: alice.user.id }) as never }));
    const before = await app.strapi.db.query(ENTRIES).count();
    await expect(app.strapi.documents(ENTRIES).clone({ documentId: inClosed.documentId, data: {} } as never)).rejects.toMatchObject({
      details: { code: 'WINDOW_CLOSED' },
    });
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
  });
});

describe('a new language of a submission', () => {
  it("keeps the stakeholder's ownership, so they can still change their entry", async () => {
    const created = (await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall)).expect(201)).body.data.documentId;
    await app.strapi
      .documents(ENTRIES)
      .update({ documentId: created, locale: 'fr', data: { title: 'Télécentres', shortDescription: 'Bureaux de poste ruraux.' } as never });
    const versions = await rows(ENTRIES, created);
    expect(versions.map((row) => [row.locale, row.submittedBy?.id])).toEqual([
      ['en', alice.user.id],
      ['fr', alice.user.id],
    ]);
    await as(alice.jwt).put(`/api/stocktaking-entries/${created}`, { title: 'Post office telecentres' }).expect(200);
  });
});

// Found by the generated suite (tests/hostile): `data` as a list stored a new language without its
// owner (locking the stakeholder out of their entry), answered 404, then failed after the commit.
describe('a payload whose data is not one object', () => {
  it('is refused (400 INVALID_INPUT) on every path, writing nothing; the stakeholder keeps their entry', async () => {
    const created = (await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall)).expect(201)).body.data.documentId;
    const before = await rows(ENTRIES, created);
    for (const [locale, data] of [
      ['fr', [{}]],
      ['en', [{ title: 'List' }]],
      ['es', []],
    ] as const) {
      const response = await app
        .request()
        .put(`/api/stocktaking-entries/${created}`)
        .query({ locale })
        .set('Authorization', `Bearer ${alice.jwt}`)
        .send({ data });
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe('INVALID_INPUT');
    }
    const posted = await app
      .request()
      .post('/api/stocktaking-entries')
      .set('Authorization', `Bearer ${alice.jwt}`)
      .send({ data: [entry(openCall)] });
    expect(posted.status).toBe(400);
    await expect(app.strapi.documents(ENTRIES).update({ documentId: created, locale: 'fr', data: [{}] as never })).rejects.toMatchObject({
      details: { code: 'INVALID_INPUT' },
    });
    expect(await rows(ENTRIES, created)).toEqual(before);
    await as(alice.jwt).put(`/api/stocktaking-entries/${created}`, { title: 'Still mine' }).expect(200);
  });
});

describe('files attached to a submission', () => {
  const upload = (jwt: string, name: string, query: Record<string, unknown> = {}) =>
    app
      .request()
      .post('/api/upload')
      .query(query)
      .set('Authorization', `Bearer ${jwt}`)
      .attach('files', Buffer.from(`%PDF-1.4 ${name}`), { filename: `${name}.pdf`, contentType: 'application/pdf' });

  it("are the stakeholder's own uploads: someone else's file is refused and nothing is written", async () => {
    const own = (await upload(alice.jwt, 'alice-report').expect(201)).body[0].id;
    const others = (await upload(bob.jwt, 'bob-report').expect(201)).body[0].id;
    const accepted = await as(alice.jwt)
      .post('/api/stocktaking-entries', entry(openCall, { documents: [own] }), { populate: 'documents' })
      .expect(201);
    expect(accepted.body.data.documents.map((file) => file.id)).toEqual([own]);

    const before = await app.strapi.db.query(ENTRIES).count();
    // Ids no file can have (out of the integer column's range) answered 500 on PostgreSQL.
    for (const documents of [[others], [own, others], [{ id: others }], ['not-a-file'], [9007199254740992], [own, 2 ** 31]]) {
      const refused = await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall, { documents }));
      expect([documents, refused.status]).toEqual([documents, 403]);
      expect(refused.body.error.details.code).toBe('MEDIA_NOT_OWNED');
    }
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(before);
    const update = await as(alice.jwt).put(`/api/stocktaking-entries/${accepted.body.data.documentId}`, { documents: [own, others] });
    expect(update.status).toBe(403);
  });

  it('named by an id no file has are refused to an editor too (400 with a code, nothing written), on create and update', async () => {
    const before = await app.strapi.db.query(ENTRIES).count();
    const editorEntry = (
      await app
        .request()
        .post('/api/stocktaking-entries')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: entry(openCall) })
    ).body.data.documentId;
    const counted = await app.strapi.db.query(ENTRIES).count();
    const shapes = [
      [1_000_000],
      [-1],
      [2 ** 31],
      [1.5],
      ['27abc'],
      ['not-a-file'],
      [{ id: 1_000_000 }],
      1_000_000,
      { connect: [1_000_000] },
      { set: [{ id: 1_000_000 }] },
    ];
    for (const documents of shapes) {
      const created = await app
        .request()
        .post('/api/stocktaking-entries')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: entry(openCall, { documents }) });
      const updated = await app
        .request()
        .put(`/api/stocktaking-entries/${editorEntry}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { documents } });
      expect([documents, created.status, created.body.error?.details?.code]).toEqual([documents, 400, expect.any(String)]);
      expect([documents, updated.status, updated.body.error?.details?.code]).toEqual([documents, 400, expect.any(String)]);
    }
    expect(await app.strapi.db.query(ENTRIES).count()).toBe(counted);
    expect(counted).toBeGreaterThan(before);
    const stored = await app.strapi.db.query(ENTRIES).findMany({ where: { documentId: editorEntry }, populate: { documents: true } });
    expect(stored.flatMap((row: { documents?: unknown[] | null }) => row.documents ?? [])).toEqual([]);
  });

  it('are documents and images, never something a browser would run from this site', async () => {
    for (const [filename, contentType, content] of [
      ['page.html', 'text/html', '<html><script>alert(1)</script></html>'],
      ['logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ]) {
      const response = await app
        .request()
        .post('/api/upload')
        .set('Authorization', `Bearer ${alice.jwt}`)
        .attach('files', Buffer.from(content), { filename, contentType });
      expect([filename, response.status]).toEqual([filename, 400]);
    }
  });

  it("cannot be replaced unless they are one's own", async () => {
    const others = (await upload(bob.jwt, 'bob-minutes').expect(201)).body[0].id;
    const response = await upload(alice.jwt, 'replacement', { id: others });
    expect(response.status).toBe(403);
    expect(response.body.error.details.code).toBe('MEDIA_NOT_OWNED');
    expect((await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: others } })).name).toBe('bob-minutes.pdf');
  });
});

describe('late submitters', () => {
  let translator: string;
  beforeAll(async () => {
    translator = await adminToken('translator-fr', 'french-translator');
  });

  it('are recorded when an editor names them', async () => {
    await app
      .request()
      .put(cm(CALLS, closedCall))
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${editor}`)
      .send({ lateSubmitters: { connect: [{ id: bob.user.id }] } })
      .expect(200);
    const changes = await app.strapi.db
      .query('plugin::deadlines.late-submitters-change')
      .findMany({ where: { targetDocumentId: closedCall } });
    expect(changes).toEqual([
      expect.objectContaining({
        contentType: CALLS,
        locale: 'en',
        added: [bob.user.id],
        removed: [],
        changedBy: expect.stringContaining('@wsis.test'),
      }),
    ]);
  });

  it("cannot be named by a translator through their language's version", async () => {
    await app.strapi
      .documents(CALLS)
      .update({ documentId: openCall, locale: 'fr', data: { title: 'Appel' } as never, status: 'published' });
    const response = await app
      .request()
      .put(cm(CALLS, openCall))
      .query({ locale: 'fr' })
      .set('Authorization', `Bearer ${translator}`)
      .send({ title: 'Appel à contributions', lateSubmitters: { connect: [{ id: alice.user.id }] } });
    expect(response.status).toBe(403);
    expect(response.body.error.details).toEqual(expect.objectContaining({ code: 'FIELD_NOT_TRANSLATABLE', fields: ['lateSubmitters'] }));
    const source = await app.strapi.plugin('deadlines').service('windows').loadSource(CALLS, openCall, { lateSubmitter: alice.user.id });
    expect(source.lateSubmitter).toBe(false);
  });

  it("leave a stakeholder's unpublished submission alone: a translator neither translates nor publishes it", async () => {
    const draft = (await as(alice.jwt).post('/api/stocktaking-entries', entry(openCall)).expect(201)).body.data.documentId;
    const before = await rows(ENTRIES, draft);
    const translated = await app
      .request()
      .put(cm(ENTRIES, draft))
      .query({ locale: 'fr' })
      .set('Authorization', `Bearer ${translator}`)
      .send({ title: 'Télécentres', shortDescription: 'Bureaux de poste.' });
    expect(translated.status).toBe(403);
    expect(translated.body.error.details.code).toBe('NOT_REVIEWED');
    const published = await app
      .request()
      .post(cm(ENTRIES, draft, 'actions', 'publish'))
      .query({ locale: 'fr' })
      .set('Authorization', `Bearer ${translator}`)
      .send({});
    expect(published.status).toBe(403);
    expect(await rows(ENTRIES, draft)).toEqual(before);
  });
});
