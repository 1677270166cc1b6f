import { createHash } from 'crypto';

/**
 * The canonical form of a parsed query (`ctx.query`): keys sorted at every level, arrays kept in
 * order (`sort[0]`, `sort[1]` mean something in that order), so that `?b=1&a=2` and `?a=2&b=1`
 * share a key.
 */
export function canonicalQuery(query: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
          .sort()
          .map((name) => [name, canonical((value as Record<string, unknown>)[name])]),
      );
    return value;
  };
  return JSON.stringify(canonical(query ?? {}));
}

// Hex: the tag's parts are separated by '-', which base64url may contain. The expiry is hashed
// too, so a tag whose expiry was changed or dropped is not one of ours.
const versionHash = (version: string, key: string, expiry: string) =>
  createHash('sha1').update(`${version}\u0000${key}\u0000${expiry}`).digest('hex');

/**
 * The weak ETag of a response decided by the content version and the request's key, known before
 * the body is built: `W/"<hash>"`, or `W/"<hash>-<expiry in base 36>"` when something in the body
 * (a window's state) changes with time alone at `expiresAt` (epoch ms).
 */
export function versionEtag(version: string, key: string, expiresAt?: number): string {
  const expiry = expiresAt === undefined ? '' : Math.floor(expiresAt).toString(36);
  const hash = versionHash(version, key, expiry);
  return expiry ? `W/"${hash}-${expiry}"` : `W/"${hash}"`;
}

/**
 * The tag of `If-None-Match` that is a version ETag of this version and key and has not expired
 * at `now` (epoch ms), or null. A tag's expiry is the instant its body changes state: a 304 is not
 * given at or after it. `*` is not answered here: only a built response can say it exists.
 */
export function matchingVersionEtag(ifNoneMatch: string | undefined, version: string, key: string, now: number): string | null {
  if (!ifNoneMatch) return null;
  for (const tag of ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []) {
    const parts = /^(?:W\/)?"([0-9a-f]{40})(?:-([0-9a-z]{1,12}))?"$/.exec(tag);
    if (!parts) continue;
    const [, hash, expiry = ''] = parts;
    if (hash !== versionHash(version, key, expiry)) continue;
    if (!expiry || now < parseInt(expiry, 36)) return tag.startsWith('W/') ? tag : `W/${tag}`;
  }
  return null;
}

/** A request key longer than this is not kept: its answer is built every time (memory, not speed, is at stake). */
export const MAX_KEY_LENGTH = 2048;
/** What an entry costs besides its body: its key (UTF-16) and the bookkeeping of the map and the entry. */
export const entryWeight = (key: string, bodyBytes: number) => bodyBytes + 2 * key.length + 256;

/**
 * What a body weighs in memory in either of its forms, at most: kept as text until it is served
 * again (one byte a character in V8's heap, or two once any character is beyond Latin-1: a text
 * beyond ASCII is counted at two), then as UTF-8 bytes. `utf8Bytes`: the text's length in UTF-8.
 */
export const bodyWeight = (text: string, utf8Bytes: number) => (utf8Bytes > text.length ? Math.max(utf8Bytes, 2 * text.length) : utf8Bytes);

interface Sized {
  bytes: number;
}

/**
 * A least-recently-used map bounded by the total size of its values (their `bytes`), not by their
 * number: one large list weighs what it weighs. A value larger than the bound is not kept.
 */
export class ByteBoundedLru<V extends Sized> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map iteration follows insertion: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) return;
    this.entries.set(key, value);
    this.total += value.bytes;
    for (const [oldest, evicted] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= evicted.bytes;
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.total -= value.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
