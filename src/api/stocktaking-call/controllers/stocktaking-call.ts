/**
 * stocktaking-call controller: the core actions, and `current` for the calls open now.
 */

import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../../../plugins/deadlines/server/get-service';

const CALLS = 'api::stocktaking-call.stocktaking-call';

export default factories.createCoreController(CALLS, ({ strapi }) => ({
  async current(ctx: Context) {
    await this.validateQuery!(ctx);
    const query = (await this.sanitizeQuery!(ctx)) as Record<string, unknown>;
    const { results } = (await strapi.service(CALLS).find({ ...query, pagination: { page: 1, pageSize: 100 } } as never)) as {
      results: { documentId: string }[];
    };
    const now = getService(strapi, 'clock').now();
    const open = await getService(strapi, 'windows').openNow(
      CALLS,
      results.map((call) => call.documentId),
      now,
    );
    const current = results.filter((call) => open.has(call.documentId));
    const sanitized = await this.sanitizeOutput!(current, ctx);
    return this.transformResponse!(sanitized, { pagination: { page: 1, pageSize: current.length, pageCount: 1, total: current.length } });
  },
}));
