import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

/** The admin's moderation: what waits for review, a submission's history, and the review actions. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async queue(ctx: Context) {
    const { contentType, group, locale } = ctx.query;
    ctx.body = { data: await getService(strapi, 'review').queue({ contentType, group, locale }) };
  },

  async history(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'review').history(ctx.params.contentType, ctx.params.documentId) };
  },

  async act(ctx: Context) {
    const { action, reason } = (ctx.request.body ?? {}) as { action?: unknown; reason?: unknown };
    ctx.body = { data: await getService(strapi, 'review').act(ctx.params.contentType, ctx.params.documentId, action, reason) };
  },
});
