import type { Context } from 'koa';

/** Whether a request carries credentials (a user's JWT, an API token): its response is private. */
export const hasCredentials = (ctx: Context) =>
  Boolean(ctx.get('Authorization') || (ctx.state.auth as { credentials?: unknown } | undefined)?.credentials || ctx.state.user);

export const isStream = (body: unknown) => typeof (body as { pipe?: unknown } | null)?.pipe === 'function';

/** The core list and single-document reads of a content type (`api::event.event.find`), not custom routes. */
export const isCoreRead = (handler: unknown) => typeof handler === 'string' && /^api::[^.]+\.[^.]+\.(find|findOne)$/.test(handler);

/**
 * What the route-level `response-cache` middleware leaves in `ctx.state.httpCache` for a response it
 * did not answer: the content version it read and the request's key, for `conditional-get` to tag
 * and keep the final body.
 */
export interface VersionedRead {
  version: string;
  key: string;
}
