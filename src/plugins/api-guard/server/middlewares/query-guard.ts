import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePagination } from '../../domain/pagination';
import { asStrapiError } from '../errors';

/**
 * Query parameters that Strapi would silently misread get a 400 on every route under /api: an
 * unknown `locale` (Strapi answers an empty 200) and pagination that is not a positive integer
 * (Strapi falls back to defaults on text and reads `limit=-1` as "everything"). Strapi's own 400s
 * (unknown parameters, invalid fields) get a `details.code` too: INVALID_QUERY or INVALID_INPUT.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) {
      await refuseUnknownLocale(strapi, ctx.query?.locale);
      const { defaultLimit = 25, maxLimit = 100 } = (strapi.config.get('api.rest') ?? {}) as { defaultLimit?: number; maxLimit?: number };
      try {
        parsePagination(ctx.query?.pagination, { defaultLimit, maxLimit });
      } catch (error) {
        throw asStrapiError(error);
      }
    }
    try {
      return await next();
    } catch (error) {
      if (error instanceof errors.ValidationError) {
        const details = (error.details ?? {}) as Record<string, unknown>;
        if (!details.code) error.details = { ...details, code: details.source === 'query' ? 'INVALID_QUERY' : 'INVALID_INPUT' };
      }
      throw error;
    }
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
