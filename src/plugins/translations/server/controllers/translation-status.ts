import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx) {
    ctx.body = { data: await strapi.plugin('translations').service('status').report(ctx.query.contentType) };
  },
});
