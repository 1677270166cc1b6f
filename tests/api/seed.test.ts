import path from 'path';
import { loadSeed, readSeedFiles } from '../../src/seed/load-seed';
import { fullAccessToken } from '../helpers/auth';
import { appDir, bootApp, TestApp } from '../helpers/strapi';

const seedFiles = readSeedFiles(path.join(appDir, 'database/seed'));

/** Every row of every seeded type, as (documentId, locale, published, updatedAt). */
async function snapshot(app: TestApp) {
  const rows: Record<string, unknown[]> = {};
  for (const { contentType } of seedFiles) {
    rows[contentType] = await app.strapi.db.query(contentType).findMany({
      select: ['documentId', 'locale', 'publishedAt', 'updatedAt'],
      orderBy: [{ documentId: 'asc' }, { locale: 'asc' }, { publishedAt: 'asc' }],
    });
  }
  return rows;
}

let app: TestApp;
// An empty database: this file watches the first boot seed it.
// Seeding from scratch takes a while on a busy 2-core machine with PostgreSQL: up to 5 minutes allowed.
beforeAll(async () => {
  app = await bootApp({ empty: true });
}, 300_000);
afterAll(async () => {
  await app?.destroy();
});

describe('the demo seed', () => {
  it('loads every seed document on first boot', async () => {
    for (const file of seedFiles) {
      const localized = (app.strapi.getModel(file.contentType).pluginOptions as { i18n?: { localized?: boolean } })?.i18n?.localized;
      const keys = await app.strapi.db.query(file.contentType).findMany({ select: [file.key], where: localized ? { locale: 'en' } : {} });
      const distinct = new Set(keys.map((row) => String(row[file.key])));
      expect([...distinct].sort()).toEqual(file.documents.map((document) => String(document[file.key])).sort());
    }
  });

  it('adds nothing and changes nothing on a second boot', async () => {
    const before = await snapshot(app);
    app = await app.reboot();
    expect(await snapshot(app)).toEqual(before);
    expect(await loadSeed(app.strapi)).toEqual({ created: 0 });
  });

  it('leaves what an editor edited or deleted as the editor left it', async () => {
    const token = await fullAccessToken(app.strapi);
    const events = await app.request().get('/api/events').query({ 'pagination[pageSize]': 2, sort: 'startsAt:asc' }).expect(200);
    const [edited, deleted] = events.body.data;
    await app
      .request()
      .put(`/api/events/${edited.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Green Standards Week (edited by an editor)' } })
      .expect(200);
    await app.request().delete(`/api/events/${deleted.documentId}`).set('Authorization', `Bearer ${token}`).expect(204);

    app = await app.reboot();

    const after = await app.request().get(`/api/events/${edited.documentId}`).expect(200);
    expect(after.body.data.title).toBe('Green Standards Week (edited by an editor)');
    const recreated = await app.request().get('/api/events').query({ 'filters[slug][$eq]': deleted.slug }).expect(200);
    expect(recreated.body.data).toEqual([]);
  });
});

describe('the one-time correction of translations an earlier seed copied from English', () => {
  const PUBLICATIONS = 'api::publication.publication';
  const slug = 'broadband-commission-report-a-platform-to-progress';

  it('clears the copied English of seeded translations once, and leaves translated and edited text alone', async () => {
    const query = app.strapi.db.query(PUBLICATIONS);
    const english = await query.findOne({ where: { slug, locale: 'en', publishedAt: null }, select: ['documentId', 'abstract'] });
    // The database as an earlier seed left it: the English abstract copied into each translation.
    await query.updateMany({ where: { documentId: english.documentId, locale: { $ne: 'en' } }, data: { abstract: english.abstract } });
    const other = await query.findOne({ where: { locale: 'es', documentId: { $ne: english.documentId } }, select: ['documentId'] });
    await query.updateMany({
      where: { documentId: other.documentId, locale: 'es' },
      data: { abstract: 'Un resumen escrito por un editor.' },
    });
    const store = app.strapi.store({ type: 'app', name: 'seed' });
    await store.delete({ key: 'corrections' });

    await loadSeed(app.strapi);

    const rows = await query.findMany({ where: { documentId: english.documentId }, select: ['locale', 'title', 'abstract'] });
    for (const row of rows.filter((candidate) => candidate.locale !== 'en')) {
      expect(row.abstract).toBeNull();
      expect(row.title).not.toBe('Broadband Commission Report: A platform to progress');
    }
    expect(rows.filter((row) => row.locale === 'en').every((row) => row.abstract === english.abstract)).toBe(true);
    const edited = await query.findMany({ where: { documentId: other.documentId, locale: 'es' }, select: ['abstract'] });
    expect(edited.map((row) => row.abstract)).toEqual(edited.map(() => 'Un resumen escrito por un editor.'));
    expect(await store.get({ key: 'corrections' })).toEqual(['copied-translations']);

    // Recorded: a later copy (an editor's "Fill in from another locale") is not cleared by a later boot.
    await query.updateMany({ where: { documentId: english.documentId, locale: 'fr' }, data: { abstract: english.abstract } });
    await loadSeed(app.strapi);
    const french = await query.findMany({ where: { documentId: english.documentId, locale: 'fr' }, select: ['abstract'] });
    expect(french.every((row) => row.abstract === english.abstract)).toBe(true);
  });
});
