/** The newest of some dates (a response's Last-Modified), or null. */
export function newest(dates: (Date | string | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const value of dates) {
    if (!value) continue;
    const date = value instanceof Date ? value : new Date(value);
    if (!Number.isNaN(date.getTime()) && (!latest || date > latest)) latest = date;
  }
  return latest;
}
