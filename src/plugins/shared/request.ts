import type { Core } from '@strapi/strapi';

/**
 * A controller whose query is scoped to the caller's own documents (a stakeholder's `/mine`) says
 * so for the rest of the request: readers of published content may then read those drafts.
 */
export function markOwnDocumentsOnly(ctx: { state: Record<string, unknown> }) {
  ctx.state.ownDocumentsOnly = true;
}

export function readsOwnDocumentsOnly(strapi: Core.Strapi): boolean {
  return (strapi.requestContext.get()?.state as { ownDocumentsOnly?: boolean } | undefined)?.ownDocumentsOnly === true;
}

/** The public origin that links and file URLs are resolved against: `server.url`, else the request's. */
export function publicBaseUrl(strapi: Core.Strapi, ctx: { origin: string }): string {
  return String(strapi.config.get('server.url', '') || ctx.origin).replace(/\/+$/, '');
}
