/**
 * Non-localized ("shared") attributes have one value for every locale of a document: Strapi copies
 * a change made through any locale to all the others. A translator may not change them.
 *
 * Scalars and media are compared: the value sent against the stored one, in a canonical form
 * (the content manager sends the whole form, dates as ISO strings, media as populated objects).
 * Shared components and dynamic zones are not compared but stripped from a translator's write:
 * their payload carries row ids and, for a new locale, the form's empty defaults, so equality is
 * not reliable, and Strapi's own field permissions already drop them.
 */
export interface AttributeFacts {
  type: string;
  multiple?: boolean;
  /** `pluginOptions.i18n.localized`; relations and uids are per locale whatever it says. */
  localized?: boolean;
}

const PER_LOCALE_TYPES = new Set(['relation', 'uid']);
const STRUCTURE_TYPES = new Set(['component', 'dynamiczone']);

export const isShared = (attribute: AttributeFacts) => attribute.localized !== true && !PER_LOCALE_TYPES.has(attribute.type);

/** Shared attributes whose values are compared (scalars and media). */
export const comparedSharedAttributes = (attributes: Record<string, AttributeFacts>) =>
  Object.keys(attributes).filter((name) => isShared(attributes[name]) && !STRUCTURE_TYPES.has(attributes[name].type));

/** Shared components and dynamic zones, which a translator's write never carries. */
export const strippedSharedAttributes = (attributes: Record<string, AttributeFacts>) =>
  Object.keys(attributes).filter((name) => isShared(attributes[name]) && STRUCTURE_TYPES.has(attributes[name].type));

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

const fileIds = (value: unknown): string[] => {
  if (isEmpty(value)) return [];
  if (Array.isArray(value)) return value.flatMap(fileIds);
  if (typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    return isEmpty(id) ? [] : [String(id)];
  }
  return [String(value)];
};

const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A value in a canonical form for comparison: null for empty, instants as epoch milliseconds. */
export function comparable(attribute: AttributeFacts, value: unknown): unknown {
  if (attribute.type === 'media') {
    const ids = fileIds(value);
    if (ids.length === 0) return null;
    // Order is not compared: Strapi drops a translator's shared media anyway, so a reordering
    // changes nothing, and the content manager and the database need not list files alike.
    return attribute.multiple ? [...ids].sort() : ids[0];
  }
  if (isEmpty(value)) return null;
  switch (attribute.type) {
    case 'datetime':
    case 'timestamp': {
      const instant = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
      return Number.isNaN(instant) ? String(value) : instant;
    }
    case 'date': {
      if (value instanceof Date) return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
      const match = /^\d{4}-\d{2}-\d{2}/.exec(String(value));
      return match ? match[0] : String(value);
    }
    case 'time': {
      const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?/.exec(String(value));
      return match ? `${match[1]}:${match[2]}:${match[3] ?? '00'}.${(match[4] ?? '0').padEnd(3, '0')}` : String(value);
    }
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true';
    case 'integer':
    case 'float':
    case 'decimal': {
      const number = Number(value);
      return Number.isNaN(number) ? String(value) : number;
    }
    case 'json':
    case 'blocks':
      return stableJson(typeof value === 'string' ? safeParse(value) : value);
    default:
      return String(value);
  }
}

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/**
 * The compared shared attributes whose value in `sent` differs from `stored`. An attribute absent
 * from `sent` is not a change; with `emptyInherits` (a new locale) neither is an empty one, since
 * Strapi fills empty shared fields of a new locale from an existing one.
 */
export function changedSharedFields(
  attributes: Record<string, AttributeFacts>,
  sent: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  { emptyInherits = false }: { emptyInherits?: boolean } = {},
): string[] {
  return comparedSharedAttributes(attributes).filter((name) => {
    if (!(name in sent) || sent[name] === undefined) return false;
    const attribute = attributes[name];
    const value = comparable(attribute, sent[name]);
    if (emptyInherits && value === null) return false;
    return !same(value, comparable(attribute, stored?.[name]));
  });
}
