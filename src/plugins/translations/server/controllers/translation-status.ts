import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'status').report(ctx.query.contentType as string) };
  },

  async queue(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'status').queue(ctx.query.locale) };
  },
});
