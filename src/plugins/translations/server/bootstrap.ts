import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { LocaleMetadata } from './config';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const uid of Object.keys(strapi.contentTypes).filter((candidate) => getService(strapi, 'model').isLocalized(candidate))) {
    await getService(strapi, 'derived-fields').backfill(uid);
  }

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
