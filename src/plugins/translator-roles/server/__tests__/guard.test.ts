import { appSchemas, i18nPlugin, requests, stubStrapi, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import translatorRoles from '../../strapi-server';
import { getService } from '../get-service';

// The translator guard over the app's schemas and configuration (config/plugins.ts): a translator
// of Arabic works on the WSIS Stocktaking call 2011-2012 (English first, Arabic added) and on
// stakeholders' entries, which editors publish before anyone translates them.

const CALLS = 'api::stocktaking-call.stocktaking-call';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const UN_LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const PUBLISHED_AT = '2011-06-01T08:00:00.000Z';

let stub: StrapiStub;

const SHARED = {
  edition: '2011-2012',
  opensAt: '2011-06-30T22:00:00.000Z',
  closesAt: '2012-01-15T22:59:59.999Z',
  timezone: 'Europe/Zurich',
  editableUntil: null,
  questionnaire: 41,
  extensions: [],
  lateSubmitters: [],
};

/** One row of a document: a locale's draft or published version. */
const version = (uid: string, documentId: string, locale: string, published: boolean, fields: Record<string, unknown>) =>
  stub.insert(uid, { documentId, locale, ...fields, publishedAt: published ? PUBLISHED_AT : null });
const rowOf = (uid: string, documentId: string, locale: string, published: boolean) =>
  stub.rows(uid).find((row) => row.documentId === documentId && row.locale === locale && Boolean(row.publishedAt) === published)!;

beforeEach(() => {
  stub = stubStrapi({
    models: appSchemas(CALLS, ENTRIES, 'scheduling.extension'),
    plugins: {
      'translator-roles': {
        server: translatorRoles,
        config: { editorOnlyFields: { [CALLS]: ['lateSubmitters'] }, reviewedTypes: [ENTRIES] },
      },
      i18n: i18nPlugin({ locales: UN_LOCALES, defaultLocale: 'en' }),
    },
  });
  stub.insert('plugin::upload.file', { id: 41, name: 'questionnaire-2011.docx' });
  for (const published of [false, true]) {
    version(CALLS, 'call-2011', 'en', published, { ...SHARED, title: 'Call for WSIS Stocktaking entries' });
    version(CALLS, 'call-2011', 'ar', published, { ...SHARED, title: 'دعوة لتقديم مدخلات حصر أنشطة القمة' });
  }
  translating();
});

/** The request of a translator of `locales`, through the content manager (its route's model and body). */
function translating(body?: Record<string, unknown>, { locales = ['ar'], model = CALLS }: { locales?: string[]; model?: string } = {}) {
  stub.request(
    requests.admin({ id: 5, email: 'translator.ar@wsis.test', roles: locales.map((locale) => `translator-${locale}`), model, body }),
  );
}

type Params = { documentId?: string; locale?: unknown; data?: Record<string, unknown> };

function check(action: string, uid: string, params: Params) {
  const translator = getService(stub.strapi, 'translator').current();
  if (!translator) throw new Error('expected a translator');
  return getService(stub.strapi, 'guard').check({ uid, action, params }, translator);
}

async function refusal(write: Promise<unknown>) {
  try {
    await write;
  } catch (error) {
    return error as { name: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected the write to be refused');
}

const arabic = (data: Record<string, unknown>) => ({ documentId: 'call-2011', locale: 'ar', data });

describe('who is a translator', () => {
  const current = () => getService(stub.strapi, 'translator').current();

  it('is an admin whose roles are all translator roles, with their locales', () => {
    translating(undefined, { locales: ['ar', 'fr'] });
    expect(current()).toEqual({ userId: 5, locales: ['ar', 'fr'] });
  });

  it('is not an editor who also holds a translator role, a stakeholder, or code outside a request', () => {
    stub.request(requests.admin({ id: 6, roles: ['strapi-editor', 'translator-ar'] }));
    expect(current()).toBeNull();
    stub.request(requests.stakeholder(101));
    expect(current()).toBeNull();
    stub.request(undefined);
    expect(current()).toBeNull();
  });
});

describe('locales, new documents and deletes', () => {
  it('refuses a translator of ar editing the fr version with LOCALE_NOT_ALLOWED', async () => {
    const error = await refusal(check('update', CALLS, { documentId: 'call-2011', locale: 'fr', data: { title: 'Appel' } }));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'LOCALE_NOT_ALLOWED', locales: ['fr'], allowed: ['ar'] });
    expect(error.message).toBe('A translator of ar cannot edit the fr version.');
  });

  it.each([
    ['no locale (the default one, en)', undefined, ['en']],
    ["every locale ('*')", '*', ['zh', 'en', 'fr', 'ru', 'es']],
    ['a list with another locale (a bulk action)', ['ar', 'fr'], ['fr']],
  ])('refuses publishing %s with LOCALE_NOT_ALLOWED, naming the locales outside theirs', async (_which, locale, locales) => {
    expect((await refusal(check('publish', CALLS, { documentId: 'call-2011', locale }))).details).toEqual({
      code: 'LOCALE_NOT_ALLOWED',
      locales,
      allowed: ['ar'],
    });
  });

  it.each([
    ['a create without a document', 'create', { locale: 'ar', data: { title: 'دعوة' } }],
    ['a create naming a document that does not exist', 'create', { locale: 'ar', data: { documentId: 'no-such-call', title: 'دعوة' } }],
    ['a copy (clone)', 'clone', { documentId: 'call-2011', locale: 'ar', data: {} }],
  ])('refuses %s with TRANSLATION_NEEDS_SOURCE, naming the source locale', async (_which, action, params) => {
    const error = await refusal(check(action, CALLS, params));
    expect(error.details).toEqual({ code: 'TRANSLATION_NEEDS_SOURCE', sourceLocale: 'en' });
  });

  it('refuses deleting, even their own locale, with DELETE_NOT_ALLOWED', async () => {
    expect((await refusal(check('delete', CALLS, { documentId: 'call-2011', locale: 'ar' }))).details).toEqual({
      code: 'DELETE_NOT_ALLOWED',
    });
  });
});

describe('shared (non-localized) fields', () => {
  it('accepts a change to the localized fields of their locale', async () => {
    await expect(check('update', CALLS, arabic({ title: 'دعوة منقحة', officialCall: 'نص الدعوة' }))).resolves.toBeUndefined();
  });

  it('refuses a changed shared scalar with FIELD_NOT_TRANSLATABLE, naming it', async () => {
    const error = await refusal(check('update', CALLS, arabic({ title: 'دعوة', edition: '2012-2013' })));
    expect(error.details).toEqual({ code: 'FIELD_NOT_TRANSLATABLE', fields: ['edition'] });
    expect(error.message).toBe('edition is shared by every language: only an editor can change it.');
  });

  it('accepts the whole form sent back with shared values unchanged, whatever their notation', async () => {
    const form = {
      title: 'دعوة',
      edition: '2011-2012',
      closesAt: '2012-01-15T23:59:59.999+01:00',
      timezone: 'Europe/Zurich',
      questionnaire: { id: 41, name: 'questionnaire-2011.docx' },
    };
    await expect(check('update', CALLS, arabic(form))).resolves.toBeUndefined();
  });

  it('refuses a changed deadline and a replaced shared file, naming both (in the order of the schema)', async () => {
    const error = await refusal(check('update', CALLS, arabic({ closesAt: '2012-01-31T22:59:59.999Z', questionnaire: 42 })));
    expect(error.details).toEqual({ code: 'FIELD_NOT_TRANSLATABLE', fields: ['questionnaire', 'closesAt'] });
  });

  it("refuses a shared field the content manager's body changes even when Strapi's field permissions dropped it from the data", async () => {
    translating({ title: 'دعوة', edition: '1999-2000' });
    expect((await refusal(check('update', CALLS, arabic({ title: 'دعوة' })))).details).toEqual({
      code: 'FIELD_NOT_TRANSLATABLE',
      fields: ['edition'],
    });
  });

  it('reads the request body only for the content type of the route', async () => {
    translating({ edition: '1999-2000' }, { model: ENTRIES });
    await expect(check('update', CALLS, arabic({ title: 'دعوة' }))).resolves.toBeUndefined();
  });

  it("refuses writing an editor-only field (a call's late submitters) with FIELD_NOT_TRANSLATABLE", async () => {
    const error = await refusal(
      check('update', CALLS, arabic({ title: 'دعوة', lateSubmitters: { connect: [{ id: 101 }], disconnect: [] } })),
    );
    expect(error.details).toEqual({ code: 'FIELD_NOT_TRANSLATABLE', fields: ['lateSubmitters'] });
    expect(error.message).toBe('lateSubmitters: only an editor can change it.');
  });

  it('accepts an editor-only field as the content manager sends it untouched', async () => {
    await expect(
      check('update', CALLS, arabic({ title: 'دعوة', lateSubmitters: { connect: [], disconnect: [] } })),
    ).resolves.toBeUndefined();
  });

  it("drops shared components (a window's extensions) from the translator's write", async () => {
    const params = arabic({ title: 'دعوة', extensions: [{ id: 3, closesAt: '2099-01-01T00:00:00.000Z' }] });
    await check('update', CALLS, params);
    expect(params.data).toEqual({ title: 'دعوة' });
  });
});

describe('a new locale of an existing document', () => {
  beforeEach(() => {
    // A call in English only, whose draft carries an editor's unpublished change of edition.
    version(CALLS, 'call-2012', 'en', true, { ...SHARED, title: 'Call for entries 2012' });
    version(CALLS, 'call-2012', 'en', false, { ...SHARED, edition: '2012-2013', title: 'Call for entries 2012' });
  });
  const newArabic = (data: Record<string, unknown>) => ({ locale: 'ar', data: { documentId: 'call-2012', title: 'دعوة 2012', ...data } });

  it("takes the shared values of the drafts, not the published version's (media as file ids)", async () => {
    const params = newArabic({});
    await check('create', CALLS, params);
    expect(params.data).toMatchObject({ edition: '2012-2013', closesAt: SHARED.closesAt, questionnaire: 41 });
  });

  it('reads an empty shared value as "inherit": not a change, and the drafts\' value is written instead', async () => {
    // Strapi fills only null and undefined from another locale, then copies the new locale's
    // shared values to every other locale: an empty string or list written here would empty them all.
    const params = newArabic({ edition: '', timezone: null, questionnaire: [] });
    await check('create', CALLS, params);
    expect(params.data).toMatchObject({ edition: '2012-2013', timezone: 'Europe/Zurich', questionnaire: 41 });
  });

  it("refuses a shared value that differs from the drafts' with FIELD_NOT_TRANSLATABLE", async () => {
    expect((await refusal(check('create', CALLS, newArabic({ edition: '2011-2012' })))).details).toEqual({
      code: 'FIELD_NOT_TRANSLATABLE',
      fields: ['edition'],
    });
  });
});

describe("reviewed types: stakeholders' entries are translated once an editor has published them", () => {
  beforeEach(() => {
    translating(undefined, { model: ENTRIES });
    version(ENTRIES, 'entry-draft', 'en', false, {
      title: 'Telecentres',
      shortDescription: 'Rural post offices.',
      activityType: 'project',
    });
    version(ENTRIES, 'entry-published', 'en', false, {
      title: 'E-health network',
      shortDescription: 'Clinics online.',
      activityType: 'project',
    });
    version(ENTRIES, 'entry-published', 'en', true, {
      title: 'E-health network',
      shortDescription: 'Clinics online.',
      activityType: 'project',
    });
  });

  it.each(['create', 'update', 'publish'])(
    'refuses to %s the Arabic version of an entry no editor has published with NOT_REVIEWED',
    async (action) => {
      const params =
        action === 'create'
          ? { locale: 'ar', data: { documentId: 'entry-draft', title: 'مراكز الاتصالات' } }
          : { documentId: 'entry-draft', locale: 'ar', data: { title: 'مراكز الاتصالات' } };
      expect((await refusal(check(action, ENTRIES, params))).details).toEqual({ code: 'NOT_REVIEWED' });
    },
  );

  it('accepts the Arabic version of an entry an editor has published', async () => {
    await expect(
      check('update', ENTRIES, { documentId: 'entry-published', locale: 'ar', data: { title: 'شبكة الصحة الإلكترونية' } }),
    ).resolves.toBeUndefined();
  });
});

describe('publishing and discarding their locale', () => {
  /** An editor changed the edition in the English draft and has not published it; Strapi copied it to every draft. */
  function editorsPendingEdition() {
    rowOf(CALLS, 'call-2011', 'en', false).edition = '2012-2013';
    rowOf(CALLS, 'call-2011', 'ar', false).edition = '2012-2013';
  }

  it('accepts publishing their locale when its shared values are the published ones', async () => {
    await expect(check('publish', CALLS, { documentId: 'call-2011', locale: 'ar' })).resolves.toBeUndefined();
  });

  it("refuses publishing their locale while its draft carries an editor's unpublished shared value, with FIELD_NOT_TRANSLATABLE", async () => {
    editorsPendingEdition();
    const error = await refusal(check('publish', CALLS, { documentId: 'call-2011', locale: 'ar' }));
    expect(error.details).toEqual({ code: 'FIELD_NOT_TRANSLATABLE', fields: ['edition'] });
    expect(error.message).toBe(
      'Publishing the ar version would publish edition, shared by every language and not published by an editor yet.',
    );
  });

  it('accepts publishing once the editor has published the change', async () => {
    editorsPendingEdition();
    rowOf(CALLS, 'call-2011', 'en', true).edition = '2012-2013';
    await expect(check('publish', CALLS, { documentId: 'call-2011', locale: 'ar' })).resolves.toBeUndefined();
  });

  it("refuses discarding their draft when its published version would bring back an editor's changed shared value", async () => {
    editorsPendingEdition();
    expect((await refusal(check('discardDraft', CALLS, { documentId: 'call-2011', locale: 'ar' }))).details).toEqual({
      code: 'FIELD_NOT_TRANSLATABLE',
      fields: ['edition'],
    });
  });

  it('accepts discarding their draft when the shared values are the same', async () => {
    await expect(check('discardDraft', CALLS, { documentId: 'call-2011', locale: 'ar' })).resolves.toBeUndefined();
  });
});
