import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx) {
    const { json, etag } = await strapi.plugin('feeds').service('openapi').serialized();
    ctx.set('ETag', etag);
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = json;
  },
});
