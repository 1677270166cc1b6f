import type { Core } from '@strapi/strapi';
import type { FeedsConfig } from '../config';
import { publicBaseUrl } from '../request';

/** One action per configured feed (`plugin::feeds.feeds.<name>`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const feeds = strapi.plugin('feeds');
  const names = Object.keys((strapi.config.get('plugin::feeds') as FeedsConfig).feeds ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx) => {
        const locale = await feeds.service('documents').requestLocale(ctx.query.locale);
        const { body, lastModified } = await feeds.service('feeds').render(name, { locale, query: ctx.query, auth: ctx.state.auth, baseUrl: publicBaseUrl(strapi, ctx) });
        ctx.type = 'application/rss+xml; charset=utf-8';
        if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());
        ctx.body = body;
      },
    ]),
  );
};
