/**
 * What a stakeholder may populate when reading their own submissions (drafts) or in the response
 * to a submission: the relations a rule lists, one level deep, optionally with `fields`. A draft
 * query cascades its status into populated relations, so anything deeper would read other
 * people's drafts.
 */
export type SubmissionPopulate = Record<string, true | { fields: unknown }>;

export class InvalidPopulateError extends Error {
  constructor(
    message: string,
    public readonly field: string,
  ) {
    super(message);
    this.name = 'InvalidPopulateError';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const TRUE = new Set([true, 'true', '*']);

export function submissionPopulate(populate: unknown, allowed: string[]): SubmissionPopulate | undefined {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return undefined;
  if (TRUE.has(populate as string | boolean)) return Object.fromEntries(allowed.map((name) => [name, true as const]));
  const names = typeof populate === 'string' ? populate.split(',').map((name) => name.trim()).filter(Boolean) : populate;
  if (Array.isArray(names)) {
    const result: SubmissionPopulate = {};
    for (const name of names) result[checked(name, allowed)] = true;
    return result;
  }
  if (!isPlainObject(names)) throw new InvalidPopulateError('populate takes relation names', 'populate');
  const result: SubmissionPopulate = {};
  for (const [name, value] of Object.entries(names)) {
    if (value === false || value === 'false') continue;
    checked(name, allowed);
    if (TRUE.has(value as string | boolean)) {
      result[name] = true;
    } else if (isPlainObject(value) && Object.keys(value).every((key) => key === 'fields')) {
      result[name] = value.fields === undefined ? true : { fields: value.fields };
    } else {
      throw new InvalidPopulateError(`${name} is populated one level deep here, with \`fields\` at most`, name);
    }
  }
  return result;
}

function checked(name: unknown, allowed: string[]): string {
  if (typeof name !== 'string' || !allowed.includes(name)) {
    throw new InvalidPopulateError(`"${String(name)}" cannot be populated here; use one of: ${allowed.join(', ') || 'none'}`, String(name));
  }
  return name;
}
