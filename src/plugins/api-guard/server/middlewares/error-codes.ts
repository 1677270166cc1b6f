import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { withoutCheckedValues } from '../../domain/error-details';

/**
 * Every 400 of the content API says what kind of input was wrong in `details.code`, Strapi's and
 * koa's own too: a body that is not JSON (INVALID_BODY), a query or a payload Strapi's validation
 * refused (INVALID_QUERY, INVALID_INPUT). Placed right after `strapi::errors`, which formats them.
 * The values Strapi's validation checked are left out of the details (they may be the entity as
 * the server was about to store it, with its private fields).
 */
export default () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    if (!ctx.path.startsWith('/api/')) throw error;
    if (error instanceof errors.ValidationError) {
      const details = withoutCheckedValues((error.details ?? {}) as Record<string, unknown>);
      error.details = details.code ? details : { ...details, code: details.source === 'query' ? 'INVALID_QUERY' : 'INVALID_INPUT' };
      throw error;
    }
    const { status, name } = error as { status?: number; name?: string };
    if (status === 400 && name === 'SyntaxError')
      throw new errors.ValidationError('The request body is not valid JSON', { code: 'INVALID_BODY' });
    throw error;
  }
};
