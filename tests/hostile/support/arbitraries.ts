import fc from 'fast-check';
import qs from 'qs';
import type { Core } from '@strapi/strapi';
import type { World } from './world';

// Generators of hostile input, shaped by the content model that the running app reports (so a
// new attribute is generated without editing this file): query strings for the read routes,
// payloads for the writes. Each generator mixes what a client could plausibly send with what an
// attacker would: odd operators, prototype keys, arrays where scalars are expected, huge and
// negative numbers, control characters, very long text, relation payloads of every shape.

export interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  enum?: string[];
  private?: boolean;
  multiple?: boolean;
}
export interface Model {
  uid: string;
  attributes: Record<string, Attribute>;
  draftAndPublish: boolean;
  localized: boolean;
}

export function modelLookup(strapi: Core.Strapi): (uid: string) => Model | undefined {
  const cache = new Map<string, Model | undefined>();
  return (uid) => {
    if (!cache.has(uid)) {
      const raw = (strapi.contentTypes[uid as never] ?? strapi.components[uid as never]) as unknown as
        | {
            attributes: Record<string, Attribute>;
            options?: { draftAndPublish?: boolean };
            pluginOptions?: { i18n?: { localized?: boolean } };
          }
        | undefined;
      cache.set(
        uid,
        raw && {
          uid,
          attributes: raw.attributes,
          draftAndPublish: Boolean(raw.options?.draftAndPublish),
          localized: Boolean(raw.pluginOptions?.i18n?.localized),
        },
      );
    }
    return cache.get(uid);
  };
}

// ---------------------------------------------------------------------------------------------
// Scalars

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const LOCALES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'];
export const ODD_LOCALES = ['*', 'all', 'xx', '', 'EN', 'en-US', 'de', 'en ', 'zh-Hans', '../en', 'null'];
const NUMBERS = [
  '0',
  '1',
  '-1',
  '2',
  '25',
  '100',
  '101',
  '1000',
  '-0',
  '0.5',
  '1.5',
  '-1.5',
  '1e3',
  '1e308',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999',
  '-99999999999999999999',
  '0x10',
  '0b1',
  '1_000',
  ' 1',
  '1 ',
  '+1',
  '١',
  '１',
  '1e-400',
  '00000000000000000000001',
];
const DATES = [
  '2011-12-01',
  '2011-12-01T12:00:00.000Z',
  '2011-12-01T12:00:00+01:00',
  '2011-02-30',
  '2011-13-01',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+999999-01-01',
  '2011-12-01T25:61:61Z',
  '1970-01-01T00:00:00Z',
  'yesterday',
  '2011-12-01T12:00:00.000Z/2012-01-01',
  '20111201',
  '12/01/2011',
  'T',
  '2011-W48-4',
  '2011-12-01 12:00',
];
const BOOLEANS = ['true', 'false', '1', '0', 'yes', 'on', 'TRUE', 'null', ''];
const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE up_users; --',
  '\\',
  "'",
  '"',
  '%',
  '_',
  '%%',
  '\\%',
  '*',
  '?',
  '$',
  '$eq',
  '[',
  ']',
  '{}',
  '[]',
  '<script>alert(1)</script>',
  ']]>',
  ']]]]><![CDATA[',
  '\r\nX-Injected: 1',
  'a\rb',
  'BEGIN:VEVENT',
  '../../../etc/passwd',
  '..%2f..%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '=cmd|" /c calc"!A1',
  '+1+1',
  '-2+3',
  '@SUM(1)',
  'null',
  'undefined',
  'NULL',
  'None',
  'true',
  ' ',
  '\t',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  'e\u0301',
  '🇨🇭',
  '👩‍👩‍👧‍👦',
  '\ud800',
  '\udfff',
  '\uffff',
  'İ',
  'ß',
  'ﬀ',
  'Σ',
  'ı',
  '\u0085',
  '\u2028',
  '\u2029',
];
const CONTROL = fc.integer({ min: 1, max: 0x1f }).map((code) => String.fromCharCode(code));
const LONG_LENGTHS = [256, 1000, 2001, 5000, 20001, 50001, 100_000];

/** Long text of repeated units, as an attacker sends it (the quadratic-normaliser kinds included). */
const longText = (maxLength: number) =>
  fc
    .tuple(
      fc.constantFrom(...LONG_LENGTHS.filter((length) => length <= maxLength)),
      fc.constantFrom('x', '<', '<a', '>', 'a ', '中', '🇨🇭', ' ', '\n', '&amp;', ']]>', '\\', '%', 'é', 'word '),
    )
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

export interface TextOptions {
  /** Longest generated text (queries stay under the server's header limit). */
  maxLength: number;
  /** Strings of the world that make requests meaningful: ids, markers, addresses. */
  known: string[];
  /** Allow NUL characters (refused by design with 400). */
  nul?: boolean;
}

/** A hostile string. */
export function text({ maxLength, known, nul = true }: TextOptions): fc.Arbitrary<string> {
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
    { weight: 2, arbitrary: fc.string({ unit: CONTROL, minLength: 1, maxLength: 4 }) },
    { weight: 5, arbitrary: fc.constantFrom(...INJECTIONS) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 2, arbitrary: longText(maxLength) },
  ];
  if (known.length > 0) arbitraries.push({ weight: 6, arbitrary: fc.constantFrom(...known) });
  if (nul) arbitraries.push({ weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((value) => `${value}\u0000${value}`) });
  return fc.oneof(...arbitraries);
}

/** The text with lone surrogates replaced (U+FFFD), as a URL can only carry well-formed UTF-8. */
export const wellFormed = (value: string) =>
  value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

// ---------------------------------------------------------------------------------------------
// Query strings

/** What qs makes of a query string: strings, arrays and objects. */
export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };

export interface QueryContext {
  models: (uid: string) => Model | undefined;
  known: string[];
  privateKeys: string[];
  /**
   * Mild queries name real attributes with known operators and well-typed values, so that they
   * reach the database and its answer; the others are hostile throughout. Both are generated.
   */
  mild?: boolean;
}

const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  '$between',
];
const ODD_OPERATORS = [
  '$foo',
  '$where',
  '$regex',
  '$exists',
  '$raw',
  '$jsonSupersetOf',
  '$and',
  '$or',
  '$not',
  '$',
  '$$eq',
  '$EQ',
  'eq',
  '$in ',
  '$elemMatch',
  '$size',
];
const SYSTEM_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'localizations',
  'createdBy',
  'updatedBy',
  'status',
];
const MILD_NUMBERS = ['0', '1', '2', '3', '5', '10', '25', '100', '2011', '-1'];

function scalarFor(attribute: Attribute | undefined, context: QueryContext): fc.Arbitrary<string> {
  if (context.mild) {
    const words = fc.oneof(
      fc.constantFrom('WSIS', 'forum', 'e', 'Geneva', 'C7', 'ITU', 'a', ''),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(...context.known),
    );
    switch (attribute?.type) {
      case 'integer':
      case 'biginteger':
      case 'decimal':
      case 'float':
        return fc.constantFrom(...MILD_NUMBERS);
      case 'date':
      case 'datetime':
        return fc.constantFrom('2011-12-01', '2011-05-16T00:00:00.000Z', '2012-01-15T22:59:59.000Z', '2010-01-01');
      case 'boolean':
        return fc.constantFrom('true', 'false');
      case 'enumeration':
        return fc.constantFrom(...(attribute.enum ?? ['x']));
      default:
        return words;
    }
  }
  const hostile = text({ maxLength: 3000, known: context.known });
  switch (attribute?.type) {
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float':
      return fc.oneof(fc.constantFrom(...NUMBERS), fc.integer().map(String), hostile);
    case 'date':
    case 'datetime':
    case 'time':
      return fc.oneof(
        fc.constantFrom(...DATES),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        hostile,
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom(...BOOLEANS), hostile);
    case 'enumeration':
      return fc.oneof(fc.constantFrom(...(attribute.enum ?? ['x'])), hostile);
    default:
      return hostile;
  }
}

/** `{ $operator: operand }` for an attribute: known and odd operators, operands of every shape. */
function operatorsFor(attribute: Attribute | undefined, context: QueryContext): fc.Arbitrary<QueryValue> {
  const scalar = scalarFor(attribute, context);
  if (context.mild) {
    const one = fc.oneof(
      fc.tuple(
        fc.constantFrom(
          '$eq',
          '$ne',
          '$lt',
          '$lte',
          '$gt',
          '$gte',
          '$contains',
          '$containsi',
          '$notContainsi',
          '$startsWith',
          '$endsWithi',
          '$eqi',
        ),
        scalar,
      ),
      fc.tuple(fc.constantFrom('$in', '$notIn'), fc.array(scalar, { minLength: 1, maxLength: 3 })),
      fc.tuple(fc.constant('$between'), fc.tuple(scalar, scalar)),
      fc.tuple(fc.constantFrom('$null', '$notNull'), fc.constantFrom('true', 'false')),
    );
    return one.map(([operator, operand]) => ({ [operator]: operand as QueryValue }));
  }
  const operand: fc.Arbitrary<QueryValue> = fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...OPERATORS, ...ODD_OPERATORS, ...PROTOTYPE_KEYS), scalar, { maxKeys: 2 }) },
  );
  return fc
    .array(
      fc.tuple(
        fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...OPERATORS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_OPERATORS) }),
        operand,
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((entries) => objectOf(entries));
}

const relationTarget = (attribute: Attribute | undefined) =>
  attribute?.type === 'relation'
    ? attribute.target
    : attribute?.type === 'component'
      ? attribute.component
      : attribute?.type === 'media'
        ? 'plugin::upload.file'
        : undefined;

const publicAttributes = (uid: string, context: QueryContext) =>
  Object.entries(context.models(uid)?.attributes ?? {})
    .filter(([, attribute]) => !attribute.private)
    .map(([name]) => name);

/** The names a query may mention on a model: its attributes, system fields, private and unknown names. */
function namesOf(uid: string, context: QueryContext): fc.Arbitrary<string> {
  const attributes = context.mild ? publicAttributes(uid, context) : Object.keys(context.models(uid)?.attributes ?? {});
  const known = attributes.length ? fc.constantFrom(...attributes) : fc.constant('id');
  if (context.mild)
    return fc.oneof(
      { weight: 8, arbitrary: known },
      { weight: 1, arbitrary: fc.constantFrom('id', 'documentId', 'createdAt', 'updatedAt') },
    );
  return fc.oneof(
    { weight: 10, arbitrary: known },
    { weight: 3, arbitrary: fc.constantFrom(...SYSTEM_FIELDS) },
    { weight: 2, arbitrary: fc.constantFrom(...context.privateKeys) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, 'doesNotExist', '', ' title', 'title ', 'Title', 't%69tle', 'title.title', '*'),
    },
  );
}

/** A filters object for a model, nested through relations and components up to `depth`. */
export function filters(uid: string, depth: number, context: QueryContext): fc.Arbitrary<QueryValue> {
  const model = context.models(uid);
  const entry: fc.Arbitrary<[string, QueryValue]> = namesOf(uid, context).chain((name) => {
    const attribute = model?.attributes[name];
    const target = relationTarget(attribute);
    const options: fc.WeightedArbitrary<QueryValue>[] = [{ weight: 6, arbitrary: operatorsFor(attribute, context) }];
    if (!target || !context.mild) {
      options.push(
        { weight: 2, arbitrary: scalarFor(attribute, context) },
        { weight: 1, arbitrary: fc.array(scalarFor(attribute, context), { minLength: 1, maxLength: 3 }) },
      );
    }
    if (target && depth > 0) options.push({ weight: 8, arbitrary: filters(target, depth - 1, context) });
    if (target)
      options.push({
        weight: 2,
        arbitrary: fc.constantFrom<QueryValue>(
          { $null: 'true' },
          { $notNull: 'true' },
          { $eqi: 'x' },
          { $null: 'false' },
          { id: { $null: 'true' } },
        ),
      });
    return fc.oneof(...options).map((value) => [name, value] as [string, QueryValue]);
  });
  const others: fc.Arbitrary<[string, QueryValue]>[] = [];
  if (depth > 0) {
    others.push(
      fc.tuple(fc.constantFrom('$and', '$or'), fc.array(filters(uid, depth - 1, context), { maxLength: 3 })),
      fc.tuple(fc.constant('$not'), filters(uid, depth - 1, context)),
    );
  }
  if (!context.mild) others.push(fc.tuple(fc.constantFrom(...ODD_OPERATORS, ...PROTOTYPE_KEYS), scalarFor(undefined, context)));
  const any = others.length ? fc.oneof({ weight: 8, arbitrary: entry }, ...others.map((arbitrary) => ({ weight: 2, arbitrary }))) : entry;
  return fc.array(any, { maxLength: 3 }).map((list) => objectOf(list));
}

/** An object from entries, with prototype keys kept as own properties (as qs and JSON.parse make them). */
export function objectOf<T>(entries: [string, T][]): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

const relationNames = (uid: string, context: QueryContext) =>
  Object.entries(context.models(uid)?.attributes ?? {})
    .filter(([, attribute]) => relationTarget(attribute) && !(context.mild && attribute.private))
    .map(([name]) => name);

export function fields(uid: string, context: QueryContext): fc.Arbitrary<QueryValue> {
  if (context.mild) {
    const scalars = publicAttributes(uid, context).filter((name) => !relationTarget(context.models(uid)?.attributes[name]));
    const name = scalars.length ? fc.constantFrom(...scalars) : fc.constant('documentId');
    return fc.oneof(fc.array(name, { minLength: 1, maxLength: 3 }), name);
  }
  const name = namesOf(uid, context);
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(name, { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.array(name, { minLength: 1, maxLength: 3 }).map((names) => names.join(',')) },
    { weight: 1, arbitrary: fc.constantFrom<QueryValue>('*', '', 'true', ['*'], { title: 'true' }) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
}

export function sort(uid: string, context: QueryContext): fc.Arbitrary<QueryValue> {
  const relations = relationNames(uid, context);
  const scalars = (target: string) => {
    const names = publicAttributes(target, context).filter((name) => !relationTarget(context.models(target)?.attributes[name]));
    return context.mild ? (names.length ? fc.constantFrom(...names) : fc.constant('id')) : namesOf(target, context);
  };
  const path = fc.oneof(
    { weight: 4, arbitrary: scalars(uid) },
    {
      weight: relations.length ? 2 : 0,
      arbitrary: relations.length
        ? fc.constantFrom(...relations).chain((relation) => {
            const target = relationTarget(context.models(uid)?.attributes[relation]);
            return (target ? scalars(target) : fc.constant('id')).map((nested) => `${relation}.${nested}`);
          })
        : fc.constant('id'),
    },
  );
  const direction = context.mild
    ? fc.constantFrom('', ':asc', ':desc')
    : fc.constantFrom('', ':asc', ':desc', ':ASC', ':sideways', ':', '::asc', ':asc:desc', ' asc');
  const one = fc.tuple(path, direction).map(([name, dir]) => `${name}${dir}`);
  if (context.mild) return fc.oneof(one, fc.array(one, { minLength: 1, maxLength: 2 }));
  return fc.oneof(
    { weight: 4, arbitrary: one },
    { weight: 2, arbitrary: fc.array(one, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }).map((list) => list.join(',')) },
    { weight: 1, arbitrary: fc.tuple(path, fc.constantFrom('asc', 'desc', 'x', '')).map(([name, dir]) => objectOf([[name, dir]])) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
}

/** `populate` in every shape Strapi reads (and some it should refuse), nested up to `depth`. */
export function populate(uid: string, depth: number, context: QueryContext): fc.Arbitrary<QueryValue> {
  const relations = relationNames(uid, context);
  const relation = relations.length
    ? context.mild
      ? fc.constantFrom(...relations)
      : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...relations) }, { weight: 1, arbitrary: namesOf(uid, context) })
    : namesOf(uid, context);
  const nested = relation.chain((name) => {
    const target = relationTarget(context.models(uid)?.attributes[name]) ?? uid;
    const deeper = depth > 0 ? populate(target, depth - 1, context) : fc.constantFrom<QueryValue>('*', 'true');
    const options = context.mild
      ? {
          populate: deeper,
          fields: fields(target, context),
          filters: filters(target, Math.max(0, depth - 1), context),
          sort: sort(target, context),
        }
      : {
          populate: deeper,
          fields: fields(target, context),
          filters: filters(target, Math.max(0, depth - 1), context),
          sort: sort(target, context),
          count: fc.constantFrom<QueryValue>('true', 'false', 'x'),
          limit: fc.constantFrom<QueryValue>(...NUMBERS),
          start: fc.constantFrom<QueryValue>(...NUMBERS),
          status: fc.constantFrom<QueryValue>('draft', 'published', 'x'),
          publicationState: fc.constantFrom<QueryValue>('preview', 'live'),
          on: fc.dictionary(fc.string({ maxLength: 12 }), fc.constantFrom<QueryValue>('*', 'true'), { maxKeys: 2 }),
        };
    const value = fc.oneof(
      fc.constantFrom<QueryValue>(...(context.mild ? ['*', 'true'] : ['*', 'true', 'false', '', '1', ['*']])),
      fc.record(options, { requiredKeys: [] }).map((record) => record as QueryValue),
    );
    return value.map((populated) => [name, populated] as [string, QueryValue]);
  });
  const dotted = fc.array(relation, { minLength: 1, maxLength: 4 }).map((names) => names.join('.'));
  if (context.mild) {
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant<QueryValue>('*') },
      { weight: 2, arbitrary: fc.array(relation, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: dotted },
      { weight: 4, arbitrary: fc.array(nested, { minLength: 1, maxLength: 3 }).map((entries) => objectOf(entries)) },
    );
  }
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<QueryValue>('*', 'true', 'false', '', '**', '*.*', 'deep', ['*']) },
    { weight: 2, arbitrary: fc.array(relation, { minLength: 1, maxLength: 3 }).map((names) => names.join(',')) },
    { weight: 2, arbitrary: fc.array(fc.oneof(relation, dotted), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: dotted },
    { weight: 5, arbitrary: fc.array(nested, { minLength: 1, maxLength: 3 }).map((entries) => objectOf(entries)) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
}

export function pagination(context: QueryContext): fc.Arbitrary<QueryValue> {
  if (context.mild) {
    const small = fc.integer({ min: 1, max: 120 }).map(String);
    return fc.oneof(
      fc.record({ page: small, pageSize: small, withCount: fc.constantFrom<QueryValue>('true', 'false') }, { requiredKeys: [] }),
      fc.record({ start: fc.integer({ min: 0, max: 50 }).map(String), limit: small }, { requiredKeys: [] }),
    );
  }
  const numberish = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }).map(String) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('1', '2', '-1'), { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        {
          page: numberish,
          pageSize: numberish,
          start: numberish,
          limit: numberish,
          withCount: fc.constantFrom<QueryValue>('true', 'false', 'x', ['true']),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'pageCount', 'total', 'offset'), numberish, { maxKeys: 2 }) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
}

const STATUSES: QueryValue[] = [
  'published',
  'draft',
  'Draft',
  'DRAFT',
  '',
  'x',
  'modified',
  'null',
  ['draft'],
  ['published', 'draft'],
  { $ne: 'published' },
  'published ',
  'publish',
];

export function locale(context: QueryContext): fc.Arbitrary<QueryValue> {
  if (context.mild) return fc.constantFrom(...LOCALES);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...LOCALES) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_LOCALES) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...LOCALES), { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: scalarFor(undefined, context) },
  );
}

/** Query parameters that are not Strapi's, or are the editors'. */
function extras(context: QueryContext): fc.Arbitrary<[string, QueryValue][]> {
  const key = fc.constantFrom(
    ...PROTOTYPE_KEYS,
    'publicationFilter',
    'hasPublishedVersion',
    'publicationState',
    '_q',
    'populateCount',
    'unknownParameter',
    'plugins',
    'data',
    'encodeSourceMaps',
    'filters[$or]',
    'status[0]',
    'locale[0]',
    '$where',
    'where',
    'select',
    'limit',
    'offset',
    'orderBy',
    'from',
    'to',
    'id',
  );
  const value: fc.Arbitrary<QueryValue> = fc.oneof(
    scalarFor(undefined, context),
    fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'polluted', 'x'), scalarFor(undefined, context), { maxKeys: 2 }),
  );
  return fc.array(fc.tuple(key, value), { maxLength: 2 });
}

export interface QueryOptions {
  /** Which of the REST parameters the route takes (all by default). */
  filters?: boolean;
  populate?: boolean;
  fields?: boolean;
  sort?: boolean;
  pagination?: boolean;
  /** The model's localized: `fallbackLocale` and `q` (the translations plugin). */
  search?: boolean;
  /** The calendars' `from` and `to`. */
  range?: boolean;
  /** A route of one document (findOne): mild queries leave out the list's parameters. */
  single?: boolean;
}

function restQueryOf(uid: string, context: QueryContext, given: QueryOptions): fc.Arbitrary<Record<string, QueryValue>> {
  const options = context.mild && given.single ? { ...given, filters: false, sort: false, pagination: false } : given;
  const on = (flag: boolean | undefined) => flag !== false;
  const none = fc.constant(undefined);
  const anyText = scalarFor(undefined, context);
  const dates = context.mild
    ? fc.constantFrom('2011-01-01', '2011-12-01', '2012-06-30', '2011-10-01T00:00:00')
    : fc.oneof(fc.constantFrom(...DATES), anyText);
  const parts = {
    filters: on(options.filters) ? filters(uid, context.mild ? 2 : 3, context) : none,
    populate: on(options.populate) ? populate(uid, context.mild ? 2 : 3, context) : none,
    fields: on(options.fields) ? fields(uid, context) : none,
    sort: on(options.sort) ? sort(uid, context) : none,
    pagination: on(options.pagination) ? pagination(context) : none,
    locale: locale(context),
    status: context.mild ? fc.constant<QueryValue>('published') : fc.constantFrom(...STATUSES),
    fallbackLocale: options.search
      ? context.mild
        ? fc.constantFrom('en', 'fr,en', 'es,en')
        : fc.oneof(locale(context), fc.constantFrom('fr,en', 'es,en,fr', 'en,en', 'fr,fr', 'en,fr,en', ',', 'fr,,en'))
      : none,
    q:
      options.search && !(context.mild && options.single)
        ? context.mild
          ? fc.constantFrom('forum', 'numerique', 'WSIS', 'geneve', 'ict')
          : fc.oneof(anyText, fc.constantFrom('forum', 'numerique', 'é', '%', '_', ' ', 'a'.repeat(201)))
        : none,
    from: options.range ? dates : none,
    to: options.range ? dates : none,
  };
  const extra = context.mild
    ? fc.constant([] as [string, QueryValue][])
    : fc.oneof({ weight: 6, arbitrary: fc.constant([] as [string, QueryValue][]) }, { weight: 1, arbitrary: extras(context) });
  return fc.tuple(fc.record(parts, { requiredKeys: [] }), extra).map(([query, more]) => {
    // A mild fallback chain is a translation falling back on the source: it does not loop.
    if (context.mild && query.fallbackLocale !== undefined)
      Object.assign(query, { locale: query.locale === 'en' ? 'fr' : query.locale, fallbackLocale: 'en' });
    const result = objectOf(Object.entries(query).filter(([, value]) => value !== undefined) as [string, QueryValue][]);
    for (const [key, value] of more) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    return result;
  });
}

/** A REST query for a route of content type `uid`, as an object that qs will serialise: mild or hostile. */
export function restQuery(uid: string, context: QueryContext, options: QueryOptions = {}): fc.Arbitrary<Record<string, QueryValue>> {
  return fc.oneof(restQueryOf(uid, { ...context, mild: true }, options), restQueryOf(uid, { ...context, mild: false }, options));
}

const RAW_FRAGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%80',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF',
  '%00',
  'a[',
  ']]]=1',
  '[[[]]]=1',
  'filters[[title]]=1',
  'filters[title]]=1',
  'filters[title][$eq]',
  'filters',
  'filters=',
  'filters=x',
  'populate[',
  'sort[]=',
  'a=1&a=2&a=3',
  'locale=en&locale=fr',
  'status=published&status=draft',
  `filters${'[a]'.repeat(30)}=1`,
  `populate${'[call][populate]'.repeat(12)}=*`,
  `filters[title][$in][${101}]=x`,
  `filters[title][$in][${1e9}]=x`,
  'filters[$or][0][$or][0][$or][0][$or][0][$or][0][$or][0][$or][0][title]=x',
  ';',
  '&&&',
  '=',
  '==',
  '?',
  '#',
  '+',
  '%2B',
  '%26',
  '%3D%3D',
  'a=%',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'filters[__proto__][title]=1',
  'filters[constructor][prototype][x]=1',
  'x[__proto__]=1',
];

/** A query object as a query string, in one of the encodings qs (and browsers) produce, with raw fragments sometimes. */
export function queryString(query: fc.Arbitrary<Record<string, QueryValue>>): fc.Arbitrary<string> {
  const format = fc.record({
    encode: fc.boolean(),
    arrayFormat: fc.constantFrom<'indices' | 'brackets' | 'repeat' | 'comma'>('indices', 'indices', 'brackets', 'repeat', 'comma'),
    allowDots: fc.boolean(),
  });
  return fc
    .tuple(
      query,
      format,
      fc.oneof(
        { weight: 8, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom(...RAW_FRAGMENTS), { minLength: 1, maxLength: 3 }) },
      ),
    )
    .map(([value, { encode, arrayFormat, allowDots }, raw]) => {
      let encoded: string;
      try {
        encoded = qs.stringify(value, { encodeValuesOnly: !encode, arrayFormat, allowDots });
      } catch {
        // The comma format joins arrays, and cannot join an object whose own toString is a string.
        encoded = qs.stringify(value, { encodeValuesOnly: !encode, allowDots });
      }
      // Characters an HTTP request line cannot carry are escaped (the client would refuse them).
      const safe = encoded.replace(/[^\x21-\x7e]/gu, (character) => encodeURIComponent(wellFormed(character)));
      return [safe, ...raw].filter(Boolean).join('&');
    });
}

// ---------------------------------------------------------------------------------------------
// Identifiers and payloads

/** documentIds and other things a path segment or a relation may name. */
export function identifiers(world: World, uid: string): fc.Arbitrary<string> {
  const { ids } = world;
  const own = [...(ids.published[uid] ?? []), ...(ids.drafts[uid] ?? [])];
  const others = Object.entries(ids.published)
    .filter(([other]) => other !== uid)
    .flatMap(([, list]) => list.slice(0, 3));
  const stakeholders = [world.alice, world.bob].flatMap((person) => [
    ...person.entries,
    ...person.contributions,
    ...person.scratchEntries,
    ...person.scratchContributions,
  ]);
  return fc.oneof(
    { weight: 8, arbitrary: own.length ? fc.constantFrom(...own) : fc.constant('nosuchdocument0000000000') },
    { weight: 4, arbitrary: fc.constantFrom(...stakeholders) },
    { weight: 2, arbitrary: others.length ? fc.constantFrom(...others) : fc.constant('x') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...ids.rowIds.map(String),
        '0',
        '-1',
        '1e3',
        '99999999999',
        'current',
        'export.csv',
        'feed.xml',
        'calendar.ics',
        'undefined',
        'null',
      ),
    },
    { weight: 3, arbitrary: text({ maxLength: 2001, known: [], nul: false }) },
  );
}

export function headers(world: World): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'If-None-Match': fc.constantFrom('*', '"x"', 'W/"x"', '', '"', '*, "a"', 'x'.repeat(2000)),
      'Accept-Language': fc.constantFrom('fr', 'ar;q=1', '*', 'xx', ''),
      Accept: fc.constantFrom('application/json', 'text/html', 'application/xml', '*/*', 'x/y'),
      'X-Forwarded-For': fc.constantFrom('1.2.3.4', '::1', 'garbage', '127.0.0.1, 10.0.0.1'),
      'X-Forwarded-Proto': fc.constantFrom('https', 'gopher'),
      Origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:1337'),
      Range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'bytes=99999999999-'),
      Authorization: fc.constantFrom(
        'Bearer ',
        'Bearer x',
        'Bearer eyJhbGciOiJub25lIn0.eyJpZCI6MX0.',
        `Bearer ${world.token.slice(0, -2)}xx`,
        'Basic YWRtaW46YWRtaW4=',
        'bearer',
        `Bearer ${world.alice.jwt}x`,
      ),
    },
    { requiredKeys: [] },
  );
}
