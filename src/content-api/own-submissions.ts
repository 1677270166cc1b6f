import type { Core, UID } from '@strapi/strapi';

/**
 * `GET /api/<submissions>/mine`: the signed-in stakeholder's own submissions, drafts included
 * (their latest version), and nobody else's.
 */
export const ownSubmissionsAction = (strapi: Core.Strapi, uid: UID.ContentType, ownerField = 'submittedBy') =>
  async function mine(this: Core.CoreAPI.Controller.ContentType<UID.ContentType>, ctx) {
    const user = ctx.state.user as { id: number } | undefined;
    if (!user) return ctx.unauthorized('Sign in to see your submissions');
    await this.validateQuery(ctx);
    const query = (await this.sanitizeQuery(ctx)) as Record<string, unknown>;
    // The draft-visibility guard lets this one query through: it is scoped to the caller.
    ctx.state.ownDocumentsOnly = true;
    const filters = { $and: [query.filters ?? {}, { [ownerField]: { id: user.id } }] };
    const { results, pagination } = await strapi.service(uid).find({ ...query, filters, status: 'draft' } as never);
    const sanitized = await this.sanitizeOutput(results, ctx);
    return this.transformResponse(sanitized, { pagination });
  };
