/**
 * What a stakeholder may populate when reading their own submissions (drafts) or in the response
 * to a submission: the relations a rule lists, one level deep, optionally with `fields`. A draft
 * query cascades its status into populated relations, so anything deeper would read other
 * people's drafts.
 */
export type SubmissionPopulate = Record<string, true | { fields: unknown }>;

export class InvalidSubmissionQueryError extends Error {
  constructor(
    message: string,
    public readonly field: string,
    public readonly code: 'INVALID_POPULATE' | 'INVALID_FILTER' | 'INVALID_SORT' = 'INVALID_POPULATE',
  ) {
    super(message);
    this.name = 'InvalidSubmissionQueryError';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const TRUE = new Set([true, 'true', '*']);

export function submissionPopulate(populate: unknown, allowed: string[]): SubmissionPopulate | undefined {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return undefined;
  if (TRUE.has(populate as string | boolean)) return Object.fromEntries(allowed.map((name) => [name, true as const]));
  const names =
    typeof populate === 'string'
      ? populate
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : populate;
  if (Array.isArray(names)) {
    const result: SubmissionPopulate = {};
    for (const name of names) result[checked(name, allowed)] = true;
    return result;
  }
  if (!isPlainObject(names)) throw new InvalidSubmissionQueryError('populate takes relation names', 'populate');
  const result: SubmissionPopulate = {};
  for (const [name, value] of Object.entries(names)) {
    if (value === false || value === 'false') continue;
    checked(name, allowed);
    if (TRUE.has(value as string | boolean)) {
      result[name] = true;
    } else if (isPlainObject(value) && Object.keys(value).every((key) => key === 'fields')) {
      result[name] = value.fields === undefined ? true : { fields: value.fields };
    } else {
      throw new InvalidSubmissionQueryError(`${name} is populated one level deep here, with \`fields\` at most`, name);
    }
  }
  return result;
}

function checked(name: unknown, allowed: string[]): string {
  if (typeof name !== 'string' || !allowed.includes(name)) {
    throw new InvalidSubmissionQueryError(
      `"${String(name)}" cannot be populated here; use one of: ${allowed.join(', ') || 'none'}`,
      String(name),
    );
  }
  return name;
}

const GROUPS = new Set(['$and', '$or', '$not']);
const IDENTITY = new Set(['id', 'documentId']);

/**
 * Filters and sorts of a stakeholder's draft query: a relation's rows in a draft query are drafts
 * (an editor's unpublished call, other stakeholders' entries through `call.entries`), so relations
 * are filtered by identity only (`call.documentId`), and sorts stay on the type's own fields.
 */
export function assertSubmissionQuery({ filters, sort }: { filters?: unknown; sort?: unknown }, relations: string[]) {
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isPlainObject(value)) return;
    for (const [key, nested] of Object.entries(value)) {
      if (GROUPS.has(key)) visit(nested);
      else if (relations.includes(key)) assertIdentityOnly(key, nested);
    }
  };
  visit(filters);
  for (const path of sortKeys(sort)) {
    if (path.includes('.') || relations.includes(path))
      throw new InvalidSubmissionQueryError(`Sort your submissions by their own fields (not "${path}")`, path, 'INVALID_SORT');
  }
}

function assertIdentityOnly(relation: string, value: unknown) {
  if (!isPlainObject(value)) return;
  for (const [key, nested] of Object.entries(value)) {
    if (key.startsWith('$') && !GROUPS.has(key)) continue;
    if (GROUPS.has(key)) {
      for (const item of [nested].flat()) assertIdentityOnly(relation, item);
    } else if (!IDENTITY.has(key)) {
      throw new InvalidSubmissionQueryError(
        `Filter your submissions by ${relation}.documentId only (not ${relation}.${key})`,
        relation,
        'INVALID_FILTER',
      );
    }
  }
}

function sortKeys(sort: unknown): string[] {
  if (typeof sort === 'string')
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0])
      .filter(Boolean);
  if (Array.isArray(sort)) return sort.flatMap(sortKeys);
  if (isPlainObject(sort)) return Object.entries(sort).map(([key, value]) => (isPlainObject(value) ? `${key}.` : key));
  return [];
}
