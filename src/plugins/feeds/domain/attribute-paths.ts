/**
 * Every value at an attribute path, through relations, components and media (arrays are
 * flattened): `actionLines.code` of an entry gives each linked action line's code.
 */
export function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined));
  }
  return current
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value) => value !== null && value !== undefined && value !== '');
}

/** The first value at a path, or undefined. */
export const valueAt = (record: unknown, path: string): unknown => valuesAt(record, path)[0];
