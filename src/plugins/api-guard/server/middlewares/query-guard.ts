import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePagination } from '../../domain/pagination';
import { MAX_DEPTH, nestsDeeperThan, pathOfInheritedName, pathOfNulCharacter } from '../../domain/text';
import { asStrapiError } from '../errors';
import type { Context, Next } from 'koa';
import { localeCodes, recentLocaleCodes } from '../../../shared/i18n';

/**
 * Query parameters that Strapi would silently misread get a 400 on every route under /api: an
 * unknown `locale` (Strapi answers an empty 200) and pagination that is not a positive integer
 * (Strapi falls back to defaults on text and reads `limit=-1` as "everything"), and NUL characters
 * in the path, the query or the body (PostgreSQL answers them with a 500), and the names every object inherits
 * where the query names fields (`fields=hasOwnProperty` passes Strapi's validation and fails in SQL)
 * and as keys of the body (`data.hasOwnProperty` fails in Strapi's payload handling).
 * A body nested deeper than 64 levels is refused before anything walks it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/api/')) {
      // First: every check below, and Strapi's, walks the body recursively.
      if (nestsDeeperThan(ctx.request.body))
        throw new errors.ValidationError(`The request body nests deeper than ${MAX_DEPTH} levels`, { code: 'INVALID_BODY' });
      // A path segment is a parameter too (a documentId, a calendar's slug): the router decodes %00.
      if (/%00/.test(ctx.path) || ctx.path.includes('\u0000')) {
        throw new errors.ValidationError('The path holds a NUL character (U+0000), which text cannot contain', { code: 'INVALID_PATH' });
      }
      refuseNulCharacters(ctx.query, 'INVALID_QUERY');
      refuseNulCharacters(ctx.request.body, 'INVALID_INPUT');
      refuseInheritedNames(ctx.query, 'INVALID_QUERY');
      refuseInheritedNames(ctx.request.body, 'INVALID_INPUT', { keysOnly: true });
      await refuseUnknownLocale(strapi, ctx.query?.locale);
      const { defaultLimit = 25, maxLimit = 100 } = (strapi.config.get('api.rest') ?? {}) as { defaultLimit?: number; maxLimit?: number };
      try {
        parsePagination(ctx.query?.pagination, { defaultLimit, maxLimit });
      } catch (error) {
        throw asStrapiError(error);
      }
    }
    return next();
  };

async function refuseUnknownLocale(strapi: Core.Strapi, locale: unknown) {
  if (locale === undefined) return;
  let codes = await recentLocaleCodes(strapi);
  if (typeof locale === 'string' && !codes.includes(locale)) codes = await localeCodes(strapi);
  if (typeof locale !== 'string' || !codes.includes(locale)) {
    throw new errors.ValidationError(`Unknown locale "${String(locale)}". Use one of: ${codes.join(', ')}.`, {
      code: 'INVALID_LOCALE',
      locale,
      locales: codes,
    });
  }
}

function refuseNulCharacters(value: unknown, code: string) {
  const path = pathOfNulCharacter(value);
  if (path) throw new errors.ValidationError(`${path} holds a NUL character (U+0000), which text cannot contain`, { code, path });
}

function refuseInheritedNames(value: unknown, code: string, options: { keysOnly?: boolean } = {}) {
  const path = pathOfInheritedName(value, options);
  if (path) throw new errors.ValidationError(`${path} names a property every object has, not a field`, { code, path });
}
