import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, superAdminToken } from '../helpers/auth';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

const createPublication = async (title: string, extra: Record<string, unknown> = {}, locale = 'en') => {
  const response = await app
    .request()
    .post('/api/publications')
    .query({ locale })
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title, publicationType: 'report', ...extra } });
  expect(response.status).toBe(201);
  return response.body.data;
};

const translate = async (documentId: string, locale: string, title: string) => {
  const response = await app
    .request()
    .put(`/api/publications/${documentId}`)
    .query({ locale })
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title } });
  expect(response.status).toBe(200);
  return response.body.data;
};

describe('slugs made on the server through REST', () => {
  it('makes a slug from an English title', async () => {
    expect((await createPublication('Measuring the Information Society 2012')).slug).toBe('measuring-the-information-society-2012');
  });

  it.each([
    ['ar', 'تقرير قياس مجتمع المعلومات'],
    ['zh', '衡量信息社会报告'],
    ['ru', 'Измерение информационного общества'],
  ])('makes a readable ASCII slug from a %s title', async (locale, title) => {
    const english = await createPublication(`Report translated into ${locale}`);
    const translated = await translate(english.documentId, locale, title);
    expect(translated.slug).toMatch(SLUG);
    expect(translated.slug).not.toBe(english.slug);
    expect(translated.slug.length).toBeGreaterThan(5);
  });

  it('turns a Chinese title into pinyin', async () => {
    const english = await createPublication('Information society pinyin check');
    expect((await translate(english.documentId, 'zh', '信息社会')).slug).toBe('xin-xi-she-hui');
  });

  it('transliterates a Russian title', async () => {
    const english = await createPublication('Information society Cyrillic check');
    expect((await translate(english.documentId, 'ru', 'Информационное общество')).slug).toBe('informacionnoe-obshchestvo');
  });

  it('keeps slugs unique within a locale', async () => {
    const first = await createPublication('Mobile Africa Report 2012');
    const second = await createPublication('Mobile Africa Report 2012');
    const third = await createPublication('Mobile Africa Report 2012');
    expect([first.slug, second.slug, third.slug]).toEqual([
      'mobile-africa-report-2012',
      'mobile-africa-report-2012-2',
      'mobile-africa-report-2012-3',
    ]);
  });

  it("keeps slugs unique past the first twenty of one title (the first query's candidates)", async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 23; i += 1) slugs.push((await createPublication('Broadband Commission Report')).slug);
    expect(slugs).toEqual(['broadband-commission-report', ...Array.from({ length: 22 }, (_, i) => `broadband-commission-report-${i + 2}`)]);
  });

  it('keeps slugs unique for a title whose slug is as long as a slug may be: its numbered slugs are shortened', async () => {
    // 80 characters: `-2` does not fit, so the numbered slugs drop the last word and no longer start with the first.
    const title = 'Information and communication technologies for development in the least regional';
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) slugs.push((await createPublication(title)).slug);
    expect(slugs).toEqual([
      'information-and-communication-technologies-for-development-in-the-least-regional',
      'information-and-communication-technologies-for-development-in-the-least-2',
      'information-and-communication-technologies-for-development-in-the-least-3',
    ]);
  });

  it('lets two locales share a slug (unique per locale, not across)', async () => {
    const english = await createPublication('Rapport ICT 2012');
    const french = await translate(english.documentId, 'fr', 'Rapport ICT 2012');
    expect(french.slug).toBe(english.slug);
  });

  it('falls back to the English slug when a title has nothing to transliterate', async () => {
    const english = await createPublication('A title for the symbols case');
    expect((await translate(english.documentId, 'ar', '؟؟؟ !!!')).slug).toBe(english.slug);
  });

  it('falls back to a stable id when no locale has a readable title', async () => {
    const created = await createPublication('!!! ???');
    expect(created.slug).toMatch(/^publication-[0-9a-f]{10}$/);
  });

  it('keeps a slug the editor typed, and keeps the slug when the title changes', async () => {
    const created = await createPublication('Typed slug', { slug: 'my-own-slug' });
    expect(created.slug).toBe('my-own-slug');
    const updated = await app
      .request()
      .put(`/api/publications/${created.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'A completely new title' } })
      .expect(200);
    expect(updated.body.data.slug).toBe('my-own-slug');
  });

  it('fills the slug the same way for types whose slug comes from another field (partners: name)', async () => {
    const response = await app
      .request()
      .post('/api/partners')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { name: 'Réseau Africain pour le Développement', partnerType: 'other' } })
      .expect(201);
    expect(response.body.data.slug).toBe('reseau-africain-pour-le-developpement');
  });
});

describe('slugs on the other write paths', () => {
  it('fills the slug for code calling the document service', async () => {
    const created = await app.strapi.documents('api::event.event').create({
      data: { title: 'Всемирный форум', startsAt: '2012-05-14T07:00:00.000Z', scope: 'international' } as never,
      locale: 'ru',
    });
    expect(created.slug).toBe('vsemirnyy-forum');
  });

  it('fills the slug for an editor in the admin content manager who leaves it empty', async () => {
    const adminToken = await superAdminToken(app.strapi, app.request);
    const response = await app
      .request()
      .post('/content-manager/collection-types/api::event.event')
      .query({ locale: 'zh' })
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ title: '世界峰会', slug: '', startsAt: '2012-05-14T07:00:00.000Z', scope: 'international' });
    expect(response.status).toBe(201);
    expect(response.body.data.slug).toBe('shi-jie-feng-hui');
  });
});
