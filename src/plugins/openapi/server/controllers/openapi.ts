import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx: Context) {
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = await getService(strapi, 'document').serialized();
  },
});
