/**
 * A comparator for Strapi sort expressions (`['publishedOn:desc', 'title']`), to keep documents
 * merged from two locales in the order the database gave each list. Missing values sort last.
 */
export function compareBy(sort: string[]) {
  const keys = sort.map((expression) => {
    const [field, direction = 'asc'] = expression.split(':');
    return { field, sign: direction.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    for (const { field, sign } of keys) {
      const left = comparable(a[field]);
      const right = comparable(b[field]);
      if (left === right) continue;
      if (left === null) return 1;
      if (right === null) return -1;
      return left < right ? -sign : sign;
    }
    return 0;
  };
}

function comparable(value: unknown): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  // Dates come as Date objects or ISO text depending on the database: compare them as instants.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  return String(value);
}
