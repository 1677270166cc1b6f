import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken, superAdminToken } from '../helpers/auth';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

const asEditor = (request) => request.set('Authorization', `Bearer ${token}`);

/** Creates a published document in English and its translations, through REST. */
async function createTranslated(plural: string, english: Record<string, unknown>, translations: Record<string, Record<string, unknown>>) {
  const created = await asEditor(app.request().post(`/api/${plural}`)).send({ data: english });
  expect(created.status).toBe(201);
  const { documentId } = created.body.data;
  for (const [locale, data] of Object.entries(translations)) {
    const translated = await asEditor(app.request().put(`/api/${plural}/${documentId}`).query({ locale })).send({ data });
    expect(translated.status).toBe(200);
  }
  return documentId as string;
}

async function allPages(query: Record<string, unknown>, pageSize: number) {
  const documents = [];
  for (let page = 1; ; page += 1) {
    const response = await app
      .request()
      .get('/api/events')
      .query({ ...query, 'pagination[page]': page, 'pagination[pageSize]': pageSize })
      .expect(200);
    documents.push(...response.body.data);
    if (page >= response.body.meta.pagination.pageCount) return { documents, meta: response.body.meta.pagination };
  }
}

describe('locale metadata', () => {
  it('serves each locale with its native name and direction', async () => {
    const response = await app.request().get('/api/i18n/locales').expect(200);
    const byCode = Object.fromEntries(response.body.map((locale) => [locale.code, locale]));
    expect(byCode.ar).toEqual(expect.objectContaining({ nativeName: 'العربية', direction: 'rtl' }));
    expect(byCode.zh).toEqual(expect.objectContaining({ nativeName: '中文', direction: 'ltr' }));
    expect(byCode.fr.nativeName).toBe('Français');
  });
});

describe('locale fallback', () => {
  let partlyTranslated: string;
  beforeAll(async () => {
    partlyTranslated = await createTranslated(
      'events',
      {
        title: 'Regional WSIS meeting',
        description: 'A meeting of the Arab region.',
        startsAt: '2012-02-01T08:00:00.000Z',
        scope: 'regional',
      },
      { fr: { title: 'Réunion régionale du SMSI' } },
    );
  });

  it('serves every document once across pages, in French where it exists, else in English', async () => {
    const english = await allPages({ locale: 'en' }, 100);
    const { documents, meta } = await allPages({ locale: 'fr', fallbackLocale: 'en', sort: 'title:asc' }, 3);
    const ids = documents.map((document) => document.documentId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(english.documents.map((document) => document.documentId)));
    expect(meta.total).toBe(ids.length);
    const french = new Set((await allPages({ locale: 'fr' }, 100)).documents.map((document) => document.documentId));
    for (const document of documents) {
      expect(document.localization.servedLocale).toBe(french.has(document.documentId) ? 'fr' : 'en');
      expect(document.locale).toBe(document.localization.servedLocale);
      expect(document.localization.requestedLocale).toBe('fr');
    }
  });

  it('keeps the sort order across pages', async () => {
    const onePage = (await allPages({ locale: 'ar', fallbackLocale: 'en', sort: 'startsAt:desc' }, 100)).documents.map(
      (document) => document.documentId,
    );
    const paged = (await allPages({ locale: 'ar', fallbackLocale: 'en', sort: 'startsAt:desc' }, 4)).documents;
    expect(paged.map((document) => document.documentId)).toEqual(onePage);
    const starts = paged.map((document) => document.startsAt);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it('fills the empty fields of a translation from English and says which', async () => {
    const response = await app.request().get(`/api/events/${partlyTranslated}`).query({ locale: 'fr', fallbackLocale: 'en' }).expect(200);
    expect(response.body.data.title).toBe('Réunion régionale du SMSI');
    expect(response.body.data.description).toBe('A meeting of the Arab region.');
    expect(response.body.data.localization).toEqual(
      expect.objectContaining({ requestedLocale: 'fr', servedLocale: 'fr', fallbackFields: ['description'] }),
    );
  });

  it('serves a field that holds the English text as English, saying so', async () => {
    const id = await createTranslated(
      'events',
      {
        title: 'WSIS Forum side event',
        description: 'A discussion on broadband in schools.',
        startsAt: '2012-05-14T08:00:00.000Z',
        scope: 'regional',
      },
      { fr: { title: 'Événement parallèle du Forum du SMSI', description: 'A discussion on broadband in schools.' } },
    );
    const response = await app.request().get(`/api/events/${id}`).query({ locale: 'fr', fallbackLocale: 'en' }).expect(200);
    expect(response.body.data.description).toBe('A discussion on broadband in schools.');
    expect(response.body.data.localization).toEqual(
      expect.objectContaining({ servedLocale: 'fr', fallbackFields: ['description'], fieldLocales: { description: 'en' } }),
    );
  });

  it('serves a document without the requested locale in the fallback locale', async () => {
    const response = await app
      .request()
      .get(`/api/events/${partlyTranslated}`)
      .query({ locale: 'ru', fallbackLocale: 'fr,en' })
      .expect(200);
    expect(response.body.data.localization).toEqual(expect.objectContaining({ servedLocale: 'fr', fallbackFields: ['description'] }));
  });

  it('filters the version served', async () => {
    const response = await app
      .request()
      .get('/api/events')
      .query({ locale: 'fr', fallbackLocale: 'en', 'filters[title][$containsi]': 'régionale' })
      .expect(200);
    expect(response.body.data.map((document) => document.documentId)).toEqual([partlyTranslated]);
    const english = await app
      .request()
      .get('/api/events')
      .query({ locale: 'fr', fallbackLocale: 'en', 'filters[title][$containsi]': 'Regional WSIS' })
      .expect(200);
    expect(english.body.data).toEqual([]);
  });

  it('serves each document of a three-locale chain once, from the first locale it has, and counts it once', async () => {
    const marker = 'Chainwave';
    const englishOnly = await createTranslated(
      'events',
      { title: `${marker} English only`, startsAt: '2013-01-01T08:00:00.000Z', scope: 'regional' },
      {},
    );
    const withFrench = await createTranslated(
      'events',
      { title: `${marker} English and French`, startsAt: '2013-01-02T08:00:00.000Z', scope: 'regional' },
      { fr: { title: `${marker} français` } },
    );
    const withRussian = await createTranslated(
      'events',
      { title: `${marker} all three`, startsAt: '2013-01-03T08:00:00.000Z', scope: 'regional' },
      { fr: { title: `${marker} les trois` }, ru: { title: `${marker} все три` } },
    );
    const response = await app
      .request()
      .get('/api/events')
      .query({ locale: 'ru', fallbackLocale: 'fr,en', 'filters[title][$startsWith]': marker, sort: 'startsAt:desc' })
      .expect(200);
    expect(response.body.data.map((document) => [document.documentId, document.localization.servedLocale])).toEqual([
      [withRussian, 'ru'],
      [withFrench, 'fr'],
      [englishOnly, 'en'],
    ]);
    expect(response.body.meta.pagination.total).toBe(3);
    // The English title of the document served in French does not match: the French one is filtered.
    const english = await app
      .request()
      .get('/api/events')
      .query({ locale: 'ru', fallbackLocale: 'fr,en', 'filters[title][$endsWith]': 'English and French' })
      .expect(200);
    expect(english.body.data).toEqual([]);
    expect(english.body.meta.pagination.total).toBe(0);
    // Search reads the versions served too, in the list and its count.
    const searched = await app.request().get('/api/events').query({ locale: 'ru', fallbackLocale: 'fr,en', q: 'chainwave' }).expect(200);
    expect(new Set(searched.body.data.map((document) => document.documentId))).toEqual(new Set([englishOnly, withFrench, withRussian]));
    expect(searched.body.meta.pagination.total).toBe(3);
  });

  it.each(['country', 'localizations', 'createdBy', 'nonexistent'])('refuses sorting a fallback list by %s', async (field) => {
    const response = await app
      .request()
      .get('/api/events')
      .query({ locale: 'fr', fallbackLocale: 'en', sort: `${field}:asc` });
    expect(response.status).toBe(400);
    expect(['INVALID_QUERY', 'INVALID_SORT']).toContain(response.body.error.details.code);
  });

  it('changes nothing without the parameter', async () => {
    const response = await app.request().get('/api/events').query({ locale: 'fr' }).expect(200);
    for (const document of response.body.data) {
      expect(document.locale).toBe('fr');
      expect(document).not.toHaveProperty('localization');
    }
  });

  it.each([
    [{ locale: 'fr', fallbackLocale: 'fr' }, 'INVALID_FALLBACK'],
    [{ locale: 'fr', fallbackLocale: 'en,fr' }, 'INVALID_FALLBACK'],
    [{ locale: 'fr', fallbackLocale: 'en,es,en' }, 'INVALID_FALLBACK'],
    [{ locale: 'fr', fallbackLocale: 'xx' }, 'INVALID_LOCALE'],
    [{ locale: 'fr', fallbackLocale: '' }, 'INVALID_FALLBACK'],
  ])('refuses %o with %s', async (query, code) => {
    for (const path of ['/api/events', `/api/events/${partlyTranslated}`]) {
      const response = await app.request().get(path).query(query);
      expect(response.status).toBe(400);
      expect(response.body.error.details.code).toBe(code);
    }
  });
});

describe('the demo data in French', () => {
  const slug = 'broadband-commission-report-a-platform-to-progress';

  it('has French titles and no English abstract passed off as French', async () => {
    const english = await app.request().get('/api/publications').query({ locale: 'en', 'filters[slug][$eq]': slug }).expect(200);
    const { documentId, abstract } = english.body.data[0];
    const french = await app.request().get(`/api/publications/${documentId}`).query({ locale: 'fr' }).expect(200);
    expect(french.body.data.title).toMatch(/^Rapport de la Commission sur le large bande/);
    expect(french.body.data.abstract).toBeNull();
    const served = await app.request().get(`/api/publications/${documentId}`).query({ locale: 'fr', fallbackLocale: 'en' }).expect(200);
    expect(served.body.data.abstract).toBe(abstract);
    expect(served.body.data.localization).toEqual(
      expect.objectContaining({ servedLocale: 'fr', fallbackFields: ['abstract'], fieldLocales: { abstract: 'en' } }),
    );
    const status = await asEditor(
      app.request().get('/api/translation-status').query({ contentType: 'api::publication.publication' }),
    ).expect(200);
    const todo = status.body.data.todo.find((item) => item.documentId === documentId && item.locale === 'fr');
    expect(todo).toEqual(expect.objectContaining({ status: 'missing', fields: [{ field: 'abstract', status: 'missing' }] }));
  });

  it('counts no French publication as current while its abstract is English or empty', async () => {
    const status = await asEditor(
      app.request().get('/api/translation-status').query({ contentType: 'api::publication.publication' }),
    ).expect(200);
    const seeded = await app.strapi.db
      .query('api::publication.publication')
      .findMany({ where: { locale: 'fr', publishedAt: null }, select: ['documentId', 'abstract'] });
    const withoutAbstract = seeded.filter((row) => !row.abstract).map((row) => row.documentId);
    expect(withoutAbstract.length).toBeGreaterThan(0);
    for (const documentId of withoutAbstract) {
      expect(status.body.data.todo).toContainEqual(expect.objectContaining({ documentId, locale: 'fr', status: 'missing' }));
    }
  });
});

describe('translation status', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await createTranslated(
      'publications',
      { title: 'Broadband for all', abstract: 'How broadband reaches everyone.', publicationType: 'report' },
      {
        fr: { title: 'Le haut débit pour tous', abstract: 'Comment le haut débit atteint chacun.' },
        es: { title: 'Banda ancha para todos' },
      },
    );
  });

  const statusOf = async (locale: string, id = documentId) => {
    const response = await asEditor(
      app.request().get('/api/translation-status').query({ contentType: 'api::publication.publication' }),
    ).expect(200);
    const todo = response.body.data.todo.find((item) => item.documentId === id && item.locale === locale);
    return { status: todo?.status ?? 'current', fields: todo?.fields ?? [], counts: response.body.data.locales[locale] };
  };

  it('is current after translating every field, missing where a field or the whole translation is missing, naming the fields', async () => {
    expect(await statusOf('fr')).toEqual(expect.objectContaining({ status: 'current', fields: [] }));
    expect(await statusOf('es')).toEqual(
      expect.objectContaining({ status: 'missing', fields: [{ field: 'abstract', status: 'missing' }] }),
    );
    expect(await statusOf('ar')).toEqual(
      expect.objectContaining({
        status: 'missing',
        fields: [
          { field: 'title', status: 'missing' },
          { field: 'abstract', status: 'missing' },
        ],
      }),
    );
  });

  it('turns a field outdated when the English source changes, current again once that field is saved', async () => {
    await asEditor(app.request().put(`/api/publications/${documentId}`).query({ locale: 'en' }))
      .send({ data: { abstract: 'How broadband reaches everyone, revised.' } })
      .expect(200);
    expect(await statusOf('fr')).toEqual(
      expect.objectContaining({ status: 'outdated', fields: [{ field: 'abstract', status: 'outdated' }] }),
    );
    expect((await statusOf('es')).status).toBe('missing');
    // Saving another field leaves the abstract outdated: it was not translated again.
    await asEditor(app.request().put(`/api/publications/${documentId}`).query({ locale: 'fr' }))
      .send({ data: { title: 'Le haut débit pour toutes et tous' } })
      .expect(200);
    expect((await statusOf('fr')).fields).toEqual([{ field: 'abstract', status: 'outdated' }]);
    await asEditor(app.request().put(`/api/publications/${documentId}`).query({ locale: 'fr' }))
      .send({ data: { abstract: 'Comment le haut débit atteint chacun, révisé.' } })
      .expect(200);
    expect((await statusOf('fr')).status).toBe('current');
  });

  it('reads English text saved in a translation as untranslated, one edited word as a translation', async () => {
    const english = {
      title: 'Measuring the information society',
      abstract: 'The **ICT Development Index** compares 152 economies.',
      publicationType: 'report',
    };
    const id = await createTranslated('publications', english, {
      // What "Fill in from another locale" does: the English text, here with other markup and typography.
      fr: { title: 'Mesurer la société de l’information', abstract: 'The ICT  Development\u00a0Index compares 152 economies.' },
    });
    expect(await statusOf('fr', id)).toEqual(
      expect.objectContaining({ status: 'untranslated', fields: [{ field: 'abstract', status: 'untranslated' }] }),
    );
    await asEditor(app.request().put(`/api/publications/${id}`).query({ locale: 'fr' }))
      .send({ data: { abstract: 'The ICT Development Index compare 152 economies.' } })
      .expect(200);
    expect((await statusOf('fr', id)).status).toBe('current');
    await asEditor(app.request().put(`/api/publications/${id}`).query({ locale: 'en' }))
      .send({ data: { abstract: 'The ICT Development Index compares 154 economies.' } })
      .expect(200);
    expect(await statusOf('fr', id)).toEqual(
      expect.objectContaining({ status: 'outdated', fields: [{ field: 'abstract', status: 'outdated' }] }),
    );
  });

  it('never counts a field configured as language-neutral', async () => {
    const id = await createTranslated(
      'publications',
      { title: 'Broadband Commission for Digital Development', abstract: 'A summary.', publicationType: 'report' },
      {
        fr: { title: 'Broadband Commission for Digital Development', abstract: 'Un résumé.' },
      },
    );
    expect((await statusOf('fr', id)).fields).toEqual([{ field: 'title', status: 'untranslated' }]);
    const key = 'plugin::translations.languageNeutralFields';
    const before = app.strapi.config.get(key);
    app.strapi.config.set(key, { 'api::publication.publication': ['title'] });
    try {
      expect(await statusOf('fr', id)).toEqual(expect.objectContaining({ status: 'current', fields: [] }));
    } finally {
      app.strapi.config.set(key, before);
    }
  });

  it('counts every locale', async () => {
    const { counts } = await statusOf('ar');
    const total = await app.strapi.db.query('api::publication.publication').count({ where: { locale: 'en', publishedAt: null } });
    expect(counts.current + counts.outdated + counts.untranslated + counts.missing).toBe(total);
  });

  it('gives a translator their queue in their language across every type, worst first, naming the fields', async () => {
    const adminJwt = await superAdminToken(app.strapi, app.request);
    const queue = await app
      .request()
      .get('/translations/queue')
      .query({ locale: 'es' })
      .set('Authorization', `Bearer ${adminJwt}`)
      .expect(200);
    const { items, counts } = queue.body.data;
    expect(items).toContainEqual(
      expect.objectContaining({
        contentType: 'api::publication.publication',
        documentId,
        locale: 'es',
        status: 'missing',
        fields: [{ field: 'abstract', status: 'missing' }],
      }),
    );
    expect(new Set(items.map((item) => item.contentType)).size).toBeGreaterThan(3);
    const order = ['missing', 'untranslated', 'outdated'];
    const ranks = items.map((item) => order.indexOf(item.status));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(counts.missing + counts.untranslated + counts.outdated).toBe(items.length);
    for (const locale of ['en', 'xx', '']) {
      const bad = await app.request().get('/translations/queue').query({ locale }).set('Authorization', `Bearer ${adminJwt}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.code).toBe('INVALID_LOCALE');
    }
    await app.request().get('/translations/queue').query({ locale: 'es' }).expect(401);
  });

  it('is for editors and translators only', async () => {
    await app.request().get('/api/translation-status').query({ contentType: 'api::publication.publication' }).expect(403);
    const adminJwt = await superAdminToken(app.strapi, app.request);
    const response = await app
      .request()
      .get('/translations/translation-status')
      .query({ contentType: 'api::publication.publication' })
      .set('Authorization', `Bearer ${adminJwt}`)
      .expect(200);
    expect(response.body.data.locales).toHaveProperty('ar');
    await app.request().get('/translations/translation-status').query({ contentType: 'api::publication.publication' }).expect(401);
    const bad = await asEditor(app.request().get('/api/translation-status').query({ contentType: 'api::nope.nope' }));
    expect(bad.status).toBe(400);
  });
});

describe('the official call is published in six languages or not at all', () => {
  const call = {
    title: 'Call for entries 2012-2013',
    edition: '2012-2013',
    opensAt: '2012-07-01',
    closesAt: '2013-01-15',
    officialCall: 'All WSIS stakeholders are invited to submit.',
  };

  it('refuses to publish a call whose official call is missing in some languages, listing them', async () => {
    const before = await app.strapi.db.query('api::stocktaking-call.stocktaking-call').count();
    const response = await asEditor(app.request().post('/api/stocktaking-calls')).send({ data: call });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(
      expect.objectContaining({ code: 'TRANSLATIONS_INCOMPLETE', missing: ['ar', 'zh', 'fr', 'ru', 'es'] }),
    );
    expect(await app.strapi.db.query('api::stocktaking-call.stocktaking-call').count()).toBe(before);
  });

  it('refuses to publish a call whose Arabic official call is the English text', async () => {
    const draft = await asEditor(app.request().post('/api/stocktaking-calls').query({ status: 'draft' }))
      .send({ data: { ...call, edition: '2013-2014' } })
      .expect(201);
    const { documentId } = draft.body.data;
    const texts = {
      ar: call.officialCall,
      zh: '邀请所有利益攸关方提交。',
      fr: 'Toutes les parties prenantes sont invitées.',
      ru: 'Всем заинтересованным сторонам предлагается.',
      es: 'Se invita a todas las partes.',
    };
    for (const [locale, officialCall] of Object.entries(texts)) {
      await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale, status: 'draft' }))
        .send({ data: { title: call.title, officialCall } })
        .expect(200);
    }
    const refused = await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale: 'en' })).send({ data: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual(
      expect.objectContaining({ code: 'TRANSLATIONS_INCOMPLETE', missing: [], untranslated: ['ar'] }),
    );
    await app.request().get(`/api/stocktaking-calls/${documentId}`).expect(404);
  });

  it('publishes it once all six exist', async () => {
    const draft = await asEditor(app.request().post('/api/stocktaking-calls').query({ status: 'draft' }))
      .send({ data: call })
      .expect(201);
    const { documentId } = draft.body.data;
    const texts = {
      ar: 'جميع أصحاب المصلحة مدعوون.',
      zh: '邀请所有利益攸关方提交。',
      fr: 'Toutes les parties prenantes sont invitées.',
      ru: 'Всем заинтересованным сторонам предлагается.',
    };
    for (const [locale, officialCall] of Object.entries(texts)) {
      await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale, status: 'draft' }))
        .send({ data: { title: call.title, officialCall } })
        .expect(200);
    }
    const early = await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale: 'en' })).send({ data: {} });
    expect(early.status).toBe(400);
    expect(early.body.error.details.missing).toEqual(['es']);
    await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale: 'es', status: 'draft' }))
      .send({ data: { title: call.title, officialCall: 'Se invita a todas las partes.' } })
      .expect(200);
    await asEditor(app.request().put(`/api/stocktaking-calls/${documentId}`).query({ locale: 'en' }))
      .send({ data: {} })
      .expect(200);
    await app.request().get(`/api/stocktaking-calls/${documentId}`).expect(200);
  });
});

describe("search in the reader's language", () => {
  beforeAll(async () => {
    await createTranslated(
      'publications',
      { title: 'Digital inclusion report', abstract: 'Connecting the unconnected.', publicationType: 'report' },
      {
        fr: { title: 'Rapport sur l’inclusion numérique', abstract: 'Connecter les non-connectés.' },
        ar: { title: 'تقرير الإدماج الرقمي', abstract: 'ربط غير المتصلين.' },
        zh: { title: '数字包容报告', abstract: '连接尚未连接的人。' },
        ru: { title: 'Доклад о цифровой интеграции', abstract: 'Подключение неподключенных.' },
      },
    );
  });

  const search = async (locale: string, q: string) => {
    const response = await app.request().get('/api/publications').query({ locale, q }).expect(200);
    return response.body.data.map((document) => document.title);
  };

  it.each([
    ['en', 'DIGITAL inclusion', 'Digital inclusion report'],
    ['en', 'unconnected', 'Digital inclusion report'],
    ['fr', 'numerique', 'Rapport sur l’inclusion numérique'],
    ['fr', 'NUMÉRIQUE', 'Rapport sur l’inclusion numérique'],
    ['fr', 'non-connectés', 'Rapport sur l’inclusion numérique'],
    ['ar', 'الرقمي', 'تقرير الإدماج الرقمي'],
    ['ar', 'الرَّقمي', 'تقرير الإدماج الرقمي'],
    ['zh', '包容', '数字包容报告'],
    ['ru', 'ЦИФРОВОЙ', 'Доклад о цифровой интеграции'],
  ])('finds in %s: %s', async (locale, q, title) => {
    expect(await search(locale, q)).toEqual([title]);
  });

  it('finds nothing in another language, or for text that is not there', async () => {
    expect(await search('en', 'numérique')).toEqual([]);
    expect(await search('fr', 'zzzz')).toEqual([]);
  });

  it('combines with filters, pagination and fallback', async () => {
    const response = await app
      .request()
      .get('/api/publications')
      .query({ locale: 'es', fallbackLocale: 'en', q: 'inclusion', 'filters[publicationType][$eq]': 'report' })
      .expect(200);
    expect(response.body.data.map((document) => document.title)).toEqual(['Digital inclusion report']);
    expect(response.body.meta.pagination.total).toBe(1);
  });

  describe('at scale: a side index, ranked, following every write', () => {
    const titles = async (query: Record<string, unknown>) => {
      // no-cache: the query-engine write below does not move the response cache's content version.
      const response = await app.request().get('/api/publications').set('Cache-Control', 'no-cache').query(query).expect(200);
      return { titles: response.body.data.map((document) => document.title), total: response.body.meta.pagination.total };
    };
    let policy: string;
    beforeAll(async () => {
      await createTranslated(
        'publications',
        { title: 'Annual review', abstract: 'Spectrum and zebrawave access.', publicationType: 'report' },
        {},
      );
      await createTranslated('publications', { title: 'Rural zebrawave', publicationType: 'report' }, {});
      policy = await createTranslated('publications', { title: 'Zebrawave policy', publicationType: 'report' }, {});
    });

    it('ranks the rows where the query comes earliest (titles first) when no sort is asked', async () => {
      expect(await titles({ q: 'zebrawave' })).toEqual({ titles: ['Zebrawave policy', 'Rural zebrawave', 'Annual review'], total: 3 });
      expect(await titles({ q: 'zebrawave', 'pagination[page]': 2, 'pagination[pageSize]': 1 })).toEqual({
        titles: ['Rural zebrawave'],
        total: 3,
      });
    });

    it('ranks among the rows every other condition allows, so that the page and the total agree', async () => {
      // `_q` is Strapi's own search, applied outside `filters`.
      expect(await titles({ q: 'zebrawave', _q: 'rural', 'pagination[pageSize]': 1 })).toEqual({ titles: ['Rural zebrawave'], total: 1 });
      expect(await titles({ q: 'zebrawave', 'filters[title][$startsWith]': 'Annual' })).toEqual({ titles: ['Annual review'], total: 1 });
    });

    it('keeps the sort that is asked', async () => {
      expect((await titles({ q: 'zebrawave', sort: 'title:asc' })).titles).toEqual([
        'Annual review',
        'Rural zebrawave',
        'Zebrawave policy',
      ]);
    });

    it('follows updates, query-engine writes and deletes', async () => {
      await asEditor(app.request().put(`/api/publications/${policy}`))
        .send({ data: { title: 'Quokkanet policy' } })
        .expect(200);
      expect((await titles({ q: 'zebrawave' })).titles).toEqual(['Rural zebrawave', 'Annual review']);
      expect((await titles({ q: 'quokkanet' })).titles).toEqual(['Quokkanet policy']);

      // The query engine, below the Document Service (as bulk imports and SQL-minded plugins write).
      await app.strapi.db
        .query('api::publication.publication')
        .updateMany({ where: { documentId: policy }, data: { title: 'Wombatlink policy' } });
      expect((await titles({ q: 'quokkanet' })).titles).toEqual([]);
      expect((await titles({ q: 'wombatlink' })).titles).toEqual(['Wombatlink policy']);

      await asEditor(app.request().delete(`/api/publications/${policy}`)).expect(204);
      expect((await titles({ q: 'wombatlink' })).titles).toEqual([]);
    });

    it('keeps the search text out of the content rows', async () => {
      const row = await app.strapi.db.query('api::publication.publication').findOne({ where: { title: 'Rural zebrawave' } });
      expect(Object.keys(row)).not.toContain('searchText');
    });
  });

  it.each([[''], ['%'], ['x'.repeat(201)]])('refuses the query %j', async (q) => {
    const response = await app.request().get('/api/publications').query({ q });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('INVALID_SEARCH');
  });
});
