import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { FeedsConfig } from '../config';
import { getService } from '../get-service';
import { publicBaseUrl } from '../../../shared/request';

/** One action per configured feed (`plugin::feeds.feeds.<name>`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const names = Object.keys((strapi.config.get('plugin::feeds') as FeedsConfig).feeds ?? {});
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (ctx: Context) => {
        const locale = await getService(strapi, 'documents').requestLocale(ctx.query.locale);
        const request = { locale, query: ctx.query, auth: ctx.state.auth, baseUrl: publicBaseUrl(strapi, ctx) };
        const { body, lastModified } = await getService(strapi, 'feeds').render(name, request);
        ctx.type = 'application/rss+xml; charset=utf-8';
        if (lastModified) ctx.set('Last-Modified', lastModified.toUTCString());
        ctx.body = body;
      },
    ]),
  );
};
