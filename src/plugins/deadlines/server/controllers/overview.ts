import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

/** The admin's deadlines at a glance: open and upcoming windows (`?includeClosed=true`: all), titles in `?locale=`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'overview').list({
        includeClosed: ctx.query.includeClosed === 'true',
        locale: typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined,
      }),
    };
  },
});
