/**
 * PostgreSQL cannot store or compare a text holding U+0000 (SQLite can): without this check the
 * same request answers 400 on one database and 500 on the other. Returns the path of the first
 * string that holds one, in a query or a payload of any shape.
 */
export function pathOfNulCharacter(value: unknown, path: string[] = [], seen = new Set<unknown>()): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : null;
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  seen.add(value);
  for (const [key, nested] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key].join('.');
    const found = pathOfNulCharacter(nested, [...path, key], seen);
    if (found) return found;
  }
  return null;
}

/** Names every object inherits (`__proto__`, `constructor`, `hasOwnProperty`, `toString`...), and `prototype`. */
const INHERITED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
/** Query parameters whose values name fields (`fields=title,slug`, `sort=title:asc`, `populate=call`). */
const NAMING_PARAMETERS = new Set(['fields', 'sort', 'populate']);

/**
 * Strapi looks attribute names up in plain objects: `fields=hasOwnProperty` or `fields[0]=__proto__`
 * passes its query validation (the name is "found" on Object.prototype) and reaches the database as
 * a column, which fails (a 500). Returns the path of the first such name in a query: as a key at
 * any depth, or in the values of `fields`, `sort` and `populate` (filter values are text, searched
 * for as such). With `keysOnly` (a payload, where `data.hasOwnProperty` fails the same way), keys only.
 */
export function pathOfInheritedName(value: unknown, { keysOnly = false } = {}, path: string[] = [], naming = false): string | null {
  if (typeof value === 'string') {
    return naming && value.split(/[,.:]/).some((part) => INHERITED_NAMES.has(part.trim())) ? path.join('.') || '(value)' : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, nested] of Object.entries(value)) {
    if (INHERITED_NAMES.has(key)) return [...path, key].join('.');
    const found = pathOfInheritedName(
      nested,
      { keysOnly },
      [...path, key],
      !keysOnly && (NAMING_PARAMETERS.has(key) || (key !== 'filters' && naming)),
    );
    if (found) return found;
  }
  return null;
}

/** Deepest nesting of objects and arrays a request carries (a relation's position in a component is 6). */
export const MAX_DEPTH = 64;

/**
 * Whether objects and arrays nest deeper than `max` levels: measured without recursion, so that
 * 5,000 nested brackets (10 kB of JSON) cannot exhaust the stack of a walker that would recurse
 * (a 500 for everyone's request before this check).
 */
export function nestsDeeperThan(value: unknown, max = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const nested of Object.values(current)) if (typeof nested === 'object' && nested !== null) stack.push([nested, depth + 1]);
  }
  return false;
}
