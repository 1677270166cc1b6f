import { GuardError, isPlainObject, type ModelLookup } from './models';
import { sortPaths } from './published-reads';

/*
 * Strapi's query validation checks that the names and operators of `filters` exist; it does not
 * check what they are given. Its database layer then throws a plain Error (a 500) on the shapes
 * it cannot turn into SQL: `$and` or `$or` that is not a list, `$not` holding text, `$between`
 * without exactly two values, an operator holding an object, a relation condition that mixes
 * operators and fields or names two operators. These shapes are refused here with a 400, on every
 * read of the content API, at every level (`$and`, `$or`, `$not`, relations, components, media,
 * and the filters of populated relations). So are values the database cannot compare with the
 * column (PostgreSQL fails where SQLite compares anyway): text for an integer or an id, an integer
 * out of range, a date before 4713 BC, and case-sensitive text matching on a number or a date.
 *
 * Likewise a populated relation sorted through one of its own relations (`populate[organization]
 * [sort]=country.code`): the database layer writes SQL that names a column of the outer join
 * inside the inner query, which fails. A populated relation is sorted by its own fields only.
 */

const GROUPS = new Set(['$and', '$or']);
/** Operators of an attribute's condition (Strapi's `where` operators, less the internal `$jsonSupersetOf`). */
const OPERATORS = new Set([
  '$not',
  '$in',
  '$notIn',
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
]);
const LISTS = new Set(['$in', '$notIn']);
const EMPTINESS = new Set(['$null', '$notNull']);
// Media attributes are relations to files in the database.
const FILE = 'plugin::upload.file';

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);

const refuse = (path: string[], message: string): never => {
  const field = path.join('.') || 'filters';
  throw new GuardError('INVALID_FILTER', `filters${path.length ? `.${field}` : ''}: ${message}`, { field });
};

/** The model a key of `uid` leads to when it is a relation, a component or a media attribute. */
function targetOf(uid: string, key: string, models: ModelLookup): string | undefined {
  const model = models(uid);
  if (!model) return undefined;
  if (model.relations[key]) return model.relations[key].target;
  if (model.components[key]) return model.components[key];
  return model.populatable.includes(key) ? FILE : undefined;
}

/** Operators whose value the database layer compares as the column's type (Strapi casts them first). */
const TYPED = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between']);
/** Case-sensitive matching (`column LIKE ?`), which PostgreSQL has for text columns only. */
const LIKE = new Set(['$contains', '$notContains', '$startsWith', '$endsWith']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'password']);
const INT4 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const INT8 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
// PostgreSQL's timestamps start on 24 November 4713 BC (year -4712); JavaScript's dates reach further back.
const EARLIEST_YEAR = -4711;
const EARLIEST_TIMESTAMP = Date.UTC(EARLIEST_YEAR, 0, 1);

/** Why `value` cannot be compared with a column of Strapi type `type` on every database, or null. */
function valueProblem(type: string | undefined, value: Scalar): string | null {
  if (value === null || type === undefined) return null;
  const text = String(value).trim();
  switch (type) {
    case 'increments':
    case 'integer':
      return /^[+-]?\d{1,10}$/.test(text) && Number(text) >= INT4.min && Number(text) <= INT4.max ? null : 'an integer is expected';
    case 'biginteger':
      return /^[+-]?\d{1,19}$/.test(text) && BigInt(text) >= INT8.min && BigInt(text) <= INT8.max ? null : 'an integer is expected';
    case 'float':
    case 'decimal':
      return text !== '' && Number.isFinite(Number(text)) ? null : 'a number is expected';
    case 'datetime':
    case 'timestamp': {
      // Strapi reads ISO 8601 (years of six digits included) and milliseconds since 1970.
      const extended = /^([+-])(\d{6})-/.exec(text);
      const milliseconds = /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
      const early = extended
        ? Number(`${extended[1]}${extended[2]}`) < EARLIEST_YEAR
        : milliseconds !== undefined && milliseconds < EARLIEST_TIMESTAMP;
      return early ? 'a date after 4713 BC is expected' : null;
    }
    default:
      return null;
  }
}

/** The Strapi type of attribute `key` of `uid`, when known. */
const typeOf = (uid: string, key: string, models: ModelLookup) => models(uid)?.scalars?.[key];

/** Refuses `filters` (of content type `uid`) in a shape the database layer would fail on. */
export function assertFilterShapes(filters: unknown, uid: string, models: ModelLookup, path: string[] = []): void {
  if (filters === undefined) return;
  if (Array.isArray(filters)) {
    filters.forEach((item, index) => assertFilterShapes(item, uid, models, [...path, String(index)]));
    return;
  }
  if (!isPlainObject(filters)) refuse(path, 'a condition is an object of fields and operators');
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    const at = [...path, key];
    if (GROUPS.has(key)) {
      if (!Array.isArray(value)) refuse(at, `${key} takes a list of conditions`);
      (value as unknown[]).forEach((item, index) => assertFilterShapes(item, uid, models, [...at, String(index)]));
    } else if (key === '$not') {
      if (!isPlainObject(value) && !Array.isArray(value)) refuse(at, '$not takes a condition');
      assertFilterShapes(value, uid, models, at);
    } else if (key.startsWith('$')) {
      refuse(at, `${key} is not a condition on a field (only $and, $or and $not are)`);
    } else {
      const target = targetOf(uid, key, models);
      if (target) assertRelationCondition(value, target, models, at);
      else if (models(uid)?.scalars && typeOf(uid, key, models) === undefined) refuse(at, `"${key}" is not a field of ${uid}`);
      else assertAttributeCondition(value, at, typeOf(uid, key, models));
    }
  }
}

/** A relation's condition: ids, one operator on its id, or a condition on the related documents. */
function assertRelationCondition(value: unknown, target: string, models: ModelLookup, path: string[]) {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const operators = keys.filter((key) => key.startsWith('$'));
    if (operators.length === 0) return assertFilterShapes(value, target, models, path);
    if (operators.length !== keys.length)
      refuse(path, 'a relation is filtered by operators on its id or by fields of its documents, not both');
    if (operators.length > 1) refuse(path, 'a relation takes one operator; combine several with $and or $or');
    if (GROUPS.has(operators[0])) return assertFilterShapes(value, target, models, path);
  }
  // A value, a list or any other operator applies to the related documents' id.
  assertAttributeCondition(value, path, 'increments');
}

/** A condition on a field of Strapi type `type`: a value, a list of values, or operators with their operands. */
function assertAttributeCondition(value: unknown, path: string[], type: string | undefined) {
  // PostgreSQL compares a json column with nothing but json: it is tested for emptiness only.
  if (type === 'json' && !(isPlainObject(value) && Object.keys(value).every((operator) => EMPTINESS.has(operator))))
    refuse(path, 'a JSON field is tested for emptiness only ($null, $notNull)');
  const check = (item: Scalar, at: string[]) => {
    const problem = valueProblem(type, item);
    if (problem) refuse(at, `${problem} (${type})`);
  };
  if (isScalar(value)) return check(value, path);
  if (Array.isArray(value)) {
    if (!value.every(isScalar)) refuse(path, 'a list of values holds values only');
    return value.forEach((item, index) => check(item as Scalar, [...path, String(index)]));
  }
  if (!isPlainObject(value)) refuse(path, 'not a condition');
  for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
    const at = [...path, operator];
    if (!OPERATORS.has(operator)) refuse(at, `unknown operator "${operator}"`);
    if (operator === '$not') {
      assertAttributeCondition(operand, at, type);
      continue;
    }
    if (operator === '$between') {
      if (!Array.isArray(operand) || operand.length !== 2 || !operand.every(isScalar)) refuse(at, '$between takes two values');
    } else if (LISTS.has(operator)) {
      if (!isScalar(operand) && !(Array.isArray(operand) && operand.every(isScalar)))
        refuse(at, `${operator} takes a value or a list of values`);
    } else if (!isScalar(operand) && !(Array.isArray(operand) && operand.length > 0 && operand.every(isScalar))) {
      refuse(at, `${operator} takes a value`);
    }
    if (LIKE.has(operator) && type !== undefined && !TEXT_TYPES.has(type))
      refuse(at, `${operator} matches text; use ${operator}i, or a comparison, on a ${type}`);
    if (TYPED.has(operator)) ([] as Scalar[]).concat(operand as Scalar | Scalar[]).forEach((item) => check(item, at));
  }
}

/**
 * The filters and sorts of populated relations (object-form `populate`), at every level: filters
 * in a shape the database reads, sorts by the populated documents' own fields.
 */
export function assertPopulateShapes(populate: unknown, uid: string, models: ModelLookup, path: string[] = []): void {
  if (!isPlainObject(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    const target = targetOf(uid, key, models);
    if (!target || !isPlainObject(value)) continue;
    const at = ['populate', ...path, key];
    if (value.filters !== undefined) {
      try {
        assertFilterShapes(value.filters, target, models);
      } catch (error) {
        if (error instanceof GuardError)
          throw new GuardError(error.code, `${at.join('.')}.${error.message}`, { field: `${at.join('.')}.${error.details.field}` });
        throw error;
      }
    }
    for (const sorted of sortPaths(value.sort)) {
      if (sorted.length > 1) {
        const field = [...at, 'sort', sorted.join('.')].join('.');
        throw new GuardError('INVALID_SORT', `${field}: a populated relation is sorted by its own fields (not through "${sorted[0]}")`, {
          field,
        });
      }
    }
    assertPopulateShapes(value.populate, target, models, [...path, key, 'populate']);
  }
}

/** `fields` without empty names: `fields=` names no field (all are read) where the database layer failed on an empty column name. */
function namedFields(fields: unknown): unknown {
  if (fields === '') return undefined;
  if (!Array.isArray(fields)) return fields;
  const named = fields.filter((field) => field !== '');
  return named.length > 0 ? named : undefined;
}

/** The read's `fields`, and those of its populated relations at every level, without empty names. */
export function withoutEmptyFieldNames<T extends { fields?: unknown; populate?: unknown }>(params: T): T {
  const populate = (value: unknown): unknown => {
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, nested]) => [key, isPlainObject(nested) ? withoutEmptyFieldNames(nested) : nested]),
    );
  };
  const result = { ...params };
  if ('fields' in params) {
    const fields = namedFields(params.fields);
    if (fields === undefined) delete result.fields;
    else result.fields = fields;
  }
  if (isPlainObject(params.populate)) result.populate = populate(params.populate);
  return result;
}
