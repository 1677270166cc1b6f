// A file's id is an integer column: 1 to 2^31 - 1 on every database. An id outside that range
// names no file (PostgreSQL failed on it: a 500); it is read as no id, and refused as not owned.
const MAX_ID = 2 ** 31 - 1;
const asId = (value: unknown): number | null => {
  const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= MAX_ID ? id : null;
};

/** The file ids of a media value as a write sends it: ids, `{ id }` objects, or a list of them; null for anything else. */
export function fileIds(value: unknown): (number | null)[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(fileIds);
  if (typeof value === 'object') return [asId((value as { id?: unknown }).id)];
  return [asId(value)];
}
