import { errors } from '@strapi/utils';

export type RefusalCode = 'WINDOW_NOT_OPEN' | 'WINDOW_CLOSED' | 'EDIT_PERIOD_OVER';

/**
 * 403 with a machine-readable code. A PolicyError, because Strapi's authorize step replaces any
 * other ForbiddenError thrown below it with a bare "Forbidden" (no message, no details).
 */
export const refused = (code: RefusalCode, message: string, details: Record<string, unknown>) =>
  new errors.PolicyError(message, { code, ...details });

/** 400: the window itself, or what points at it, is wrong. */
export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { code, ...details });
