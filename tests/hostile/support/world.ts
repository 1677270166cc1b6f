import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { bootApp, type TestApp } from '../../helpers/strapi';
import { fullAccessToken } from '../../helpers/auth';
import { linkIn, nextMessage, settle } from '../../helpers/mail';

// The world every hostile file runs against: the seeded demo app on a database of its own, the
// deadlines clock on 1 December 2011 (the 2011-2012 stocktaking call and the WSIS Forum 2012
// consultation's contributions phase are open), two stakeholders registered and confirmed
// through the API, and drafts planted with markers that no response may show to whoever may not
// read them.

export const UID = {
  entry: 'api::stocktaking-entry.stocktaking-entry',
  contribution: 'api::consultation-contribution.consultation-contribution',
  call: 'api::stocktaking-call.stocktaking-call',
  phase: 'api::consultation-phase.consultation-phase',
  consultation: 'api::consultation.consultation',
  actionLine: 'api::action-line.action-line',
  organization: 'api::organization.organization',
  country: 'api::country.country',
  event: 'api::event.event',
  publication: 'api::publication.publication',
  partner: 'api::partner.partner',
  edition: 'api::forum-edition.forum-edition',
  session: 'api::forum-session.forum-session',
  user: 'plugin::users-permissions.user',
  file: 'plugin::upload.file',
} as const;

/** Both submission windows of the seed are open at this instant (Geneva time: 1 December 2011, 13:00). */
export const NOW = '2011-12-01T12:00:00.000Z';
export const PASSWORD = 'Geneva-2012';

export type CallerName = 'anonymous' | 'alice' | 'bob';

export interface Stakeholder {
  name: 'alice' | 'bob';
  email: string;
  username: string;
  jwt: string;
  userId: number;
  /** In the text fields of this stakeholder's planted drafts: only they may ever read it. */
  marker: string;
  /** Their planted, marked drafts (never written to by the generated requests of their owner). */
  entries: string[];
  contributions: string[];
  /** Their unmarked drafts, which the generated updates of their owner may change. */
  scratchEntries: string[];
  scratchContributions: string[];
  /** Files they uploaded (ids), which only they may attach. */
  uploads: number[];
}

export interface World {
  app: TestApp;
  strapi: Core.Strapi;
  token: string;
  alice: Stakeholder;
  bob: Stakeholder;
  /** In the text of the editors' drafts (draft-only documents and unpublished changes): nobody here may read it. */
  editorMarker: string;
  /** In private fields of planted documents (moderator notes, contact e-mails): never in any response. */
  privateMarker: string;
  ids: {
    openCall: string;
    closedCall: string;
    openPhase: string;
    openConsultation: string;
    closedPhase: string;
    closedConsultation: string;
    /** A phase of the open consultation, open now, that accepts no contributions. */
    silentPhase: string;
    actionLines: string[];
    organizations: string[];
    countries: string[];
    /** documentIds of published documents, and of the editors' draft-only documents, per content type. */
    published: Record<string, string[]>;
    drafts: Record<string, string[]>;
    /** Row ids of any table (numbers a payload may name instead of documentIds). */
    rowIds: number[];
    /** Slugs of published Forum editions and consultations (calendars per document). */
    editionSlugs: string[];
    consultationSlugs: string[];
    /** Slugs of documents that exist only as the editors' drafts. */
    draftSlugs: string[];
    /** Files uploaded by an editor (the media library), which no stakeholder may attach. */
    editorUploads: number[];
  };
  /** Attribute names that are private on some content type (and users-permissions' secrets). */
  privateKeys: Set<string>;
  /** Values that must never be in a response: e-mail addresses, hashes, tokens, private notes. */
  secrets: () => Promise<string[]>;
  caller: (name: CallerName) => Stakeholder | undefined;
}

const hex = (bytes = 6) => randomBytes(bytes).toString('hex');

async function register(
  app: TestApp,
  name: 'alice' | 'bob',
): Promise<Omit<Stakeholder, 'entries' | 'contributions' | 'scratchEntries' | 'scratchContributions' | 'uploads'>> {
  const username = `hostile-${name}-${hex(3)}`;
  const email = `${username}@wsis.test`;
  await app.request().post('/api/auth/local/register').send({ username, email, password: PASSWORD }).expect(200);
  const link = linkIn(await nextMessage(app.strapi, email, /confirmation/i));
  await app.request().get(`${link.pathname}${link.search}`).expect(302);
  const session = await app.request().post('/api/auth/local').send({ identifier: email, password: PASSWORD }).expect(200);
  return { name, email, username, jwt: session.body.jwt, userId: session.body.user.id, marker: `HOSTILE${name.toUpperCase()}${hex()}` };
}

async function documentIdBy(strapi: Core.Strapi, uid: string, where: Record<string, unknown>): Promise<string> {
  const row = await strapi.db.query(uid as never).findOne({ where: { ...where } });
  if (!row) throw new Error(`No ${uid} with ${JSON.stringify(where)} in the seed`);
  return row.documentId;
}

async function documentIds(strapi: Core.Strapi, uid: string, where: Record<string, unknown> = {}): Promise<string[]> {
  const rows = await strapi.db.query(uid as never).findMany({ where, select: ['documentId'] });
  return [...new Set(rows.map((row: { documentId: string }) => row.documentId))];
}

/** Boots the app and plants everything the generators point at. */
export async function createWorld(): Promise<World> {
  const app = await bootApp();
  const { strapi } = app;
  strapi.plugin('deadlines').service('clock').set(NOW);
  // Calls made or changed here are English only: publishing is not what is tested.
  strapi.config.set('plugin::translations.requiredTranslations', {});
  const token = await fullAccessToken(strapi);

  const ids = {
    openCall: await documentIdBy(strapi, UID.call, { slug: 'wsis-stocktaking-call-2011-2012', locale: 'en' }),
    closedCall: await documentIdBy(strapi, UID.call, { slug: 'wsis-stocktaking-call-2010-2011', locale: 'en' }),
    openPhase: await documentIdBy(strapi, UID.phase, { slug: 'wsis-forum-2012-consultation-phase-4-official-contributions', locale: 'en' }),
    openConsultation: await documentIdBy(strapi, UID.consultation, { slug: 'open-consultations-wsis-forum-2012', locale: 'en' }),
    closedPhase: await documentIdBy(strapi, UID.phase, { slug: 'wsis-10-phase-3-formal-contributions', locale: 'en' }),
    closedConsultation: await documentIdBy(strapi, UID.consultation, { slug: 'ungis-open-consultation-wsis-10-review', locale: 'en' }),
    silentPhase: await documentIdBy(strapi, UID.phase, { slug: 'wsis-forum-2012-consultation-phase-3-online-discussion', locale: 'en' }),
    actionLines: await documentIds(strapi, UID.actionLine, { locale: 'en' }),
    organizations: await documentIds(strapi, UID.organization),
    countries: await documentIds(strapi, UID.country, { locale: 'en' }),
    published: {} as Record<string, string[]>,
    drafts: {} as Record<string, string[]>,
    rowIds: [] as number[],
    editionSlugs: [] as string[],
    consultationSlugs: [] as string[],
    draftSlugs: [] as string[],
    editorUploads: [] as number[],
  };

  const alice = await register(app, 'alice');
  const bob = await register(app, 'bob');
  const editorMarker = `HOSTILEEDITOR${hex()}`;
  const privateMarker = `HOSTILEPRIVATE${hex()}`;

  // Files: one uploaded by an editor (the media library), one by each stakeholder.
  const upload = async (jwt: string | undefined, name: string) => {
    const request = app
      .request()
      .post('/api/upload')
      .attach('files', Buffer.from(`${name}\n`), { filename: `${name}.txt`, contentType: 'text/plain' });
    const response = await request.set('Authorization', `Bearer ${jwt ?? token}`).expect(201);
    return response.body[0].id as number;
  };
  ids.editorUploads.push(await upload(undefined, `editor-${hex(3)}`));

  // The stakeholders' own drafts, submitted through the API: marked ones, and scratch ones.
  const planted = {} as Record<'alice' | 'bob', Stakeholder>;
  for (const person of [alice, bob]) {
    const uploads = [await upload(person.jwt, `${person.name}-${hex(3)}`)];
    const submit = async (path: string, data: Record<string, unknown>) => {
      const response = await app.request().post(path).set('Authorization', `Bearer ${person.jwt}`).send({ data });
      if (response.status !== 201)
        throw new Error(`Planting ${path} for ${person.name}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.data.documentId as string;
    };
    const entry = (marker: string) => ({
      title: `${marker} telecentres`,
      shortDescription: `${marker} community access in rural post offices.`,
      description: `${marker} description`,
      funding: `${marker} funding`,
      impact: `${marker} impact`,
      challenges: `${marker} challenges`,
      website: `https://example.org/${marker}`,
      call: ids.openCall,
      actionLines: [ids.actionLines[0]],
      organization: ids.organizations[0],
      countries: [ids.countries[0]],
      documents: uploads,
    });
    const contribution = (marker: string) => ({
      title: `${marker} statement`,
      body: `${marker} statement on the WSIS Forum 2012`,
      phase: ids.openPhase,
      consultation: ids.openConsultation,
      organization: ids.organizations[1],
      attachments: uploads,
    });
    const marked = {
      entries: [
        await submit('/api/stocktaking-entries', entry(person.marker)),
        await submit('/api/stocktaking-entries', entry(person.marker)),
      ],
      contributions: [await submit('/api/consultation-contributions', contribution(person.marker))],
      scratchEntries: [
        await submit('/api/stocktaking-entries', entry(`Scratch ${person.name}`)),
        await submit('/api/stocktaking-entries', entry(`Scratch ${person.name}`)),
      ],
      scratchContributions: [await submit('/api/consultation-contributions', contribution(`Scratch ${person.name}`))],
    };
    planted[person.name] = { ...person, ...marked, uploads };
  }

  // The editors' drafts (trusted code, as the admin would write them): a draft-only document of
  // every draft-and-publish type, unpublished changes to published documents, and private notes.
  const trusted = <T>(work: () => Promise<T>): Promise<T> => strapi.plugin('deadlines').service('actor').bypass(work);
  await trusted(async () => {
    const m = editorMarker;
    const draft = (uid: string, data: Record<string, unknown>, locale?: string) =>
      strapi.documents(uid as never).create({ data: data as never, ...(locale ? { locale } : {}) });
    await draft(UID.event, {
      title: `${m} event`,
      description: `${m} description`,
      startsAt: '2011-12-05T09:00:00.000Z',
      endsAt: '2011-12-05T17:00:00.000Z',
      scope: 'international',
      venue: `${m} venue`,
    });
    await draft(UID.publication, {
      title: `${m} publication`,
      abstract: `${m} abstract`,
      publicationType: 'report',
      institution: `${m} institution`,
      authors: `${m} authors`,
      actionLines: [ids.actionLines[1]],
    });
    await draft(UID.partner, { name: `${m} partner`, description: `${m} description`, partnerType: 'strategic' });
    const consultation = await draft(UID.consultation, { title: `${m} consultation`, description: `${m} description` });
    // Phases have no draft and publish: this one is public, its consultation (a draft) is not.
    await strapi.documents(UID.phase as never).create({
      data: {
        name: 'Phase of a consultation in preparation',
        position: 9,
        kind: 'other',
        opensAt: '2011-11-01T00:00:00.000Z',
        closesAt: '2011-12-31T00:00:00.000Z',
        timezone: 'Europe/Zurich',
        consultation: consultation.documentId,
        acceptsContributions: true,
      } as never,
    });
    const edition = await draft(UID.edition, {
      title: `${m} edition`,
      theme: `${m} theme`,
      year: 2013,
      startDate: '2013-05-13',
      endDate: '2013-05-17',
      venue: { name: `${m} venue`, city: 'Geneva', timezone: 'Europe/Zurich' },
    });
    await draft(UID.session, {
      title: `${m} session`,
      description: `${m} description`,
      number: 999,
      sessionType: 'other',
      startsAt: '2013-05-14T09:00:00.000Z',
      endsAt: '2013-05-14T10:00:00.000Z',
      edition: edition.documentId,
      room: `${m} room`,
    });
    await draft(UID.call, {
      title: `${m} call`,
      edition: '2012-2013',
      officialCall: `${m} official call`,
      opensAt: '2011-11-01T00:00:00.000Z',
      closesAt: '2040-01-15T00:00:00.000Z',
      timezone: 'Europe/Zurich',
    });
    await draft(UID.entry, {
      title: `${m} entry`,
      shortDescription: `${m} short`,
      call: ids.openCall,
      actionLines: [ids.actionLines[2]],
      moderatorNote: `${privateMarker} note`,
    });
    await draft(UID.contribution, {
      title: `${m} contribution`,
      body: `${m} body`,
      phase: ids.openPhase,
      consultation: ids.openConsultation,
      contactEmail: `${privateMarker.toLowerCase()}@wsis.test`,
    });

    // Unpublished changes to published documents: the published version stays what the public reads.
    const change = async (uid: string, documentId: string, data: Record<string, unknown>, locale = 'en') =>
      strapi.documents(uid as never).update({ documentId, locale, data: data as never });
    await change(UID.call, ids.openCall, { title: `${m} unpublished call title`, questionnaireGuidance: `${m} guidance` });
    await change(UID.consultation, ids.openConsultation, { title: `${m} unpublished consultation title` });
    const firstPublished = async (uid: string) =>
      (await strapi.db.query(uid as never).findOne({ where: { locale: 'en', publishedAt: { $notNull: true } } })).documentId;
    await change(UID.event, await firstPublished(UID.event), { title: `${m} unpublished event title` });
    await change(UID.publication, await firstPublished(UID.publication), { abstract: `${m} unpublished abstract` });
    await change(UID.entry, await firstPublished(UID.entry), {
      title: `${m} unpublished entry title`,
      moderatorNote: `${privateMarker} moderation`,
    });
    await change(UID.session, await firstPublished(UID.session), { summary: `${m} unpublished summary` });
    // A new language that exists only as a draft.
    await change(UID.publication, await firstPublished(UID.publication), { title: `${m} brouillon`, abstract: `${m} résumé` }, 'fr');
    // Private values on published rows: contact e-mails.
    await strapi.db
      .query(UID.organization as never)
      .update({ where: { documentId: ids.organizations[0] }, data: { contactEmail: `${privateMarker.toLowerCase()}.org@wsis.test` } });
  });

  for (const uid of Object.values(UID)) {
    if (!uid.startsWith('api::')) continue;
    const model = strapi.getModel(uid as never) as { options?: { draftAndPublish?: boolean } };
    ids.published[uid] = model.options?.draftAndPublish
      ? await documentIds(strapi, uid, { publishedAt: { $notNull: true } })
      : await documentIds(strapi, uid);
    const all = await documentIds(strapi, uid);
    ids.drafts[uid] = all.filter((documentId) => !ids.published[uid].includes(documentId));
  }
  ids.rowIds = [
    ...new Set((await strapi.db.query(UID.entry as never).findMany({ select: ['id'] })).map((row: { id: number }) => row.id)),
  ].slice(0, 40) as number[];
  const slugs = async (uid: string, documents: string[]) =>
    [
      ...new Set(
        (await strapi.db.query(uid as never).findMany({ where: { documentId: { $in: documents } }, select: ['slug'] })).map(
          (row: { slug: string }) => row.slug,
        ),
      ),
    ] as string[];
  ids.editionSlugs = await slugs(UID.edition, ids.published[UID.edition]);
  ids.consultationSlugs = await slugs(UID.consultation, ids.published[UID.consultation]);
  ids.draftSlugs = [
    ...(await slugs(UID.edition, ids.drafts[UID.edition])),
    ...(await slugs(UID.consultation, ids.drafts[UID.consultation])),
    ...(await slugs(UID.entry, ids.drafts[UID.entry])),
  ];
  await settle(strapi);

  const privateKeys = new Set<string>([
    'password',
    'email',
    'resetPasswordToken',
    'confirmationToken',
    'searchText',
    'translationSourceHash',
  ]);
  const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as {
    uid: string;
    attributes: Record<string, { private?: boolean }>;
  }[];
  // The models whose documents the content API can answer with: the app's types, their components,
  // files and users (populated through relations).
  for (const model of models) {
    if (!(model.uid.startsWith('api::') || !model.uid.includes('::') || model.uid === UID.user || model.uid === UID.file)) continue;
    for (const [name, attribute] of Object.entries(model.attributes)) if (attribute.private) privateKeys.add(name);
  }
  // Private on the types that are not localized only: the localized ones answer with them.
  privateKeys.delete('locale');
  privateKeys.delete('localizations');
  // A stocktaking entry's answers are private to Strapi's sanitizer only so that no populate shows
  // them; the entry routes answer them, private questions left out (tests/api/questionnaires.test.ts).
  privateKeys.delete('answers');
  // Users' addresses (public in the users-permissions schema, which no content-API answer shows).
  privateKeys.add('email');

  const secrets = async () => {
    const values = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === 'string' && value.length >= 6) values.add(value);
    };
    for (const user of await strapi.db
      .query(UID.user as never)
      .findMany({ select: ['email', 'password', 'resetPasswordToken', 'confirmationToken'] })) {
      add(user.email);
      add(user.password);
      add(user.resetPasswordToken);
      add(user.confirmationToken);
    }
    for (const uid of [UID.organization, UID.contribution]) {
      for (const row of await strapi.db.query(uid as never).findMany({ select: ['contactEmail'] })) add(row.contactEmail);
    }
    for (const uid of [UID.entry, UID.contribution]) {
      for (const row of await strapi.db.query(uid as never).findMany({ select: ['moderatorNote'] })) add(row.moderatorNote);
    }
    for (const admin of await strapi.db.query('admin::user' as never).findMany({ select: ['email', 'password'] })) {
      add(admin.email);
      add(admin.password);
    }
    values.add(privateMarker);
    values.add(privateMarker.toLowerCase());
    values.add(token);
    return [...values];
  };

  const world: World = {
    app,
    strapi,
    token,
    alice: planted.alice,
    bob: planted.bob,
    editorMarker,
    privateMarker,
    ids,
    privateKeys,
    secrets,
    caller: (name) => (name === 'alice' ? world.alice : name === 'bob' ? world.bob : undefined),
  };
  return world;
}

export async function destroyWorld(world: World | undefined): Promise<void> {
  if (!world) return;
  world.strapi.plugin('deadlines').service('clock').set(null);
  await world.app.destroy();
}
