import { errors } from '@strapi/utils';

export type RefusalCode =
  'LOCALE_NOT_ALLOWED' | 'DELETE_NOT_ALLOWED' | 'FIELD_NOT_TRANSLATABLE' | 'TRANSLATION_NEEDS_SOURCE' | 'NOT_REVIEWED';

/**
 * 403 with a machine-readable code. A PolicyError, because Strapi's authorize step replaces any
 * other ForbiddenError thrown below it with a bare "Forbidden" (no message, no details).
 */
export const refused = (code: RefusalCode, message: string, details: Record<string, unknown> = {}) =>
  new errors.PolicyError(message, { code, ...details });
