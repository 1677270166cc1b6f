import { errors } from '@strapi/utils';

/** 400 in Strapi's envelope, with a machine-readable `details.code`. */
export const invalid = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { code, ...details });

/** 404 in Strapi's envelope. */
export const notFound = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.NotFoundError(message, { code, ...details });
