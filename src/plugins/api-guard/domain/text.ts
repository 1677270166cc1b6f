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
