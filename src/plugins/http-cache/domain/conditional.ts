import { createHash } from 'crypto';

/** A strong validator of exact bytes (RFC 9110 8.8.3). */
export function strongEtag(body: string | Buffer): string {
  // A view of the bytes, not a copy.
  const bytes = typeof body === 'string' ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/** A weak validator of a representation identified by its parts, not its bytes (e.g. a stream). */
export function weakEtag(...parts: string[]): string {
  return `W/"${createHash('sha1').update(parts.join('\u0000')).digest('base64url')}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * Whether `If-None-Match` matches the current ETag: `*`, or any listed tag by the weak comparison
 * that RFC 9110 13.1.2 prescribes for If-None-Match.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const current = opaque(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((candidate) => opaque(candidate) === current);
}

/** The newest of some dates, or null. */
export function newest(dates: (Date | string | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const value of dates) {
    if (!value) continue;
    const date = value instanceof Date ? value : new Date(value);
    if (!Number.isNaN(date.getTime()) && (!latest || date > latest)) latest = date;
  }
  return latest;
}

/** When the newest document of a content-API JSON body (`{ data: one or many }`) changed, or null. */
export function lastModifiedOf(body: unknown): Date | null {
  const data = (body as { data?: unknown } | null)?.data;
  const entities = (Array.isArray(data) ? data : data ? [data] : []) as ({ updatedAt?: string | Date } | null)[];
  return newest(entities.map((entity) => entity?.updatedAt));
}
