/**
 * stocktaking-call controller: the core actions, and `current` for the calls open now.
 */

import { factories } from '@strapi/strapi';
import type { Context } from 'koa';

const CALLS = 'api::stocktaking-call.stocktaking-call';

interface Windows {
  openNow(uid: string, documentIds: string[], now: unknown): Promise<Set<string>>;
}

export default factories.createCoreController(CALLS, ({ strapi }) => ({
  async current(ctx: Context) {
    await this.validateQuery!(ctx);
    const query = (await this.sanitizeQuery!(ctx)) as Record<string, unknown>;
    const { results } = (await strapi.service(CALLS).find({ ...query, pagination: { page: 1, pageSize: 100 } } as never)) as { results: { documentId: string }[] };
    const windows = strapi.plugin('deadlines').service('windows') as Windows;
    const now = strapi.plugin('deadlines').service('clock').now();
    const open = await windows.openNow(CALLS, results.map((call) => call.documentId), now);
    const current = results.filter((call) => open.has(call.documentId));
    const sanitized = await this.sanitizeOutput!(current, ctx);
    return this.transformResponse!(sanitized, { pagination: { page: 1, pageSize: current.length, pageCount: 1, total: current.length } });
  },
}));
