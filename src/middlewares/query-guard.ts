import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const PAGINATION_KEYS = ['page', 'pageSize', 'start', 'limit'];
const INTEGER = /^-?\d+$/;

/**
 * Query parameters that Strapi would silently ignore get a 400 instead: an unknown `locale`
 * (Strapi answers an empty 200) and non-numeric pagination (Strapi falls back to defaults).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) {
      await refuseUnknownLocale(strapi, ctx.query?.locale);
      refuseMalformedPagination(ctx.query?.pagination);
    }
    return next();
  };

async function refuseUnknownLocale(strapi: Core.Strapi, locale: unknown) {
  if (locale === undefined) return;
  const codes: string[] = (await strapi.plugin('i18n').service('locales').find()).map((entry) => entry.code);
  if (typeof locale !== 'string' || !codes.includes(locale)) {
    throw new errors.ValidationError(`Unknown locale "${String(locale)}". Use one of: ${codes.join(', ')}.`, {
      code: 'INVALID_LOCALE',
      locale,
      locales: codes,
    });
  }
}

function refuseMalformedPagination(pagination: unknown) {
  if (pagination === undefined) return;
  const entries: [string, unknown][] =
    typeof pagination === 'object' && pagination !== null ? Object.entries(pagination) : [['pagination', pagination]];
  for (const [key, value] of entries) {
    if (!PAGINATION_KEYS.includes(key) || typeof value !== 'string' || !INTEGER.test(value)) {
      throw new errors.ValidationError(`Invalid pagination parameter "${key}": use page and pageSize (or start and limit) as integers.`, {
        code: 'INVALID_PAGINATION',
        parameter: key,
      });
    }
  }
}
