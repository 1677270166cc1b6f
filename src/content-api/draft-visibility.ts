import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
// Strapi 5.54 names the content API's token strategy 'content-api-token' (earlier 5.x: 'api-token').
const API_TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/**
 * Strapi 5 honours `?status=draft` for anyone allowed to `find`, so the public could read
 * unpublished content (and stakeholders' submissions). On the content API only API tokens may
 * ask for drafts, and a controller that scoped its query to the caller's own submissions
 * (`ctx.state.ownDocumentsOnly`); everyone else gets a 403.
 */
export const draftsForApiTokensOnly =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const status = (context.params as { status?: string } | undefined)?.status;
    if (READ_ACTIONS.has(context.action) && status === 'draft') {
      const request = strapi.requestContext.get();
      const state = request?.state as
        | { route?: { info?: { type?: string } }; auth?: { strategy?: { name?: string } }; ownDocumentsOnly?: boolean }
        | undefined;
      const allowed = API_TOKEN_STRATEGIES.has(state?.auth?.strategy?.name ?? '') || state?.ownDocumentsOnly === true;
      if (state?.route?.info?.type === 'content-api' && !allowed) {
        // A PolicyError, not a ForbiddenError: Strapi's authorize step turns any other ForbiddenError
        // thrown below it into a bare "Forbidden" without message or details.
        throw new errors.PolicyError('Drafts are visible to editors only; omit `status` or use `status=published`.', {
          code: 'DRAFTS_NOT_VISIBLE',
        });
      }
    }
    return next();
  };
