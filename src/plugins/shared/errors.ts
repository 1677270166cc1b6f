import { errors } from '@strapi/utils';

type Details = Record<string, unknown>;

/** 400: the input is wrong. */
export const invalid = (code: string, message: string, details: Details = {}) => new errors.ValidationError(message, { code, ...details });

/**
 * 403 with a code. A PolicyError, not a ForbiddenError: Strapi's authorize step turns any other
 * ForbiddenError thrown below it into a bare "Forbidden" without message or details.
 */
export const refused = (code: string, message: string, details: Details = {}) => new errors.PolicyError(message, { code, ...details });

/** 404 with a code. */
export const notFound = (code: string, message: string, details: Details = {}) => new errors.NotFoundError(message, { code, ...details });
