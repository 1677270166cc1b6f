import type { Core } from '@strapi/strapi';
import type { FeedsConfig } from '../config';

/** One action per configured calendar (`plugin::feeds.calendars.<name>`), so each has its own permission. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = strapi.plugin('feeds');
  const names = Object.keys((strapi.config.get('plugin::feeds') as FeedsConfig).calendars ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx) => {
        const locale = await feeds.service('documents').requestLocale(ctx.query.locale);
        const { body, lastModified } = await feeds.service('calendars').render(name, { locale, query: ctx.query, params: ctx.params, auth: ctx.state.auth });
        ctx.type = 'text/calendar; charset=utf-8';
        if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());
        ctx.body = body;
      },
    ]),
  );
};
