import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi answers an unknown `?locale=` with an empty 200; API consumers get a 400 that names the
 * configured locales instead.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx, next) => {
    const locale = ctx.query?.locale;
    if (locale !== undefined && ctx.path.startsWith('/api/')) {
      const codes = (await strapi.plugin('i18n').service('locales').find()).map((entry) => entry.code);
      if (typeof locale !== 'string' || !codes.includes(locale)) {
        throw new errors.ValidationError(`Unknown locale "${String(locale)}". Use one of: ${codes.join(', ')}.`, {
          code: 'INVALID_LOCALE',
          locale,
          locales: codes,
        });
      }
    }
    return next();
  };
