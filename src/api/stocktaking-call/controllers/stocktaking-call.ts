/**
 * stocktaking-call controller: the core actions, and `current` for the calls open now.
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::stocktaking-call.stocktaking-call', ({ strapi }) => ({
  async current(ctx) {
    await this.validateQuery(ctx);
    const query = (await this.sanitizeQuery(ctx)) as Record<string, unknown>;
    const { results } = await strapi.service('api::stocktaking-call.stocktaking-call').find({ ...query, pagination: { page: 1, pageSize: 100 } } as never);
    const windows = strapi.plugin('deadlines').service('windows');
    const now = strapi.plugin('deadlines').service('clock').now();
    const sources = await windows.loadSources('api::stocktaking-call.stocktaking-call', results.map((call) => call.documentId));
    const open = results.filter((call) => {
      const source = sources.get(call.documentId);
      return source && windows.summarize(source.window, now).state === 'open';
    });
    const sanitized = await this.sanitizeOutput(open, ctx);
    return this.transformResponse(sanitized, { pagination: { page: 1, pageSize: open.length, pageCount: 1, total: open.length } });
  },
}));
