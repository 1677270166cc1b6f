import type { UID } from '@strapi/strapi';
import { bootApp, TestApp } from '../helpers/strapi';

const CALL = 'api::stocktaking-call.stocktaking-call' as UID.ContentType;
const CONSULTATION = 'api::consultation.consultation' as UID.ContentType;

interface ScheduledDocument {
  uid: string;
  documentId: string;
  locale: string | null;
}
interface RunReport {
  published: ScheduledDocument[];
  unpublished: ScheduledDocument[];
  failed: (ScheduledDocument & { action: string; error: string })[];
}

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
  // The tests drive the clock: runDue gets an explicit `now`, the every-minute task stays paused.
  app.strapi.cron.stop();
  // These calls are English only: the official-call gate (tests/api/translations.test.ts) would
  // refuse to publish them. Scheduling is what is tested here, so the gate is off for this app.
  app.strapi.config.set('plugin::translations.requiredTranslations', {});
});
afterAll(async () => {
  await app?.destroy();
});

const runDue = (now: Date): Promise<RunReport> => app.strapi.plugin('scheduled-publishing').service('scheduler').runDue(now);
const minutes = (now: Date, n: number) => new Date(now.getTime() + n * 60_000);
const nothingDone = { published: [], unpublished: [], failed: [] };

let count = 0;
/** A draft stocktaking call (English), with every field publishing requires unless overridden. */
async function draftCall(data: Record<string, unknown>) {
  count += 1;
  return app.strapi.documents(CALL).create({
    locale: 'en',
    data: {
      title: `WSIS Stocktaking ${count}: call for new entries`,
      edition: '2011-2012',
      opensAt: '2011-09-01T00:00:00.000Z',
      closesAt: '2012-01-15T23:59:59.000Z',
      timezone: 'Europe/Zurich',
      ...data,
    } as never,
  });
}

async function publishedConsultation(data: Record<string, unknown>) {
  count += 1;
  return app.strapi.documents(CONSULTATION).create({
    locale: 'en',
    status: 'published',
    data: { title: `WSIS+10 open consultation ${count}`, ...data } as never,
  });
}

const rowsOf = (uid: UID.ContentType, documentId: string) =>
  app.strapi.db.query(uid).findMany({ where: { documentId }, select: ['locale', 'publishedAt', 'publishAt', 'unpublishAt'] });

const getCall = (documentId: string, locale = 'en') => app.request().get(`/api/stocktaking-calls/${documentId}`).query({ locale });
const listedConsultations = async (documentId: string) => {
  const response = await app.request().get('/api/consultations').query({ 'filters[documentId][$eq]': documentId }).expect(200);
  return response.body.data.map((consultation: { documentId: string }) => consultation.documentId);
};

describe('scheduled publishing', () => {
  it('publishes a draft whose publishAt has passed, clears publishAt, and does nothing on a second run', async () => {
    const now = new Date('2011-09-01T07:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, -5) });
    await getCall(call.documentId).expect(404);

    expect(await runDue(now)).toEqual({ ...nothingDone, published: [{ uid: CALL, documentId: call.documentId, locale: 'en' }] });

    const response = await getCall(call.documentId).expect(200);
    expect(response.body.data.publishAt).toBeNull();
    const rows = await rowsOf(CALL, call.documentId);
    expect(rows).toHaveLength(2); // the draft and the published version
    expect(rows.map((row) => row.publishAt)).toEqual([null, null]);

    expect(await runDue(now)).toEqual(nothingDone);
    expect(await runDue(minutes(now, 60))).toEqual(nothingDone);
  });

  it('leaves a publishAt in the future alone, and publishes it once a later run reaches it', async () => {
    const now = new Date('2011-09-02T07:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, 30) });

    expect(await runDue(now)).toEqual(nothingDone);
    await getCall(call.documentId).expect(404);
    expect((await rowsOf(CALL, call.documentId)).map((row) => new Date(row.publishAt).toISOString())).toEqual([
      minutes(now, 30).toISOString(),
    ]);

    expect((await runDue(minutes(now, 30))).published).toEqual([{ uid: CALL, documentId: call.documentId, locale: 'en' }]);
    await getCall(call.documentId).expect(200);
  });

  it('unpublishes a published consultation whose unpublishAt has passed: it leaves GET /api/consultations, its draft stays', async () => {
    const now = new Date('2011-09-05T22:00:00.000Z');
    const consultation = await publishedConsultation({ unpublishAt: now });
    expect(await listedConsultations(consultation.documentId)).toEqual([consultation.documentId]);

    expect(await runDue(now)).toEqual({
      ...nothingDone,
      unpublished: [{ uid: CONSULTATION, documentId: consultation.documentId, locale: 'en' }],
    });

    expect(await listedConsultations(consultation.documentId)).toEqual([]);
    await app.request().get(`/api/consultations/${consultation.documentId}`).expect(404);
    expect(await rowsOf(CONSULTATION, consultation.documentId)).toEqual([
      expect.objectContaining({ publishedAt: null, unpublishAt: null }),
    ]);
    expect(await runDue(now)).toEqual(nothingDone);
  });

  it('unpublishes on an unpublishAt saved on the draft of a published document without republishing it', async () => {
    // What an editor does in the admin: open the published entry, set the date, Save (not Publish).
    const now = new Date('2011-09-06T22:00:00.000Z');
    const consultation = await publishedConsultation({});
    await app.strapi
      .documents(CONSULTATION)
      .update({ documentId: consultation.documentId, locale: 'en', data: { unpublishAt: minutes(now, -1) } as never });

    expect((await runDue(now)).unpublished).toEqual([{ uid: CONSULTATION, documentId: consultation.documentId, locale: 'en' }]);
    expect(await listedConsultations(consultation.documentId)).toEqual([]);
  });

  it('replays a window that passed while nothing ran: published, then unpublished', async () => {
    const now = new Date('2011-09-07T12:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, -120), unpublishAt: minutes(now, -60) });

    const report = await runDue(now);
    expect(report.published).toEqual([{ uid: CALL, documentId: call.documentId, locale: 'en' }]);
    expect(report.unpublished).toEqual([{ uid: CALL, documentId: call.documentId, locale: 'en' }]);
    await getCall(call.documentId).expect(404);
    expect(await rowsOf(CALL, call.documentId)).toEqual([
      expect.objectContaining({ publishedAt: null, publishAt: null, unpublishAt: null }),
    ]);
  });

  it('publishes a due document exactly once when three runs race for it', async () => {
    const now = new Date('2011-09-08T07:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, -1) });
    // Every publish goes through the Document Service middlewares: count the ones of this document.
    let publishes = 0;
    app.strapi.documents.use(async (context, next) => {
      if (context.action === 'publish' && (context.params as { documentId?: string }).documentId === call.documentId) publishes += 1;
      return next();
    });

    const reports = await Promise.all([runDue(now), runDue(now), runDue(now)]);

    expect(reports.flatMap((report) => report.published)).toEqual([{ uid: CALL, documentId: call.documentId, locale: 'en' }]);
    expect(reports.flatMap((report) => [...report.unpublished, ...report.failed])).toEqual([]);
    expect(publishes).toBe(1);
    const published = (await rowsOf(CALL, call.documentId)).filter((row) => row.publishedAt !== null);
    expect(published).toHaveLength(1);
  });

  it('publishes every locale of a localized document: publishAt is shared by its en and fr drafts', async () => {
    const now = new Date('2011-09-09T07:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, -1) });
    await app.strapi.documents(CALL).update({
      documentId: call.documentId,
      locale: 'fr',
      data: { title: 'Appel à contributions du Stocktaking SMSI' } as never,
    });
    const drafts = await rowsOf(CALL, call.documentId);
    expect(drafts.map((row) => [row.locale, new Date(row.publishAt).toISOString()]).sort()).toEqual([
      ['en', minutes(now, -1).toISOString()],
      ['fr', minutes(now, -1).toISOString()],
    ]);

    const report = await runDue(now);
    expect(report.published).toEqual([
      { uid: CALL, documentId: call.documentId, locale: 'en' },
      { uid: CALL, documentId: call.documentId, locale: 'fr' },
    ]);
    await getCall(call.documentId, 'en').expect(200);
    const french = await getCall(call.documentId, 'fr').expect(200);
    expect(french.body.data.title).toBe('Appel à contributions du Stocktaking SMSI');
    expect((await rowsOf(CALL, call.documentId)).every((row) => row.publishAt === null)).toBe(true);
  });

  it('keeps going when one document cannot be published: the others are, the failure is reported and not retried', async () => {
    const now = new Date('2011-09-10T07:00:00.000Z');
    const incomplete = await draftCall({ publishAt: minutes(now, -2), edition: null }); // edition is required to publish
    const complete = await draftCall({ publishAt: minutes(now, -1) });

    const report = await runDue(now);
    expect(report.published).toEqual([{ uid: CALL, documentId: complete.documentId, locale: 'en' }]);
    expect(report.failed).toEqual([
      expect.objectContaining({ uid: CALL, documentId: incomplete.documentId, locale: 'en', action: 'publish' }),
    ]);
    await getCall(incomplete.documentId).expect(404);
    await getCall(complete.documentId).expect(200);
    expect(await rowsOf(CALL, incomplete.documentId)).toEqual([expect.objectContaining({ publishedAt: null, publishAt: null })]);
    expect(await runDue(minutes(now, 1))).toEqual(nothingDone);
  });

  it('registers a cron task, every minute by default, that runs what is due now', async () => {
    const job = app.strapi.cron.jobs.find((spec) => spec.name === 'scheduled-publishing');
    expect(job).toBeDefined();
    expect(job.options).toEqual({ rule: '* * * * *' });

    const call = await draftCall({ publishAt: new Date(Date.now() - 60_000) });
    const report = (await job.job.invoke()) as RunReport;
    expect(report.published).toContainEqual({ uid: CALL, documentId: call.documentId, locale: 'en' });
    await getCall(call.documentId).expect(200);
  });

  it('registers no task on an instance booted with server.cron.enabled false; runDue still works there', async () => {
    process.env.CRON_ENABLED = 'false';
    try {
      app = await app.reboot();
    } finally {
      delete process.env.CRON_ENABLED;
    }
    expect(app.strapi.cron.jobs.find((spec) => spec.name === 'scheduled-publishing')).toBeUndefined();
    app.strapi.config.set('plugin::translations.requiredTranslations', {});

    const now = new Date('2011-09-11T07:00:00.000Z');
    const call = await draftCall({ publishAt: minutes(now, -1) });
    expect((await runDue(now)).published).toEqual([{ uid: CALL, documentId: call.documentId, locale: 'en' }]);
  });
});
