/**
 * Attributes only editors write, whatever their locale: a translator's payload may carry them
 * only as the content manager sends an untouched relation (`{ connect: [], disconnect: [] }`) or
 * empty. Relations are per locale in Strapi 5, so without this a translator could grant, through
 * their language's version, what the editors never granted (a late submitter of a call).
 */
export function writtenEditorOnlyFields(fields: string[], data: Record<string, unknown>): string[] {
  return fields.filter((field) => field in data && writes(data[field]));
}

function writes(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const { connect, disconnect, set, ...rest } = value as Record<string, unknown>;
    // `set` replaces the whole list, even with nothing.
    if (set !== undefined) return true;
    return (
      [connect, disconnect].some((list) => list !== undefined && (!Array.isArray(list) || list.length > 0)) || Object.keys(rest).length > 0
    );
  }
  return true;
}
