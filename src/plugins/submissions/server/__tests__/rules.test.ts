import { appSchemas, i18nPlugin, stubStrapi, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import submissions from '../../strapi-server';
import type { SubmissionTypeConfig, SubmissionsConfig } from '../config';
import { getService } from '../get-service';

// The submissions plugin's rules and uploads services over the app's stocktaking entry schema and
// configuration (config/plugins.ts, copied).

const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const UPLOADS = 'plugin::submissions.stakeholder-upload';
const ALICE = 101;
const BOB = 102;

const ENTRY_RULE: SubmissionTypeConfig = {
  owner: 'submittedBy',
  serverFields: ['moderatorNote'],
  requiredRelations: ['actionLines'],
  wordLimits: { shortDescription: 150 },
  populate: ['call', 'actionLines', 'organization', 'implementingPartners', 'countries', 'documents'],
};
const SUBMISSIONS: SubmissionsConfig = { role: 'authenticated', uploads: true, types: { [ENTRIES]: ENTRY_RULE } };

let stub: StrapiStub;
const rules = () => getService(stub.strapi, 'rules');

beforeEach(() => {
  stub = stubStrapi({
    models: appSchemas(ENTRIES),
    plugins: {
      submissions: { server: submissions, config: SUBMISSIONS as unknown as Record<string, unknown> },
      i18n: i18nPlugin({ locales: ['en', 'fr', 'ar'], defaultLocale: 'en' }),
    },
  });
  for (const [id, username] of [
    [ALICE, 'alice'],
    [BOB, 'bob'],
  ] as const)
    stub.insert('plugin::users-permissions.user', { id, username });
  // Alice's entry in English and French; Bob's in English, with a French version an editor added for someone else.
  const entry = { title: 'Telecentres', shortDescription: 'Rural post offices.', publishedAt: null };
  stub.insert(ENTRIES, { documentId: 'entry-alice', locale: 'en', ...entry, submittedBy: ALICE, documents: [7] });
  stub.insert(ENTRIES, { documentId: 'entry-alice', locale: 'fr', ...entry, submittedBy: ALICE, documents: [7] });
  stub.insert(ENTRIES, { documentId: 'entry-bob', locale: 'en', ...entry, submittedBy: BOB });
  stub.insert(ENTRIES, { documentId: 'entry-bob', locale: 'fr', ...entry, submittedBy: null });
});

async function refusal(work: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return error as { name: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('applySubmitterRules', () => {
  it('refuses a stakeholder publishing with PUBLISH_NOT_ALLOWED', async () => {
    const error = await refusal(() => rules().applySubmitterRules('publish', { documentId: 'entry-alice' }, ENTRY_RULE, ALICE));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'PUBLISH_NOT_ALLOWED' });
  });

  it('drops the server fields, the owner and the moderation fields from a new submission, makes the caller its owner, as a draft', () => {
    const params: { status?: string; data: Record<string, unknown> } = {
      status: 'published',
      data: {
        title: 'Telecentres',
        publishedAt: '2011-01-01T00:00:00.000Z',
        createdBy: 1,
        documentId: 'mine',
        id: 3,
        locale: 'fr',
        submittedBy: BOB,
        moderatorNote: 'Approved',
      },
    };
    rules().applySubmitterRules('create', params, ENTRY_RULE, ALICE);
    expect(params).toEqual({ status: 'draft', data: { title: 'Telecentres', submittedBy: ALICE } });
  });

  it('drops the owner from a change without setting it, as a draft', () => {
    const params: { documentId: string; status?: string; data: Record<string, unknown> } = {
      documentId: 'entry-alice',
      data: { title: 'Renamed', submittedBy: BOB },
    };
    rules().applySubmitterRules('update', params, ENTRY_RULE, ALICE);
    expect(params).toEqual({ documentId: 'entry-alice', status: 'draft', data: { title: 'Renamed' } });
  });
});

describe('assertOwner', () => {
  it("passes for a submission every version of which is the caller's", async () => {
    await expect(rules().assertOwner(ENTRIES, ENTRY_RULE, 'entry-alice', ALICE)).resolves.toBeUndefined();
  });

  it.each([
    ["someone else's submission", 'entry-alice', BOB],
    ["a submission one version of which is not the caller's", 'entry-bob', BOB],
    ['a submission that does not exist', 'no-such-entry', ALICE],
    ['no document at all', undefined, ALICE],
  ])('answers 404 Not Found, without a code, for %s', async (_what, documentId, userId) => {
    const error = await refusal(rules().assertOwner(ENTRIES, ENTRY_RULE, documentId, userId));
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe('Not Found');
    expect(error.details).toEqual({});
  });
});

describe('inheritOwner', () => {
  it('gives a new locale of a submission its owner, whoever adds it', async () => {
    const params = { documentId: 'entry-alice', locale: 'ar', data: { title: 'مراكز الاتصالات' } as Record<string, unknown> };
    await rules().inheritOwner(ENTRIES, ENTRY_RULE, params);
    expect(params.data.submittedBy).toBe(ALICE);
  });

  it.each([
    ['an existing locale', 'fr'],
    ['no locale (the default one, which exists)', undefined],
  ])('leaves the owner alone on a change to %s', async (_what, locale) => {
    const params = { documentId: 'entry-alice', locale, data: { title: 'Télécentres' } as Record<string, unknown> };
    await rules().inheritOwner(ENTRIES, ENTRY_RULE, params);
    expect(params.data).toEqual({ title: 'Télécentres' });
  });

  it('leaves a document that does not exist alone', async () => {
    const params = { documentId: 'no-such-entry', locale: 'ar', data: {} as Record<string, unknown> };
    await rules().inheritOwner(ENTRIES, ENTRY_RULE, params);
    expect(params.data).toEqual({});
  });
});

describe('validateShape', () => {
  const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
  const shape =
    (action: string, data: Record<string, unknown>, locale = 'en') =>
    () =>
      rules().validateShape(ENTRIES, action, { locale, data }, ENTRY_RULE);

  it('refuses a new entry without an action line with FIELD_REQUIRED', async () => {
    for (const actionLines of [undefined, [], { connect: [] }, { set: [] }]) {
      const error = await refusal(shape('create', { title: 'Telecentres', actionLines }));
      expect(error.name).toBe('ValidationError');
      expect(error.details).toEqual({ code: 'FIELD_REQUIRED', field: 'actionLines' });
    }
  });

  it('accepts a new entry with an action line, and a change without one', () => {
    expect(shape('create', { actionLines: { connect: [{ documentId: 'c2' }] } })).not.toThrow();
    expect(shape('update', { title: 'Renamed' })).not.toThrow();
  });

  it('accepts a short description of 150 words and refuses 151 with TOO_MANY_WORDS, on create and update', async () => {
    expect(shape('update', { shortDescription: words(150) })).not.toThrow();
    expect((await refusal(shape('update', { shortDescription: words(151) }))).details).toEqual({
      code: 'TOO_MANY_WORDS',
      field: 'shortDescription',
      words: 151,
      limit: 150,
    });
  });

  it("refuses a text over the attribute's maxLength (2000, from the schema) with TOO_LONG before counting words", async () => {
    expect((await refusal(shape('update', { shortDescription: 'x'.repeat(2001) }))).details).toEqual({
      code: 'TOO_LONG',
      field: 'shortDescription',
      length: 2001,
      maxLength: 2000,
    });
  });
});

describe('assertOwnMedia (uploads)', () => {
  const media = (data: Record<string, unknown>, documentId?: string) =>
    getService(stub.strapi, 'uploads').assertOwnMedia(ENTRIES, { documentId, data }, ALICE);

  beforeEach(() => {
    stub.insert(UPLOADS, { fileId: 11, userId: ALICE });
    stub.insert(UPLOADS, { fileId: 12, userId: BOB });
  });

  it('accepts files the stakeholder uploaded, and files already attached to the submission', async () => {
    await expect(media({ documents: [11] })).resolves.toBeUndefined();
    await expect(media({ documents: [{ id: 7 }, 11] }, 'entry-alice')).resolves.toBeUndefined();
  });

  it.each([
    ["someone else's upload", [12]],
    ['a file attached to another submission', [7]],
    ['a value that is not a file id', ['../etc/passwd']],
  ])('refuses %s with MEDIA_NOT_OWNED', async (_what, documents) => {
    const error = await refusal(media({ documents }));
    expect(error.name).toBe('PolicyError');
    expect(error.details).toEqual({ code: 'MEDIA_NOT_OWNED', field: 'documents' });
  });
});
