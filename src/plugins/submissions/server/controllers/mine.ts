import type { Core, UID } from '@strapi/strapi';
import { markOwnDocumentsOnly } from '../../../shared/request';

interface CoreController {
  validateQuery(ctx: unknown): Promise<void>;
  sanitizeQuery(ctx: unknown): Promise<Record<string, unknown>>;
  sanitizeOutput(data: unknown, ctx: unknown): Promise<unknown>;
  transformResponse(data: unknown, meta?: unknown): unknown;
}

/**
 * `GET /api/<type>/mine`: the signed-in stakeholder's own submissions, drafts included (their
 * latest version), and nobody else's. Added to the type's controller; the app declares the route.
 */
export const mineAction = (strapi: Core.Strapi, uid: string, owner: string) =>
  async function mine(
    this: CoreController,
    ctx: { state: Record<string, unknown> & { user?: { id: number } }; unauthorized: (message: string) => unknown },
  ) {
    const user = ctx.state.user;
    if (!user) return ctx.unauthorized('Sign in to see your submissions');
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    markOwnDocumentsOnly(ctx);
    const filters = { $and: [query.filters ?? {}, { [owner]: { id: user.id } }] };
    const service = strapi.service(uid as UID.Service) as { find(params: unknown): Promise<{ results: unknown[]; pagination: unknown }> };
    const { results, pagination } = await service.find({ ...query, filters, status: 'draft' });
    return this.transformResponse(await this.sanitizeOutput(results, ctx), { pagination });
  };
