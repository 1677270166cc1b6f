/** The file ids of a media value as a write sends it: ids, `{ id }` objects, or a list of them; null for anything else. */
export function fileIds(value: unknown): (number | null)[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(fileIds);
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return [Number(value)];
  if (typeof value === 'object' && Number.isInteger((value as { id?: unknown }).id)) return [(value as { id: number }).id];
  return [null];
}
