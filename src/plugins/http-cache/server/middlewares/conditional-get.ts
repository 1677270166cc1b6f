import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { etagMatches, lastModifiedOf, strongEtag } from '../../domain/conditional';
import { bodyWeight, versionEtag } from '../../domain/response-cache';
import type { HttpCacheConfig } from '../config';
import { getService } from '../get-service';
import { hasCredentials, isStream, type VersionedRead } from '../utils/request';

/** Whether the response is a content-API read this middleware validates. */
function isContentRead(ctx: Context): boolean {
  const route = ctx.state?.route as { info?: { type?: string } } | undefined;
  return (
    (ctx.method === 'GET' || ctx.method === 'HEAD') && route?.info?.type === 'content-api' && (ctx.status === 200 || ctx.status === 304)
  );
}

/**
 * A JSON body serialised here, once, for the validator, the response cache and the wire, with the
 * time its newest document changed. Sent as text: Node encodes it into the socket write and frees
 * that copy once written (bytes made here would wait for a collection, and under load the memory
 * they leave grows the process). Null for a body that is streamed (its controller sets its own
 * ETag), absent, or already bytes.
 */
function serializeJson(ctx: Context): string | null {
  const body: unknown = ctx.body;
  if (body === null || body === undefined || typeof body !== 'object' || Buffer.isBuffer(body) || isStream(body)) return null;
  const text = JSON.stringify(body);
  ctx.body = text;
  ctx.type = 'application/json; charset=utf-8';
  const lastModified = lastModifiedOf(body);
  if (lastModified && !ctx.response.get('Last-Modified')) ctx.set('Last-Modified', lastModified.toUTCString());
  return text;
}

/** The first instant (epoch ms) at which something computed in the body changes, as the deadlines plugin says. */
const contentChangesAt = (ctx: Context): number | undefined => {
  const at = (ctx.state as { contentChangesAt?: unknown }).contentChangesAt;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
};

/**
 * Conditional GETs for the whole content API, as one global middleware: it runs around every
 * route and every other middleware (the deadlines plugin adds a computed `window` to bodies after
 * the controller), so it sees the final bytes.
 * - An anonymous read the route-level `response-cache` middleware let through (`ctx.state.httpCache`)
 *   gets the weak version ETag, known before the body (with the instant the body changes with time),
 *   and its body is kept for the next such request.
 * - Any other JSON body gets a strong ETag, the hash of its bytes.
 * - A streamed body keeps the ETag its controller set.
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

    let etag = ctx.response.get('ETag');
    if (!etag) {
      const text = serializeJson(ctx);
      const read = ctx.state.httpCache as VersionedRead | undefined;
      // `contentIncomplete`: a plugin could not finish the body (a transient failure): not kept, not version-tagged.
      if (text !== null && read && !hasCredentials(ctx) && !ctx.state.contentIncomplete) {
        const expiresAt = contentChangesAt(ctx);
        etag = versionEtag(read.version, read.key, expiresAt);
        getService(strapi, 'response-cache').set(read.version, read.key, {
          body: text,
          // Koa counted the text's bytes for Content-Length when it was set as the body.
          bytes: bodyWeight(text, ctx.response.length ?? Buffer.byteLength(text)),
          etag,
          contentType: ctx.response.get('Content-Type'),
          lastModified: ctx.response.get('Last-Modified') || null,
          expiresAt,
        });
      } else {
        const raw = text ?? (typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body) ? ctx.body : null);
        etag = raw === null ? '' : strongEtag(raw);
      }
      if (etag) ctx.set('ETag', etag);
    }
    if (!etag || !etagMatches(ctx.get('If-None-Match'), etag)) return;
    const stream = ctx.body as { destroy?: () => void } | null;
    if (stream && typeof stream.destroy === 'function') stream.destroy();
    ctx.status = 304;
  };
