import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { canonicalQuery, matchingVersionEtag } from '../../domain/response-cache';
import { getService } from '../get-service';
import { hasCredentials, isCoreRead, type VersionedRead } from '../utils/request';

/** Only published content: Strapi reads drafts for any `status` but `published` (and api-guard refuses them anonymously). */
const readsPublished = (query: Record<string, unknown> | undefined) => query?.status === undefined || query.status === 'published';

/**
 * What the anonymous caller may read: Strapi strips populated relations to types the Public role
 * cannot read, so a body depends on the role's permissions as well as on content. The
 * users-permissions strategy reads them on every request (its ability's rules); a change of
 * permissions is a change of key.
 */
const permissionsDigest = (ctx: Context) => {
  const rules = (ctx.state.auth as { ability?: { rules?: unknown[] } } | undefined)?.ability?.rules ?? [];
  // In any order the database lists them.
  return createHash('sha1')
    .update(
      rules
        .map((rule) => canonicalQuery(rule))
        .sort()
        .join('\n'),
    )
    .digest('base64url');
};

/**
 * A route middleware of the core `find` and `findOne` routes of every `api::` content type
 * (attached in register()): Strapi runs it after authenticating and authorising the route, so a
 * caller the route refuses gets its refusal, never a 304 or a kept body. For an anonymous read of
 * published content it reads the content version (one small query), then answers without running
 * the controller:
 * - 304 to an `If-None-Match` holding the version ETag of this request that has not expired;
 * - the kept body of this version and request, if any and not expired (unless the request says
 *   `Cache-Control: no-cache`).
 * Otherwise the route runs, and the global `conditional-get` middleware, outside everything that
 * shapes the body (the deadlines plugin's windows), tags and keeps the final body.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const route = ctx.state.route as { handler?: unknown } | undefined;
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !isCoreRead(route?.handler) || hasCredentials(ctx) || !readsPublished(ctx.query))
      return next();

    // A private bucket's media URLs are signed for each response and expire: such a body is not
    // kept, nor validated by the version.
    if (await (strapi.plugin('upload')?.provider as { isPrivate?: () => unknown } | undefined)?.isPrivate?.()) return next();

    const key = `${ctx.path}?${canonicalQuery(ctx.query)}#${permissionsDigest(ctx)}`;
    const { version } = await getService(strapi, 'content-version').current();
    const cache = getService(strapi, 'response-cache');
    const now = cache.now();

    const unchanged = matchingVersionEtag(ctx.get('If-None-Match'), version, key, now);
    if (unchanged) {
      ctx.status = 304;
      ctx.set('ETag', unchanged);
      return;
    }
    // `Cache-Control: no-cache` asks for an answer validated by the origin: the query runs (its
    // answer is kept for the next reader). The ETag above is such a validation, the kept body is not.
    const kept = /\bno-cache\b/i.test(ctx.get('Cache-Control')) ? undefined : cache.get(version, key, now);
    if (kept) {
      ctx.status = 200;
      ctx.body = kept.body;
      ctx.type = kept.contentType;
      ctx.set('ETag', kept.etag);
      if (kept.lastModified) ctx.set('Last-Modified', kept.lastModified);
      return;
    }
    // HEAD bodies are not what GET sends (the deadlines plugin computes windows for GET only): not kept.
    if (ctx.method === 'GET') ctx.state.httpCache = { version, key } satisfies VersionedRead;
    return next();
  };
