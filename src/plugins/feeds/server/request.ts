import type { Core } from '@strapi/strapi';

/** The public origin that links and file URLs are resolved against: `server.url`, else the request's. */
export function publicBaseUrl(strapi: Core.Strapi, ctx: { origin: string }): string {
  return String(strapi.config.get('server.url', '') || ctx.origin).replace(/\/+$/, '');
}
