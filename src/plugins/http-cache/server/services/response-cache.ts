import type { Core } from '@strapi/strapi';
import { ByteBoundedLru, MAX_KEY_LENGTH, entryWeight } from '../../domain/response-cache';
import type { HttpCacheConfig } from '../config';

export interface CachedResponse {
  /** The body as sent (JSON text; a long one becomes UTF-8 bytes once served again); `bytes` is what it weighs in memory in either form, and once kept, with its key. */
  body: string | Buffer;
  bytes: number;
  etag: string;
  contentType: string;
  lastModified: string | null;
  /** When something in the body changes with time alone (epoch ms): the entry is not served from then on. */
  expiresAt?: number;
}

/**
 * From this length on, a kept body is turned into UTF-8 bytes the first time it is served again:
 * encoded once for every later reader, and kept outside the JavaScript heap. A shorter one stays
 * text, which Node sends in one write with the headers. Measured on 2 cores, 2.3 MB served from the
 * cache: 4.7-6.6 ms of CPU a request as bytes, 15.3 ms as text (encoded again for every reader).
 */
const BYTES_FROM = 16 * 1024;

interface Clock {
  now(): { valueOf(): number };
}

/**
 * Anonymous reads of published content, in this instance's memory, for one content version at a
 * time: the version is read from the database on every request, so a write on any instance
 * makes every instance's entries unreachable, and the first request that sees the new version
 * drops them. Bounded by the total size of the bodies kept (`responseCache.maxBytes`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::http-cache') as HttpCacheConfig;
  let entries: ByteBoundedLru<CachedResponse> | null = null;
  let entriesVersion: string | null = null;
  const entriesOf = (version: string) => {
    entries ??= new ByteBoundedLru<CachedResponse>(config().responseCache.maxBytes);
    if (version !== entriesVersion) {
      entries.clear();
      entriesVersion = version;
    }
    return entries;
  };

  return {
    /** The time `ctx.state.contentChangesAt` is measured against (epoch ms). */
    now(): number {
      const { clockFrom } = config();
      return clockFrom ? Number((strapi.plugin(clockFrom).service('clock') as Clock).now().valueOf()) : Date.now();
    },

    get(version: string, key: string, now: number): CachedResponse | undefined {
      if (!config().responseCache.enabled) return undefined;
      const cache = entriesOf(version);
      const entry = cache.get(key);
      if (entry?.expiresAt !== undefined && now >= entry.expiresAt) {
        cache.delete(key);
        return undefined;
      }
      if (typeof entry?.body === 'string' && entry.body.length >= BYTES_FROM) entry.body = Buffer.from(entry.body);
      return entry;
    },

    set(version: string, key: string, entry: CachedResponse): void {
      // A body read under a version another request has already seen replaced is not kept.
      if (!config().responseCache.enabled || (entriesVersion !== null && version !== entriesVersion)) return;
      // The bound counts keys too: otherwise many long filters with small answers would fill memory.
      if (key.length > MAX_KEY_LENGTH) return;
      entriesOf(version).set(key, { ...entry, bytes: entryWeight(key, entry.bytes) });
    },

    /** How much is kept: entries and bytes. */
    usage(): { entries: number; bytes: number } {
      return { entries: entries?.size ?? 0, bytes: entries?.bytes ?? 0 };
    },
  };
};
