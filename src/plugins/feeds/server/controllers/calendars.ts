import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FeedsConfig } from '../config';
import { getService } from '../get-service';

/** One action per configured calendar (`plugin::feeds.calendars.<name>`), so each has its own permission. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = Object.keys((strapi.config.get('plugin::feeds') as FeedsConfig).calendars ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx: Context) => {
        const locale = await getService(strapi, 'documents').requestLocale(ctx.query.locale);
        const request = { locale, query: ctx.query, params: ctx.params as Record<string, string>, auth: ctx.state.auth };
        const { body, lastModified } = await getService(strapi, 'calendars').render(name, request);
        ctx.type = 'text/calendar; charset=utf-8';
        if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());
        ctx.body = body;
      },
    ]),
  );
};
