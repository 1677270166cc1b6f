import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { LocaleMetadata } from './config';
import { getService } from './get-service';
import { followRows } from './search';
import { servedRowsOnly } from './fallback-rows';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const index = getService(strapi, 'search-index');
  const searchable = Object.keys(strapi.contentTypes).filter((uid) => index.searchable(uid));
  for (const uid of searchable) await index.ensureTable(uid);
  followRows(strapi, searchable);
  for (const uid of searchable) await index.synchronize(uid);
  servedRowsOnly(
    strapi,
    Object.keys(strapi.contentTypes).filter((uid) => getService(strapi, 'model').isLocalized(uid)),
  );

  // GET /api/i18n/locales also says how each locale is named in itself and written.
  const metadata = strapi.plugin('translations').config('locales') as LocaleMetadata[];
  strapi.server.router.use('/api/i18n/locales', async (ctx: Context, next: Next) => {
    await next();
    if (ctx.method !== 'GET' || !Array.isArray(ctx.body)) return;
    ctx.body = ctx.body.map((locale: { code: string }) => {
      const known = metadata.find((candidate) => candidate.code === locale.code);
      return { ...locale, nativeName: known?.nativeName ?? null, direction: known?.direction ?? 'ltr' };
    });
  });
};
