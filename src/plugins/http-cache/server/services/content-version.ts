import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { ContentValidators, ContentVersionProvider } from '../../../shared/contracts';
import { etagMatches, weakEtag } from '../../domain/conditional';

const STORE = { type: 'plugin', name: 'http-cache' } as const;
const KEY = 'content-version';
/** The core store's own key for it (`<type>_<name>_<key>`). */
const STORED_KEY = `${STORE.type}_${STORE.name}_${KEY}`;

export interface ContentVersion {
  /** Changes with every write to content: a publish, update, unpublish, delete, creation. */
  version: string;
  /** When content last changed (ISO 8601), or null before the first write. */
  modifiedAt: string | null;
}

/**
 * One version for all content, kept in the database so that every instance on it agrees. A
 * streamed response (a CSV export) cannot hash its bytes before sending them: its ETag is
 * derived from this version and the request instead (`validators`, the `ContentVersionProvider`
 * other plugins are configured to use).
 */
/** Before the first write. */
const INITIAL: ContentVersion = Object.freeze({ version: 'initial', modifiedAt: null });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /**
     * Read on every anonymous content-API read: one indexed select of the stored value, not the
     * store's `get` (Strapi's query layer maps the whole row: about 160 µs of CPU against 80 µs on
     * SQLite). Inside a transaction the store reads through it, as any other read there must.
     */
    async current(): Promise<ContentVersion> {
      if (strapi.db.inTransaction()) {
        return ((await strapi.store(STORE).get({ key: KEY })) as ContentVersion | null) ?? INITIAL;
      }
      const { tableName } = strapi.db.metadata.get('strapi::core-store');
      const row = (await strapi.db
        .getConnection(tableName)
        .select('value')
        .where({ key: STORED_KEY })
        .whereNull('environment')
        .whereNull('tag')
        .first()) as { value: string | null } | undefined;
      return row?.value ? (JSON.parse(row.value) as ContentVersion) : INITIAL;
    },

    /** One UPDATE, after the write's commit (see register.ts; the store's own `set` reads the row before and after); the first write creates the row. */
    async bump(): Promise<void> {
      const value = { version: randomUUID(), modifiedAt: new Date().toISOString() } satisfies ContentVersion;
      const { count } = await strapi.db.query('strapi::core-store').updateMany({
        where: { key: STORED_KEY, environment: null, tag: null },
        data: { value: JSON.stringify(value), type: 'object' },
      });
      if (count === 0) await strapi.store(STORE).set({ key: KEY, value });
    },

    async validators(key: string, ifNoneMatch: string | undefined): Promise<ContentValidators> {
      const { version, modifiedAt } = await service.current();
      const etag = weakEtag(version, key);
      return { etag, lastModified: modifiedAt ? new Date(modifiedAt) : null, notModified: etagMatches(ifNoneMatch, etag) };
    },
  };
  return service satisfies ContentVersionProvider;
};
