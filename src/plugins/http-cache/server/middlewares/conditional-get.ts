import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { etagMatches, lastModifiedOf, strongEtag } from '../../domain/conditional';
import type { HttpCacheConfig } from '../config';

/** Whether a request carries credentials (a user's JWT, an API token): its response is private. */
const hasCredentials = (ctx: Context) =>
  Boolean(ctx.get('Authorization') || (ctx.state.auth as { credentials?: unknown } | undefined)?.credentials);

const isStream = (body: unknown) => typeof (body as { pipe?: unknown } | null)?.pipe === 'function';

/** Whether the response is a content-API read this middleware validates. */
function isContentRead(ctx: Context): boolean {
  const route = ctx.state?.route as { info?: { type?: string } } | undefined;
  return (
    (ctx.method === 'GET' || ctx.method === 'HEAD') && route?.info?.type === 'content-api' && (ctx.status === 200 || ctx.status === 304)
  );
}

/**
 * The strong ETag of the body as sent, set on the response; a JSON body is serialised here, once,
 * for the hash and the wire, and says when its newest document changed. Null for a body that is
 * streamed (its controller sets its own ETag) or absent.
 */
function hashBody(ctx: Context): string | null {
  const body: unknown = ctx.body;
  if (body === null || body === undefined || isStream(body)) return null;
  const bytes = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  if (typeof body === 'object' && !Buffer.isBuffer(body)) {
    ctx.body = bytes;
    ctx.type = 'application/json; charset=utf-8';
    const lastModified = lastModifiedOf(body);
    if (lastModified && !ctx.response.get('Last-Modified')) ctx.set('Last-Modified', lastModified.toUTCString());
  }
  const etag = strongEtag(bytes);
  ctx.set('ETag', etag);
  return etag;
}

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
  async (ctx: Context, next: Next) => {
    await next();
    if (!isContentRead(ctx)) return;

    const { cacheControl } = strapi.config.get('plugin::http-cache') as HttpCacheConfig;
    // Never shared-cacheable with credentials; without them, any cache may keep it for a while.
    ctx.set('Cache-Control', hasCredentials(ctx) ? cacheControl.authenticated : cacheControl.public);
    ctx.vary('Authorization');
    if (ctx.status === 304) return;

    const etag = ctx.response.get('ETag') || hashBody(ctx);
    if (!etag || !etagMatches(ctx.get('If-None-Match'), etag)) return;
    const stream = ctx.body as { destroy?: () => void } | null;
    if (stream && typeof stream.destroy === 'function') stream.destroy();
    ctx.status = 304;
  };
