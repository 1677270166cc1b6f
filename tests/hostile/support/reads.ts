import fc from 'fast-check';
import qs from 'qs';
import {
  headers,
  identifiers,
  wellFormed,
  modelLookup,
  queryString,
  restQuery,
  text,
  type QueryContext,
  type QueryOptions,
} from './arbitraries';
import { Violation } from './checks';
import type { HostileRequest } from './requests';
import type { EndpointSpec, Harness } from './run';
import { UID, type CallerName, type World } from './world';

// The public read routes: each list and findOne of each content type under /api, the feeds
// plugin's calendars, feeds, export and OpenAPI document, the stakeholders' `/mine` and the calls
// open now. Anyone may call them, so each is called by the public and by both stakeholders.

/** Every content type of the content API and its route (checked against the running app). */
export const CONTENT_TYPES: [uid: string, plural: string][] = [
  ['api::action-line.action-line', 'action-lines'],
  ['api::consultation.consultation', 'consultations'],
  ['api::consultation-contribution.consultation-contribution', 'consultation-contributions'],
  ['api::consultation-phase.consultation-phase', 'consultation-phases'],
  ['api::country.country', 'countries'],
  ['api::event.event', 'events'],
  ['api::forum-edition.forum-edition', 'forum-editions'],
  ['api::forum-session.forum-session', 'forum-sessions'],
  ['api::organization.organization', 'organizations'],
  ['api::partner.partner', 'partners'],
  ['api::publication.publication', 'publications'],
  ['api::stocktaking-call.stocktaking-call', 'stocktaking-calls'],
  ['api::stocktaking-entry.stocktaking-entry', 'stocktaking-entries'],
];

/** What the generators may name: ids, slugs, markers and addresses of the world. */
export function queryContext(world: World): QueryContext {
  const known = [
    world.editorMarker,
    world.alice.marker,
    world.bob.marker,
    world.alice.email,
    world.bob.email,
    world.privateMarker,
    ...Object.values(world.ids.drafts).flat(),
    ...Object.values(world.ids.published).flat().slice(0, 30),
    ...world.ids.editionSlugs,
    ...world.ids.consultationSlugs,
    ...world.ids.draftSlugs,
    ...[world.alice, world.bob].flatMap((person) => [...person.entries, ...person.contributions]),
    ...world.ids.rowIds.map(String),
  ];
  return { models: modelLookup(world.strapi), known, privateKeys: [...world.privateKeys] };
}

export const callers = (weights: Partial<Record<CallerName, number>> = {}): fc.Arbitrary<CallerName> =>
  fc.oneof(
    { weight: weights.anonymous ?? 2, arbitrary: fc.constant<CallerName>('anonymous') },
    { weight: weights.alice ?? 1, arbitrary: fc.constant<CallerName>('alice') },
    { weight: weights.bob ?? 1, arbitrary: fc.constant<CallerName>('bob') },
  );

const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** GET requests on `path` (or on paths made by `paths`), with REST queries for `uid`. */
export function gets(
  world: World,
  uid: string,
  paths: fc.Arbitrary<string>,
  options: QueryOptions & { callers?: fc.Arbitrary<CallerName> } = {},
): fc.Arbitrary<HostileRequest> {
  const context = queryContext(world);
  const model = context.models(uid);
  return fc
    .record({
      caller: options.callers ?? callers(),
      path: paths,
      query: fc.oneof(
        { weight: 1, arbitrary: fc.constant('') },
        { weight: 12, arbitrary: queryString(restQuery(uid, context, { search: model?.localized, ...options })) },
      ),
      headers: sometimes(headers(world)),
    })
    .map(({ caller, path, query, headers: extra }) => ({
      caller,
      method: 'GET' as const,
      path,
      query,
      ...(extra ? { headers: extra } : {}),
    }));
}

/** A segment of a path: the identifiers of the world and hostile strings, escaped. */
const segment = (values: fc.Arbitrary<string>) => values.map((value) => encodeURIComponent(wellFormed(value)));

export const listSpecs: EndpointSpec[] = CONTENT_TYPES.map(([uid, plural]) => ({
  name: `GET /api/${plural}`,
  build: ({ world }: Harness) => ({ requests: gets(world, uid, fc.constant(`/api/${plural}`)) }),
}));

export const findOneSpecs: EndpointSpec[] = CONTENT_TYPES.map(([uid, plural]) => ({
  name: `GET /api/${plural}/:id`,
  build: ({ world }: Harness) => ({
    requests: gets(
      world,
      uid,
      segment(identifiers(world, uid)).map((id) => `/api/${plural}/${id}`),
      { single: true },
    ),
  }),
}));

const slugs = (world: World, list: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...list) },
    { weight: 3, arbitrary: fc.constantFrom(...world.ids.draftSlugs) },
    { weight: 2, arbitrary: text({ maxLength: 2001, known: [], nul: true }) },
  );

export const feedSpecs: EndpointSpec[] = [
  {
    name: 'GET /api/stocktaking-calls/:documentId/questionnaire',
    build: ({ world }) => ({
      requests: gets(
        world,
        UID.call,
        segment(identifiers(world, UID.call)).map((id) => `/api/stocktaking-calls/${id}/questionnaire`),
        { single: true },
      ),
    }),
  },
  {
    name: 'GET /api/events/calendar.ics',
    build: ({ world }) => ({ requests: gets(world, UID.event, fc.constant('/api/events/calendar.ics'), { range: true }) }),
  },
  {
    name: 'GET /api/forum-editions/:slug/agenda.ics',
    build: ({ world }) => ({
      requests: gets(
        world,
        UID.session,
        segment(slugs(world, world.ids.editionSlugs)).map((slug) => `/api/forum-editions/${slug}/agenda.ics`),
      ),
    }),
  },
  {
    name: 'GET /api/consultations/:slug/calendar.ics',
    build: ({ world }) => ({
      requests: gets(
        world,
        UID.phase,
        segment(slugs(world, world.ids.consultationSlugs)).map((slug) => `/api/consultations/${slug}/calendar.ics`),
      ),
    }),
  },
  {
    name: 'GET /api/publications/feed.xml',
    build: ({ world }) => ({ requests: gets(world, UID.publication, fc.constant('/api/publications/feed.xml')) }),
  },
  {
    name: 'GET /api/stocktaking-entries/feed.xml',
    build: ({ world }) => ({ requests: gets(world, UID.entry, fc.constant('/api/stocktaking-entries/feed.xml')) }),
  },
  {
    name: 'GET /api/stocktaking-entries/export.csv',
    build: ({ world }) => ({ requests: gets(world, UID.entry, fc.constant('/api/stocktaking-entries/export.csv')) }),
  },
  {
    name: 'GET /api/openapi.json',
    build: async ({ world }) => {
      // Built once per schema (a child process, 20-60 s on 2 cores; in production at start):
      // the requests are timed against the document as it is served from then on.
      await world.strapi.plugin('openapi').service('document').serialized();
      return {
        requests: gets(world, UID.entry, fc.constant('/api/openapi.json')),
        // The document describes the account routes, whose bodies hold `email` and `password`;
        // no content type may show its private attributes there.
        profile: {
          privateKeys: new Set([
            'submittedBy',
            'moderatorNote',
            'contactEmail',
            'lateSubmitters',
            'searchText',
            'translationSourceHash',
            'resetPasswordToken',
            'confirmationToken',
          ]),
        },
      };
    },
  },
  {
    name: 'GET /api/stocktaking-calls/current',
    build: ({ world }) => ({ requests: gets(world, UID.call, fc.constant('/api/stocktaking-calls/current'), { search: false }) }),
  },
];

/** `/mine`: the caller's own submissions, drafts included, and nobody else's. */
export const mineSpecs: EndpointSpec[] = [
  ['api::stocktaking-entry.stocktaking-entry', 'stocktaking-entries'],
  ['api::consultation-contribution.consultation-contribution', 'consultation-contributions'],
].map(([uid, plural]) => ({
  name: `GET /api/${plural}/mine`,
  build: ({ world }: Harness) => ({
    requests: fc.oneof(
      gets(world, uid, fc.constant(`/api/${plural}/mine`), { callers: callers({ anonymous: 1, alice: 3, bob: 3 }), search: false }),
      mineQueries(world, uid, plural),
    ),
    profile: { ownDrafts: true },
    expect: (request, answer) => {
      if (request.caller === 'anonymous' && answer.status < 400) throw new Violation(`/mine answered ${answer.status} to the public`);
      // Every document listed is the caller's (their marker, or their scratch titles).
      if (answer.status === 200 && request.caller !== 'anonymous') {
        const person = world.caller(request.caller)!;
        const mine = new Set([...person.entries, ...person.contributions, ...person.scratchEntries, ...person.scratchContributions]);
        const others = [world.alice, world.bob]
          .filter((other) => other !== person)
          .flatMap((other) => [...other.entries, ...other.contributions, ...other.scratchEntries, ...other.scratchContributions]);
        const data = (answer.json as { data?: { documentId?: string }[] }).data ?? [];
        for (const document of data) {
          if (document.documentId && others.includes(document.documentId) && !mine.has(document.documentId)) {
            throw new Violation(`/mine of ${request.caller} lists another stakeholder's submission ${document.documentId}`);
          }
        }
      }
    },
  }),
}));

/**
 * What a stakeholder's client sends to `/mine`: the relations the submission type lets them
 * populate, filters on their own fields and on relations by documentId, pagination.
 */
function mineQueries(world: World, uid: string, plural: string): fc.Arbitrary<HostileRequest> {
  const { populate: allowed } = (world.strapi.config.get('plugin::submissions') as { types: Record<string, { populate: string[] }> }).types[
    uid
  ];
  const context = { ...queryContext(world), mild: true };
  const model = context.models(uid)!;
  const own = Object.entries(model.attributes)
    .filter(([, attribute]) => !attribute.private && !['relation', 'media', 'component'].includes(attribute.type))
    .map(([name]) => name);
  const documentIds = [...Object.values(world.ids.published).flat().slice(0, 20), ...Object.values(world.ids.drafts).flat()];
  const filter = fc.oneof(
    fc.tuple(
      fc.constantFrom(...own),
      fc.constantFrom('$containsi', '$eq', '$ne', '$null'),
      fc.constantFrom('Scratch', 'e', 'true', world.alice.marker, world.bob.marker),
    ),
    fc.tuple(fc.constantFrom(...allowed), fc.constant('documentId'), fc.constantFrom(...documentIds)),
  );
  const query = fc.record(
    {
      populate: fc.oneof(fc.constant<unknown>('*'), fc.subarray(allowed, { minLength: 1 })),
      filters: fc
        .array(filter, { maxLength: 2 })
        .map((entries) => Object.fromEntries(entries.map(([name, key, value]) => [name, { [key]: value }]))),
      sort: fc.constantFrom(...own.flatMap((name) => [name, `${name}:desc`])),
      pagination: fc.record(
        { page: fc.integer({ min: 1, max: 3 }).map(String), pageSize: fc.integer({ min: 1, max: 100 }).map(String) },
        { requiredKeys: [] },
      ),
      locale: fc.constantFrom('en', 'fr'),
      status: fc.constantFrom('draft', 'published'),
    },
    { requiredKeys: [] },
  );
  return fc.record({ caller: fc.constantFrom<CallerName>('alice', 'bob'), query }).map(({ caller, query: value }) => ({
    caller,
    method: 'GET' as const,
    path: `/api/${plural}/mine`,
    query: qs.stringify(value, { encodeValuesOnly: true }),
  }));
}
