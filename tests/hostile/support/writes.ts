import fc from 'fast-check';
import qs from 'qs';
import { PROTOTYPE_KEYS, objectOf, populate, queryString, restQuery, text, wellFormed, type Attribute, type Model } from './arbitraries';
import { fingerprinter, Violation } from './checks';
import { queryContext } from './reads';
import type { Answer, HostileRequest } from './requests';
import type { EndpointSpec, Harness } from './run';
import { UID, type CallerName, type Stakeholder, type World } from './world';

// The writes a stakeholder can reach: create, update and delete of stocktaking entries and
// consultation contributions. Payloads are built from the content model: each attribute gets
// values of its type and hostile ones, relations get every payload shape Strapi reads (ids,
// documentIds, lists, connect / set / disconnect, positions, objects), and the envelope itself is
// bent (no `data`, arrays, text, other content types, malformed JSON, form encoding).

export interface SubmissionType {
  uid: string;
  plural: string;
  /** The relation that carries the window, and the one open target the stakeholders may use. */
  window: string;
  open: (world: World) => Record<string, string>;
  /** A payload the server accepts from a stakeholder (before mutations). */
  valid: (world: World) => Record<string, unknown>;
  own: (person: Stakeholder) => { marked: string[]; scratch: string[] };
  /** POST /api/<plural>/:id/<action> routes: changing the document named (submit) or making a new one from it (carry forward). */
  actions?: { name: string; createsDocument: boolean }[];
}

export const ENTRIES: SubmissionType = {
  uid: UID.entry,
  plural: 'stocktaking-entries',
  window: 'call',
  open: (world) => ({ call: world.ids.openCall }),
  valid: (world) => ({
    title: 'Rural telecentres',
    shortDescription: 'Community access in rural post offices.',
    call: world.ids.openCall,
    actionLines: [world.ids.actionLines[3]],
  }),
  own: (person) => ({ marked: person.entries, scratch: person.scratchEntries }),
  actions: [
    { name: 'submit', createsDocument: false },
    { name: 'carry-forward', createsDocument: true },
  ],
};

export const CONTRIBUTIONS: SubmissionType = {
  uid: UID.contribution,
  plural: 'consultation-contributions',
  window: 'phase',
  open: (world) => ({ phase: world.ids.openPhase, consultation: world.ids.openConsultation }),
  valid: (world) => ({
    title: 'Statement',
    body: 'On the WSIS Forum 2012.',
    phase: world.ids.openPhase,
    consultation: world.ids.openConsultation,
  }),
  own: (person) => ({ marked: person.contributions, scratch: person.scratchContributions }),
};

const FILE_TARGET = 'plugin::upload.file';

/** documentIds (or file ids) that a relation of `target` may be pointed at. */
function targetsFor(world: World, target: string, caller: CallerName): fc.Arbitrary<string | number> {
  const { ids } = world;
  if (target === FILE_TARGET) {
    const person = world.caller(caller);
    const other = caller === 'alice' ? world.bob : world.alice;
    return fc.oneof(
      { weight: 3, arbitrary: person ? fc.constantFrom(...person.uploads) : fc.constant(1) },
      { weight: 2, arbitrary: fc.constantFrom(...other.uploads, ...ids.editorUploads) },
      { weight: 1, arbitrary: fc.constantFrom(0, -1, 999_999, 2 ** 31, 1.5, '1', 'abc') },
    );
  }
  const special: string[] = [];
  if (target === UID.call) special.push(ids.openCall, ids.openCall, ids.closedCall);
  if (target === UID.phase) special.push(ids.openPhase, ids.openPhase, ids.closedPhase, ids.silentPhase);
  if (target === UID.consultation) special.push(ids.openConsultation, ids.openConsultation, ids.closedConsultation);
  const own = [...(ids.published[target] ?? []), ...(ids.drafts[target] ?? [])];
  // Users (the owner, late submitters) and admins are named by id.
  if (target === UID.user || target.startsWith('admin::')) special.push(...[world.alice.userId, world.bob.userId, 1].map(String));
  if (special.length + own.length === 0) special.push('nosuchdocument0000000000');
  const others = Object.values(ids.published).flatMap((list) => list.slice(0, 2));
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...special, ...own) },
    { weight: 1, arbitrary: fc.constantFrom(...others, ...[world.alice, world.bob].flatMap((person) => person.entries)) },
    { weight: 1, arbitrary: fc.constantFrom<string | number>('nosuchdocument0000000000', '', ' ', 0, -1, ...ids.rowIds) },
  );
}

/** A relation payload in every shape Strapi's REST API reads, and some it should refuse. */
function relationPayload(world: World, target: string, caller: CallerName): fc.Arbitrary<unknown> {
  const id = targetsFor(world, target, caller);
  const position = fc.oneof(
    fc.record({ before: id }),
    fc.record({ after: id }),
    fc.constant({ start: true }),
    fc.constant({ end: true }),
    fc.constantFrom<unknown>('start', { before: null }, { after: { $ne: null } }),
  );
  const item: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: id },
    { weight: 3, arbitrary: id.map((documentId) => ({ documentId })) },
    {
      weight: 1,
      arbitrary: fc.record(
        { documentId: id, locale: fc.constantFrom('en', 'fr', 'xx', '*', null), status: fc.constantFrom('published', 'draft', 'x') },
        { requiredKeys: ['documentId'] },
      ),
    },
    { weight: 1, arbitrary: fc.tuple(id, position).map(([documentId, where]) => ({ documentId, position: where })) },
    { weight: 1, arbitrary: fc.constantFrom(...world.ids.rowIds).map((value) => ({ id: value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { documentId: { $ne: null } },
        { documentId: [world.ids.openCall, world.ids.closedCall] },
        { id: { $gt: 0 } },
        {},
        null,
        [],
        true,
      ),
    },
  );
  const list = fc.array(item, { maxLength: 3 });
  return fc.oneof(
    { weight: 5, arbitrary: item },
    { weight: 4, arbitrary: list },
    { weight: 3, arbitrary: list.map((connect) => ({ connect })) },
    { weight: 2, arbitrary: list.map((set) => ({ set })) },
    { weight: 1, arbitrary: list.map((disconnect) => ({ disconnect })) },
    { weight: 2, arbitrary: fc.tuple(list, list).map(([connect, disconnect]) => ({ connect, disconnect })) },
    { weight: 1, arbitrary: fc.tuple(list, list).map(([set, connect]) => ({ set, connect })) },
    { weight: 1, arbitrary: item.map((connect) => ({ connect })) },
    { weight: 1, arbitrary: item.map((set) => ({ set })) },
    { weight: 1, arbitrary: list.map((connect) => ({ connect, options: { strict: false } })) },
    {
      weight: 1,
      arbitrary: fc.tuple(list, fc.constantFrom(...PROTOTYPE_KEYS, 'extra', 'where')).map(([connect, key]) =>
        objectOf<unknown>([
          ['connect', connect],
          [key, { polluted: true }],
        ]),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, '', 0, -1, false, 'null', [[world.ids.openCall]], { connect: 'x' }, { connect: [{}] }),
    },
  );
}

const NUMBERS = [0, 1, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE];

/** A JSON value for an attribute: well-typed, or hostile of any JSON type. */
function valueFor(
  world: World,
  name: string,
  attribute: Attribute,
  caller: CallerName,
  known: string[],
  depth: number,
): fc.Arbitrary<unknown> {
  const hostileText = text({ maxLength: 100_000, known, nul: true });
  const anyJson: fc.Arbitrary<unknown> = fc.oneof(
    hostileText,
    fc.constantFrom(...NUMBERS),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, '$ne', 'x', 'id'), fc.string({ maxLength: 8 }), { maxKeys: 2 }),
  );
  const typed = (() => {
    switch (attribute.type) {
      case 'string':
      case 'text':
      case 'richtext':
      case 'uid':
      case 'email':
        return fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) }, { weight: 3, arbitrary: hostileText });
      case 'integer':
      case 'biginteger':
      case 'float':
      case 'decimal':
        return fc.oneof(fc.integer(), fc.constantFrom(...NUMBERS), fc.constantFrom('12', '1e400', 'x'));
      case 'boolean':
        return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 1, 0, 'yes'));
      case 'date':
      case 'datetime':
      case 'time':
        return fc.oneof(
          fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map((date) => date.toISOString()),
          fc.constantFrom('2011-12-01', '2011-02-30', '0000-00-00', '+275760-09-13T00:00:00.000Z', 'yesterday', '', 1e15, -1),
        );
      case 'enumeration':
        return fc.oneof(fc.constantFrom(...(attribute.enum ?? [])), fc.constantFrom('', 'other ', 'OTHER', 'x'));
      case 'relation':
        return relationPayload(world, attribute.target!, caller);
      case 'media':
        return fc.oneof(relationPayload(world, FILE_TARGET, caller), targetsFor(world, FILE_TARGET, caller));
      case 'component': {
        const component = componentPayload(world, attribute.component!, caller, known, depth);
        return attribute.repeatable
          ? fc.oneof(fc.array(component, { maxLength: 3 }), component)
          : fc.oneof(component, fc.array(component, { maxLength: 2 }));
      }
      default:
        return anyJson;
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: anyJson });
}

function componentPayload(world: World, uid: string, caller: CallerName, known: string[], depth: number): fc.Arbitrary<unknown> {
  const model = queryContext(world).models(uid);
  if (!model || depth <= 0) return fc.constant({});
  return attributesPayload(world, model, caller, known, depth - 1).map((value) => value as unknown);
}

/** Some of a model's attributes with generated values, server-only and unknown keys among them. */
function attributesPayload(
  world: World,
  model: Model,
  caller: CallerName,
  known: string[],
  depth = 2,
): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(model.attributes);
  const entry = fc
    .constantFrom(...names)
    .chain((name) =>
      valueFor(world, name, model.attributes[name], caller, known, depth).map((value) => [name, value] as [string, unknown]),
    );
  const other = caller === 'alice' ? world.bob : world.alice;
  const serverOnly: fc.Arbitrary<[string, unknown]> = fc.oneof(
    fc.constantFrom<[string, unknown]>(
      ['submittedBy', other.userId],
      ['submittedBy', { connect: [other.userId] }],
      ['moderatorNote', 'Approved'],
      ['late', true],
      ['publishedAt', '2011-12-01T00:00:00.000Z'],
      ['createdAt', '2001-01-01T00:00:00.000Z'],
      ['updatedAt', null],
      ['id', 1],
      ['documentId', world.bob.entries[0]],
      ['locale', 'fr'],
      ['localizations', [other.entries[0]]],
      ['status', 'published'],
      ['createdBy', 1],
      ['updatedBy', 1],
      ['searchText', 'x'],
      ['translationSourceHash', 'x'],
      ['lateSubmitters', [other.userId]],
      ['__component', 'shared.venue'],
      ['unknownAttribute', 'x'],
    ),
    fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom<unknown>({ polluted: true }, 'x', [1])),
  );
  return fc
    .array(fc.oneof({ weight: 8, arbitrary: entry }, { weight: 1, arbitrary: serverOnly }), { maxLength: 6 })
    .map((entries) => objectOf(entries));
}

/** The `data` of a write: a valid payload with a few fields changed, or generated throughout. */
function payload(world: World, type: SubmissionType, caller: CallerName): fc.Arbitrary<Record<string, unknown>> {
  const model = queryContext(world).models(type.uid)!;
  // Markers and addresses stay out of what is written: an answer holding them is then a leak.
  const known = [...world.ids.actionLines.slice(0, 3), world.ids.openCall, world.ids.closedCall];
  const generated = attributesPayload(world, model, caller, known);
  return fc.oneof(
    { weight: 3, arbitrary: generated.map((changes) => ({ ...type.valid(world), ...changes })) },
    { weight: 1, arbitrary: fc.constant(type.valid(world)) },
    { weight: 2, arbitrary: generated },
  );
}

/** The request body around `data`, bent in every way a client can bend it. */
function body(world: World, type: SubmissionType, caller: CallerName): fc.Arbitrary<HostileRequest['body']> {
  const data = payload(world, type, caller);
  return fc.oneof(
    { weight: 12, arbitrary: data.map((value) => ({ json: { data: value } })) },
    { weight: 1, arbitrary: data.map((value) => ({ json: value })) },
    { weight: 1, arbitrary: data.map((value) => ({ json: { data: [value] } })) },
    {
      weight: 1,
      arbitrary: fc.tuple(data, fc.constantFrom(...PROTOTYPE_KEYS, 'meta', 'status', 'locale')).map(([value, key]) => ({
        json: objectOf<unknown>([
          ['data', value],
          [key, { polluted: true }],
        ]),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>(null, [], 'data', 0, { data: null }, { data: 'x' }, { data: [] }, { data: { data: {} } })
        .map((json) => ({ json })),
    },
    {
      weight: 1,
      arbitrary: data.map((value) => ({ raw: qs.stringify({ data: value }), contentType: 'application/x-www-form-urlencoded' })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { raw: '{"data":', contentType: 'application/json' },
        { raw: '{"data":{"title":"x"}}', contentType: 'text/plain' },
        { raw: '', contentType: 'application/json' },
        { raw: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' },
        { raw: `{"data":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`, contentType: 'application/json' },
        { raw: '{"data":{"title":"x","title":"y"}}', contentType: 'application/json' },
        { raw: '{"data":{"title":"\\ud800"}}', contentType: 'application/json' },
        { raw: `{"data":{"title":"${'x'.repeat(2_000_000)}"}}`, contentType: 'application/json' },
        {
          raw: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"title":"x"}\r\n--x--',
          contentType: 'multipart/form-data; boundary=x',
        },
        { raw: '{"data":{"title":"x"}}', contentType: 'application/json; charset=utf-16' },
      ),
    },
  );
}

/** The query of a write: none, what a client sends (populate, locale), or a hostile REST query. */
function writeQuery(world: World, type: SubmissionType): fc.Arbitrary<string> {
  const { populate: allowed } = (world.strapi.config.get('plugin::submissions') as { types: Record<string, { populate: string[] }> }).types[
    type.uid
  ];
  const context = queryContext(world);
  const mild = fc
    .record(
      {
        populate: fc.oneof(fc.constant<unknown>('*'), fc.subarray(allowed, { minLength: 1 })),
        locale: fc.constantFrom('en', 'fr', 'ar'),
        status: fc.constantFrom('draft', 'published'),
      },
      { requiredKeys: [] },
    )
    .map((value) => qs.stringify(value, { encodeValuesOnly: true }));
  const deep = populate(type.uid, 2, { ...context, mild: true }).map((value) =>
    qs.stringify({ populate: value }, { encodeValuesOnly: true }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: mild },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: queryString(restQuery(type.uid, context)) },
  );
}

const writers = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom<CallerName>('alice', 'bob') },
  { weight: 1, arbitrary: fc.constant<CallerName>('anonymous') },
);

/** A document a write may name: the caller's scratch drafts mostly, and everything they must not reach. */
function writeTarget(world: World, type: SubmissionType, caller: CallerName): fc.Arbitrary<string> {
  const person = world.caller(caller);
  const other = caller === 'alice' ? world.bob : world.alice;
  const mine = person ? type.own(person).scratch : [];
  const theirs = [...type.own(other).marked, ...type.own(other).scratch];
  // The caller's own marked drafts stay as planted (their markers are what the reads look for).
  const keep = new Set(person ? type.own(person).marked : []);
  const rest = [...(world.ids.published[type.uid] ?? []), ...(world.ids.drafts[type.uid] ?? [])].filter(
    (documentId) => !keep.has(documentId),
  );
  return fc.oneof(
    { weight: 6, arbitrary: mine.length ? fc.constantFrom(...mine) : fc.constantFrom(...theirs) },
    { weight: 3, arbitrary: fc.constantFrom(...theirs) },
    { weight: 2, arbitrary: rest.length ? fc.constantFrom(...rest) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(world.ids.published).flatMap((list) => list.slice(0, 2))) },
    { weight: 1, arbitrary: text({ maxLength: 300, known: [], nul: false }).map((value) => value || 'x') },
  );
}

/** The stored rows of a document with their owner and window targets. */
async function storedRows(world: World, type: SubmissionType, documentId: string) {
  const populate = Object.fromEntries(
    [...Object.keys(type.open(world)), 'submittedBy'].map((name) => [name, { select: name === 'submittedBy' ? ['id'] : ['documentId'] }]),
  );
  return world.strapi.db.query(type.uid as never).findMany({ where: { documentId }, populate }) as Promise<Record<string, unknown>[]>;
}

/** What must hold after a write the server accepted: the caller's own draft, in the open window. */
async function assertAcceptedWrite(world: World, type: SubmissionType, request: HostileRequest, answer: Answer, target?: string) {
  const person = world.caller(request.caller);
  if (!person) throw new Violation(`${request.method} answered ${answer.status} to the public`);
  if (request.method === 'DELETE') throw new Violation(`a stakeholder's DELETE answered ${answer.status}`);
  const documentId = (answer.json as { data?: { documentId?: string } } | undefined)?.data?.documentId;
  if (!documentId) throw new Violation(`an accepted ${request.method} answered without data.documentId`);
  if (target !== undefined) {
    const own = type.own(person);
    if (![...own.scratch, ...own.marked].includes(target)) throw new Violation(`${request.caller} changed ${target}, which is not theirs`);
    if (documentId !== target) throw new Violation(`an update of ${target} answered with ${documentId}`);
  }
  const rows = await storedRows(world, type, documentId);
  if (rows.length === 0) throw new Violation(`the document ${documentId} answered for is not stored`);
  for (const row of rows) {
    const where = `${documentId} (${row.locale}${row.publishedAt ? ', published' : ''})`;
    if ((row.submittedBy as { id?: number } | null)?.id !== person.userId)
      throw new Violation(`${where} is not owned by ${request.caller} after their write`);
    if (row.publishedAt !== null) throw new Violation(`${where}: a stakeholder's write published it`);
    if (row.late) throw new Violation(`${where}: marked late in an open window`);
    if (row.moderatorNote !== null && row.moderatorNote !== undefined)
      throw new Violation(`${where}: the moderator note was written by its submitter`);
  }
  // Relations are per locale (a new language starts without them); the window is the document's:
  // the union of its versions' targets is the open one.
  for (const [relation, open] of Object.entries(type.open(world))) {
    const targets = [...new Set(rows.map((row) => (row[relation] as { documentId?: string } | null)?.documentId).filter(Boolean))];
    if (targets.length !== 1 || targets[0] !== open)
      throw new Violation(`${documentId}: stored with ${relation} ${targets.join(', ') || 'none'}, not the open ${open}`);
  }
}

/** The create, update and delete endpoints of a submission type, and its actions on a document. */
export function writeSpecs(type: SubmissionType): EndpointSpec[] {
  const build =
    (method: 'POST' | 'PUT' | 'DELETE', action?: { name: string; createsDocument: boolean }) =>
    async ({ world }: Harness) => {
      // The outbox and the sessions of users-permissions change on their own; nothing here writes them.
      const fingerprint = await fingerprinter(world.strapi, { exclude: ['strapi_sessions'] });
      const requests = writers.chain((caller) => {
        const target = method === 'POST' && !action ? fc.constant(undefined) : writeTarget(world, type, caller);
        return fc
          .record({
            target,
            body: method === 'DELETE' ? fc.constant(undefined) : body(world, type, caller),
            query: writeQuery(world, type),
          })
          .map(({ target: documentId, body: sent, query }): HostileRequest & { target?: string } => ({
            caller,
            method,
            path: [
              `/api/${type.plural}`,
              ...(documentId === undefined ? [] : [encodeURIComponent(wellFormed(documentId))]),
              ...(action ? [action.name] : []),
            ].join('/'),
            query,
            ...(sent ? { body: sent } : {}),
            target: action?.createsDocument ? undefined : documentId,
          }));
      });
      return {
        requests,
        profile: { ownDrafts: true },
        writes: { fingerprint },
        expect: async (request: HostileRequest & { target?: string }, answer: Answer) => {
          if (answer.status < 400) await assertAcceptedWrite(world, type, request, answer, request.target);
        },
      };
    };
  return [
    { name: `POST /api/${type.plural}`, build: build('POST') },
    { name: `PUT /api/${type.plural}/:id`, build: build('PUT') },
    { name: `DELETE /api/${type.plural}/:id`, build: build('DELETE') },
    ...(type.actions ?? []).map((action) => ({ name: `POST /api/${type.plural}/:id/${action.name}`, build: build('POST', action) })),
  ];
}
