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
