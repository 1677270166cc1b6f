import type { Core } from '@strapi/strapi';

/** The public origin that links and file URLs are resolved against: `server.url`, else the request's. */
export function publicBaseUrl(strapi: Core.Strapi, ctx: { origin: string }): string {
  return String(strapi.config.get('server.url', '') || ctx.origin).replace(/\/+$/, '');
}

/** Whether a request carries credentials (a user's JWT, an API token): its response is private. */
export function hasCredentials(ctx: { get(name: string): string; state: { auth?: { credentials?: unknown } } }): boolean {
  return Boolean(ctx.get('Authorization') || ctx.state.auth?.credentials);
}
