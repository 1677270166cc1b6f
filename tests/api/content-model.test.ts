import path from 'path';
import { readSeedFiles } from '../../src/seed/load-seed';
import { appDir, bootApp, TestApp } from '../helpers/strapi';

const seedFiles = readSeedFiles(path.join(appDir, 'database/seed'));
const pluralOf = (app: TestApp, uid: string) => app.strapi.getModel(uid as never).info.pluralName;

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.destroy();
});

describe('every content type is served under its plural name', () => {
  it.each([
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
  ])('GET /api/%s answers 200 with a list', async (plural) => {
    const response = await app.request().get(`/api/${plural}`).expect(200);
    expect(Array.isArray(response.body.data)).toBe(true);
    expect(response.body.meta.pagination).toEqual(expect.objectContaining({ page: 1 }));
  });
});

describe.each(seedFiles.map((file) => [file.contentType, file] as const))('%s', (uid, file) => {
  const published = file.documents.filter((document) => !document.draft);
  const translated = published.find((document) => document.localizations && Object.keys(document.localizations).length > 0);

  it('lists the published seed documents in English', async () => {
    const plural = pluralOf(app, uid);
    const response = await app.request().get(`/api/${plural}`).query({ locale: 'en', 'pagination[pageSize]': 100 }).expect(200);
    const keys = response.body.data.map((document) => document[file.key]).sort();
    expect(keys).toEqual(published.map((document) => String(document[file.key])).sort());
  });

  it('finds one document by documentId', async () => {
    const plural = pluralOf(app, uid);
    const list = await app
      .request()
      .get(`/api/${plural}`)
      .query({ [`filters[${file.key}][$eq]`]: published[0][file.key] })
      .expect(200);
    const { documentId } = list.body.data[0];
    const one = await app.request().get(`/api/${plural}/${documentId}`).expect(200);
    expect(one.body.data).toEqual(expect.objectContaining({ documentId, [file.key]: published[0][file.key] }));
  });

  if (translated)
    it('serves the translation in another locale', async () => {
      const plural = pluralOf(app, uid);
      const [locale, fields] = Object.entries(translated.localizations!)[0];
      const english = await app
        .request()
        .get(`/api/${plural}`)
        .query({ [`filters[${file.key}][$eq]`]: translated[file.key] })
        .expect(200);
      const { documentId } = english.body.data[0];
      const one = await app.request().get(`/api/${plural}/${documentId}`).query({ locale }).expect(200);
      expect(one.body.data.locale).toBe(locale);
      // Components are not populated by default (a call's questions: questionnaires.test.ts).
      const attributes = app.strapi.getModel(uid).attributes as Record<string, { type: string }>;
      for (const [field, value] of Object.entries(fields))
        if (attributes[field]?.type !== 'component') expect(one.body.data[field]).toEqual(value);
    });
});

describe('the newsletter as demo data', () => {
  it('has the six UN locales with English as default', async () => {
    const response = await app.request().get('/api/i18n/locales').expect(200);
    const codes = response.body.map((locale) => locale.code).sort();
    expect(codes).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(response.body.find((locale) => locale.isDefault).code).toBe('en');
  });

  it('has the 18 action-line categories, the C7 sub-lines under C7', async () => {
    const response = await app
      .request()
      .get('/api/action-lines')
      .query({ populate: ['parent', 'children'], 'pagination[pageSize]': 100 })
      .expect(200);
    const lines = response.body.data;
    const categories = lines.filter((line) => line.children.length === 0);
    expect(categories).toHaveLength(18);
    const c7 = lines.find((line) => line.code === 'C7');
    expect(c7.children).toHaveLength(8);
    expect(lines.find((line) => line.code === 'C7.4').parent.code).toBe('C7');
  });

  it.each(['en', 'fr', 'ar'])(
    'has the WSIS+10 consultation in six ordered phases in %s, the contributions deadline extended to 5 September 2011',
    async (locale) => {
      const list = await app.request().get('/api/consultations').query({ 'filters[title][$containsi]': 'WSIS+10' }).expect(200);
      expect(list.body.data).toHaveLength(1);
      const { documentId } = list.body.data[0];
      const one = await app
        .request()
        .get(`/api/consultations/${documentId}`)
        .query({ locale, 'populate[phases][sort]': 'position:asc', 'populate[phases][populate]': 'extensions' })
        .expect(200);
      expect(one.body.data.locale).toBe(locale);
      const phases = one.body.data.phases;
      expect(phases.map((phase) => phase.position)).toEqual([1, 2, 3, 4, 5, 6]);
      const contributions = phases.filter((phase) => phase.acceptsContributions);
      expect(contributions).toHaveLength(1);
      expect(contributions[0].extensions.map((extension) => extension.closesAt)).toEqual(['2011-09-05T21:59:59.000Z']);
      expect(phases[4].remoteParticipation).toBe(true);
    },
  );

  it('has WSIS Forum 2012 on 14-18 May 2012 at the ILO, Geneva, with its sessions', async () => {
    const list = await app
      .request()
      .get('/api/forum-editions')
      .query({ 'filters[year][$eq]': 2012, 'populate[venue][populate]': 'country', populate: undefined })
      .expect(200);
    const edition = list.body.data[0];
    expect(edition).toEqual(expect.objectContaining({ startDate: '2012-05-14', endDate: '2012-05-18' }));
    expect(edition.venue.city).toBe('Geneva');
    expect(edition.venue.country.code).toBe('CH');
    const sessions = await app
      .request()
      .get('/api/forum-sessions')
      .query({ 'filters[edition][documentId][$eq]': edition.documentId, populate: ['edition', 'actionLines', 'organizers', 'panellists'] })
      .expect(200);
    expect(sessions.body.data.length).toBeGreaterThan(0);
    for (const session of sessions.body.data) expect(session.edition.documentId).toBe(edition.documentId);
  });

  it('has the 2011-2012 stocktaking call with its official call in all six languages', async () => {
    const list = await app.request().get('/api/stocktaking-calls').query({ 'filters[edition][$eq]': '2011-2012' }).expect(200);
    expect(list.body.data).toHaveLength(1);
    const { documentId } = list.body.data[0];
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const one = await app.request().get(`/api/stocktaking-calls/${documentId}`).query({ locale }).expect(200);
      expect(one.body.data.officialCall.length).toBeGreaterThan(50);
    }
  });

  it('has the calendar events of the newsletter, the IGF in Nairobi', async () => {
    const response = await app.request().get('/api/events').query({ 'filters[title][$containsi]': 'IGF', populate: 'country' }).expect(200);
    const igf = response.body.data.find((event) => event.country?.code === 'KE');
    expect(igf).toBeDefined();
    expect(igf.allDay).toBe(true);
  });

  it.each(['en', 'fr'])('populates relations of stocktaking entries in %s: call, action lines, organization, countries', async (locale) => {
    const response = await app
      .request()
      .get('/api/stocktaking-entries')
      .query({ locale, populate: ['call', 'actionLines', 'organization', 'countries'] })
      .expect(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    const entry = response.body.data.find((candidate) => candidate.call && candidate.actionLines.length > 0);
    expect(entry.call.edition).toMatch(/^\d{4}-\d{4}$/);
    expect(entry.actionLines[0].code).toMatch(/^C\d/);
  });
});
