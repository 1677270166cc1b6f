/*
 * Strapi reads a filter through a relation (`filters[actionLines][code]=C3`) as LEFT JOINs to the
 * join table and the target, then `SELECT DISTINCT` over every column of the rows (and
 * `count(DISTINCT id)`): PostgreSQL plans and sorts wide rows to drop the duplicates the joins made.
 * Where the condition is one of the conditions every row must meet, "some linked target meets it"
 * is the same set of rows as `id IN (the rows linked to a target that meets it)`: a semi-join, no
 * duplicates, no DISTINCT.
 *
 * The rewrite keeps Strapi's rows exactly, so it is made only where that is certain:
 * - the relation condition is ANDed with the rest (top level or inside `$and`), never under `$or`
 *   or `$not` (`$not` through a LEFT JOIN means "some linked target does not meet it");
 * - the condition names only columns of the target, each with a test NULL cannot pass: a row with
 *   no link meets Strapi's join as a row of NULLs, so `$null`, `$ne`, `$notIn`, `$not`... stay joins.
 */

export interface SemiJoinSchema {
  /** The target of a relation stored in a join table that links row ids; undefined for anything else. */
  linkedTarget(uid: string, attribute: string): string | undefined;
  /** Whether the attribute is a column of the model's own table. */
  isColumn(uid: string, attribute: string): boolean;
}

/** Builds the subquery of the ids of `uid` rows linked through `attribute` to a target meeting `targetWhere`. */
export type LinkedRows = (attribute: string, targetWhere: Record<string, unknown>) => unknown;

// Operators whose test is false (or unknown) on NULL, given values that are not NULL.
const NULL_REJECTING = new Set([
  '$eq',
  '$eqi',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$between',
  '$contains',
  '$containsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const isValue = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;

const isValueList = (value: unknown) => isValue(value) || (Array.isArray(value) && value.length > 0 && value.every(isValue));

/** Whether a column's condition is false for NULL: a plain value (equality) or null-rejecting operators. */
export function rejectsNull(condition: unknown): boolean {
  if (isValue(condition)) return true;
  if (!isPlainObject(condition)) return false;
  const entries = Object.entries(condition);
  return (
    entries.length > 0 &&
    entries.every(
      ([operator, value]) =>
        (NULL_REJECTING.has(operator) && isValueList(value)) ||
        (operator === '$notNull' && value === true) ||
        (operator === '$null' && value === false),
    )
  );
}

/** Whether a relation's condition only tests the target's own columns, each NULL-rejecting. */
function testsColumnsOnly(where: unknown, target: string, schema: SemiJoinSchema): where is Record<string, unknown> {
  if (!isPlainObject(where)) return false;
  const entries = Object.entries(where);
  return (
    entries.length > 0 &&
    entries.every(([key, value]) =>
      key === '$and'
        ? Array.isArray(value) && value.length > 0 && value.every((item) => testsColumnsOnly(item, target, schema))
        : !key.startsWith('$') && schema.isColumn(target, key) && rejectsNull(value),
    )
  );
}

/** `where` (the database layer's, of `uid`) with the relation conditions it ANDs made semi-joins. */
export function relationFiltersAsSemiJoins(where: unknown, uid: string, schema: SemiJoinSchema, linkedRows: LinkedRows): unknown {
  if (!isPlainObject(where)) return where;
  const kept: Record<string, unknown> = {};
  const semiJoins: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' && Array.isArray(value)) {
      kept.$and = value.map((item) => relationFiltersAsSemiJoins(item, uid, schema, linkedRows));
      continue;
    }
    const target = key.startsWith('$') ? undefined : schema.linkedTarget(uid, key);
    if (target && testsColumnsOnly(value, target, schema)) semiJoins.push({ id: { $in: linkedRows(key, value) } });
    else kept[key] = value;
  }
  if (semiJoins.length === 0) return kept;
  return { ...kept, $and: [...((kept.$and as unknown[] | undefined) ?? []), ...semiJoins] };
}
