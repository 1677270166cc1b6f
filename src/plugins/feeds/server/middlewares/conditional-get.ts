import type { Core } from '@strapi/strapi';
import { etagMatches, newest, strongEtag } from '../../domain/conditional';
import type { FeedsConfig } from '../config';
import { hasCredentials } from '../request';

type Entity = { updatedAt?: string | Date };

/**
 * Conditional GETs for the whole content API, as one global middleware: it runs around every
 * route and every other middleware (the deadlines plugin adds a computed `window` to bodies after
 * the controller), so the ETag is the hash of the final bytes. A publish, update or unpublish
 * changes those bytes, hence the ETag. A streamed body keeps the ETag its controller set.
 *
 * Only If-None-Match is honoured: computed fields (a window's state) change with time alone, so
 * a date cannot say that a response is unchanged.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx, next) => {
    await next();
    const route = ctx.state?.route as { info?: { type?: string } } | undefined;
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || route?.info?.type !== 'content-api') return;
    if (ctx.status !== 200 && ctx.status !== 304) return;

    const { cacheControl } = strapi.config.get('plugin::feeds') as FeedsConfig;
    // Never shared-cacheable with credentials; without them, any cache may keep it for a while.
    ctx.set('Cache-Control', hasCredentials(ctx) ? cacheControl.authenticated : cacheControl.public);
    ctx.vary('Authorization');
    if (ctx.status === 304) return;

    let etag = ctx.response.get('ETag') as string;
    if (!etag) {
      const body = ctx.body;
      if (body === null || body === undefined || typeof (body as { pipe?: unknown }).pipe === 'function') return;
      const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        // Send the bytes that were hashed (and serialise once).
        ctx.body = bytes;
        ctx.type = 'application/json; charset=utf-8';
        const data = (body as { data?: Entity | Entity[] }).data;
        const lastModified = newest((Array.isArray(data) ? data : data ? [data] : []).map((entity) => entity?.updatedAt));
        if (lastModified && !ctx.response.get('Last-Modified')) ctx.set('Last-Modified', lastModified.toUTCString());
      }
      etag = strongEtag(bytes);
      ctx.set('ETag', etag);
    }

    if (etagMatches(ctx.get('If-None-Match'), etag)) {
      const stream = ctx.body as { destroy?: () => void } | null;
      if (stream && typeof stream.destroy === 'function') stream.destroy();
      ctx.status = 304;
    }
  };
