import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, stakeholder, superAdminToken } from '../helpers/auth';

// Stakeholder submissions are reviewed: accepted (published), sent back for changes with a reason
// the submitter reads, or rejected. Every step is recorded, and no write path changes the review
// state around the review actions.

const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const REVIEWS = 'plugin::submissions.review';
const cm = (...path: string[]) => ['/content-manager/collection-types', ENTRIES, ...path].join('/');

let app: TestApp;
let token: string;
let editor: string;
let actionLine: string;
let openCall: string;
let alice: { jwt: string; user: { id: number } };

const as = (jwt: string) => ({
  get: (path: string) => app.request().get(path).set('Authorization', `Bearer ${jwt}`),
  post: (path: string, body: unknown) => app.request().post(path).set('Authorization', `Bearer ${jwt}`).send(body),
  put: (path: string, body: unknown) => app.request().put(path).set('Authorization', `Bearer ${jwt}`).send(body),
});
const review = (documentId: string, body: Record<string, unknown>, jwt = editor) =>
  as(jwt).post(`/submissions/reviews/${ENTRIES}/${documentId}`, body);
const submit = async (title = `Telecentres ${Math.random()}`) =>
  (
    await as(alice.jwt)
      .post('/api/stocktaking-entries', {
        data: { title, shortDescription: 'Rural post offices.', call: openCall, actionLines: [actionLine] },
      })
      .expect(201)
  ).body.data.documentId as string;
const mine = async (documentId: string) => {
  const response = await as(alice.jwt).get('/api/stocktaking-entries/mine').expect(200);
  return response.body.data.find((item) => item.documentId === documentId);
};
const reviewsOf = (documentId: string) =>
  app.strapi.db.query(REVIEWS).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
  editor = await superAdminToken(app.strapi, app.request);
  actionLine = (await app.strapi.db.query('api::action-line.action-line').findOne({ where: { code: 'C2', locale: 'en' } })).documentId;
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
  const call = await as(token).post('/api/stocktaking-calls', {
    data: { title: 'Open call', edition: '2011-2012', timezone: 'Europe/Zurich', opensAt: '2011-01-01', closesAt: '2040-01-15' },
  });
  openCall = call.body.data.documentId;
  alice = await stakeholder(app.strapi, 'alice');
}, 300_000);
afterAll(async () => {
  await app?.destroy();
});

describe('the review of a submission', () => {
  it('starts submitted, waits in the queue oldest first, filterable by call and language', async () => {
    const first = await submit();
    const second = await submit();
    expect((await mine(first)).reviewState).toBe('submitted');
    const queue = await as(editor).get('/submissions/reviews').expect(200);
    const ids = queue.body.data.map((item) => item.documentId);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(queue.body.data.find((item) => item.documentId === first)).toEqual(
      expect.objectContaining({ contentType: ENTRIES, locale: 'en', group: { documentId: openCall, title: 'Open call' } }),
    );
    const byCall = await as(editor).get(`/submissions/reviews?contentType=${ENTRIES}&group=${openCall}&locale=en`).expect(200);
    expect(byCall.body.data.map((item) => item.documentId)).toEqual(expect.arrayContaining([first, second]));
    const french = await as(editor).get(`/submissions/reviews?locale=fr&group=${openCall}`).expect(200);
    expect(french.body.data).toEqual([]);
  });

  it('sends a submission back with a reason the submitter reads; their edit submits it again; accepting publishes it', async () => {
    const documentId = await submit();
    await app.request().get(`/api/stocktaking-entries/${documentId}`).expect(404);
    const sent = await review(documentId, { action: 'request-changes', reason: 'Please name the implementing partners.' }).expect(200);
    expect(sent.body.data).toEqual({ documentId, state: 'changes_requested', reason: 'Please name the implementing partners.' });
    expect(await mine(documentId)).toEqual(
      expect.objectContaining({ reviewState: 'changes_requested', reviewReason: 'Please name the implementing partners.' }),
    );
    expect((await as(editor).get('/submissions/reviews').expect(200)).body.data.map((item) => item.documentId)).not.toContain(documentId);

    await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { shortDescription: 'Rural post offices, with the Universal Postal Union.' } })
      .expect(200);
    expect(await mine(documentId)).toEqual(expect.objectContaining({ reviewState: 'submitted', reviewReason: null }));

    await review(documentId, { action: 'accept' }).expect(200);
    const published = await app.request().get(`/api/stocktaking-entries/${documentId}`).expect(200);
    expect(published.body.data).toEqual(
      expect.objectContaining({ reviewState: 'accepted', shortDescription: 'Rural post offices, with the Universal Postal Union.' }),
    );
    expect(published.body.data).not.toHaveProperty('submittedBy');

    const history = await as(editor).get(`/submissions/reviews/${ENTRIES}/${documentId}`).expect(200);
    expect(history.body.data.map((step) => [step.action, step.fromState, step.toState])).toEqual([
      ['request-changes', 'submitted', 'changes_requested'],
      ['resubmit', 'changes_requested', 'submitted'],
      ['accept', 'submitted', 'accepted'],
    ]);
    expect(history.body.data[0]).toEqual(
      expect.objectContaining({ reason: 'Please name the implementing partners.', adminUserId: expect.any(Number) }),
    );
    expect(history.body.data[1].actor).toBe(`stakeholder #${alice.user.id}`);
  });

  it('closes an accepted or rejected submission to its submitter', async () => {
    const accepted = await submit();
    await review(accepted, { action: 'accept' }).expect(200);
    const locked = await as(alice.jwt).put(`/api/stocktaking-entries/${accepted}`, { data: { title: 'Changed after acceptance' } });
    expect(locked.status).toBe(403);
    expect(locked.body.error.details).toEqual(expect.objectContaining({ code: 'REVIEW_CLOSED', state: 'accepted' }));

    const rejected = await submit();
    await review(rejected, { action: 'reject', reason: 'Not an ICT project.' }).expect(200);
    expect(await mine(rejected)).toEqual(expect.objectContaining({ reviewState: 'rejected', reviewReason: 'Not an ICT project.' }));
    expect(
      (await as(alice.jwt).put(`/api/stocktaking-entries/${rejected}`, { data: { title: 'Try again' } })).body.error.details.code,
    ).toBe('REVIEW_CLOSED');
    // Publishing a rejected submission, by any path, is refused: it would accept it.
    const publish = await as(editor).post(cm(rejected, 'actions', 'publish'), {});
    expect(publish.status).toBe(400);
    expect(publish.body.error.details.code).toBe('INVALID_TRANSITION');
    await app.request().get(`/api/stocktaking-entries/${rejected}`).expect(404);
  });

  it.each([
    [{ action: 'approve' }, 'INVALID_REVIEW_ACTION'],
    [{ action: 'reject' }, 'REASON_REQUIRED'],
    [{ action: 'request-changes', reason: '   ' }, 'REASON_REQUIRED'],
    [{ action: 'reject', reason: 'x'.repeat(2001) }, 'TOO_LONG'],
  ])('refuses %o with 400 %s, changing nothing', async (body, code) => {
    const documentId = await submit();
    const response = await review(documentId, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe(code);
    expect((await mine(documentId)).reviewState).toBe('submitted');
    expect(await reviewsOf(documentId)).toEqual([]);
  });

  it('refuses an action the state does not allow', async () => {
    const documentId = await submit();
    await review(documentId, { action: 'accept' }).expect(200);
    const again = await review(documentId, { action: 'request-changes', reason: 'Too late.' });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toEqual(expect.objectContaining({ code: 'INVALID_TRANSITION', state: 'accepted' }));
  });

  it('accepts when an editor publishes in the content manager, and records it', async () => {
    const documentId = await submit();
    await as(editor)
      .post(cm(documentId, 'actions', 'publish'), {})
      .expect(200);
    expect((await mine(documentId)).reviewState).toBe('accepted');
    expect((await reviewsOf(documentId)).map((step) => step.action)).toEqual(['accept']);
  });

  it('writes an entry created published (an API token, REST) accepted in both versions, and records it once', async () => {
    const created = await as(token)
      .post('/api/stocktaking-entries', {
        data: {
          title: `Published at once ${Math.random()}`,
          shortDescription: 'Rural post offices.',
          call: openCall,
          actionLines: [actionLine],
        },
      })
      .expect(201);
    const documentId = created.body.data.documentId as string;
    const versions = await app.strapi.db
      .query(ENTRIES)
      .findMany({ where: { documentId }, select: ['publishedAt', 'reviewState', 'reviewReason', 'reviewedAt'] });
    expect(versions).toHaveLength(2);
    for (const version of versions) {
      expect(version).toEqual(expect.objectContaining({ reviewState: 'accepted', reviewReason: null }));
      expect(version.reviewedAt).not.toBeNull();
    }
    expect((await reviewsOf(documentId)).map((step) => [step.action, step.fromState, step.toState, step.actor])).toEqual([
      ['accept', null, 'accepted', 'api-token'],
    ]);
  });

  it('changes the review fields only through the review actions, on every path', async () => {
    const documentId = await submit();
    // The stakeholder's payload: dropped, as the server's fields are.
    await as(alice.jwt)
      .put(`/api/stocktaking-entries/${documentId}`, { data: { reviewState: 'accepted', reviewReason: 'Self-approved' } })
      .expect(200);
    expect(await mine(documentId)).toEqual(expect.objectContaining({ reviewState: 'submitted', reviewReason: null }));
    // An editor's REST token or the content manager: refused with a code.
    const rest = await as(token).put(`/api/stocktaking-entries/${documentId}?status=draft`, { data: { reviewState: 'rejected' } });
    expect(rest.status).toBe(400);
    expect(rest.body.error.details).toEqual(expect.objectContaining({ code: 'REVIEW_FIELDS_READ_ONLY', fields: ['reviewState'] }));
    const admin = await as(editor).put(cm(documentId), { reviewReason: 'Edited by hand' });
    expect(admin.status).toBe(400);
    expect(admin.body.error.details.code).toBe('REVIEW_FIELDS_READ_ONLY');
    // The edit form sends every field back: repeating the stored values is fine.
    await as(editor).put(cm(documentId), { reviewState: 'submitted', reviewReason: null, title: 'Edited title' }).expect(200);
    expect(await reviewsOf(documentId)).toEqual([]);
  });

  it('is for admin users with the review permission', async () => {
    const documentId = await submit();
    await app.request().post(`/submissions/reviews/${ENTRIES}/${documentId}`).send({ action: 'accept' }).expect(401);
    await as(alice.jwt).post(`/submissions/reviews/${ENTRIES}/${documentId}`, { action: 'accept' }).expect(401);
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    await app.strapi.service('admin::user').create({
      email: 'author@wsis.test',
      firstname: 'Author',
      lastname: 'Test',
      password: 'Author-Password-2012',
      isActive: true,
      roles: [role.id],
    });
    const author = (
      await app.request().post('/admin/login').send({ email: 'author@wsis.test', password: 'Author-Password-2012' }).expect(200)
    ).body.data.token;
    await review(documentId, { action: 'accept' }, author).expect(403);
    await as(author).get('/submissions/reviews').expect(403);
    expect((await mine(documentId)).reviewState).toBe('submitted');
  });

  it('is what the Moderator role is for, and the Editor (WSIS) role too; a moderator edits no call', async () => {
    const login = async (code: string, name: string) => {
      const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
      expect(role).toBeTruthy();
      await app.strapi.service('admin::user').create({
        email: `${name}@wsis.test`,
        firstname: name,
        lastname: 'Test',
        password: 'Reviewer-Password-2012',
        isActive: true,
        roles: [role.id],
      });
      return (
        await app
          .request()
          .post('/admin/login')
          .send({ email: `${name}@wsis.test`, password: 'Reviewer-Password-2012' })
          .expect(200)
      ).body.data.token as string;
    };
    const moderator = await login('wsis-moderator', 'moderator');
    const wsisEditor = await login('wsis-editor', 'wsiseditor');

    const first = await submit();
    await as(moderator).get('/submissions/reviews').expect(200);
    await review(first, { action: 'request-changes', reason: 'Add the partners.' }, moderator).expect(200);
    await as(moderator).get(cm(first)).expect(200);
    const editCall = await as(moderator).put(`/content-manager/collection-types/api::stocktaking-call.stocktaking-call/${openCall}`, {
      title: 'Renamed by a moderator',
    });
    expect(editCall.status).toBe(403);

    const second = await submit();
    await review(second, { action: 'accept' }, wsisEditor).expect(200);
    await as(wsisEditor)
      .put(`/content-manager/collection-types/api::stocktaking-call.stocktaking-call/${openCall}?locale=fr`, { title: 'Appel ouvert' })
      .expect(200);
    await as(wsisEditor).get('/admin/roles').expect(403);
  });
});
