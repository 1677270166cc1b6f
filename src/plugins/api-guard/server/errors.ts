import { errors } from '@strapi/utils';
import { GuardError } from '../domain/models';

/** The domain's refusals as Strapi errors: 400 with `details.code`. */
export function asStrapiError(error: unknown): unknown {
  if (error instanceof GuardError) return new errors.ValidationError(error.message, { code: error.code, ...error.details });
  return error;
}

/**
 * 403 DRAFTS_NOT_VISIBLE. A PolicyError, not a ForbiddenError: Strapi's authorize step turns any
 * other ForbiddenError thrown below it into a bare "Forbidden" without message or details.
 */
export const draftsNotVisible = (parameter: string) =>
  new errors.PolicyError(
    `Drafts are visible to editors only; omit \`${parameter}\`${parameter === 'status' ? ' or use `status=published`' : ''}.`,
    {
      code: 'DRAFTS_NOT_VISIBLE',
      parameter,
    },
  );
