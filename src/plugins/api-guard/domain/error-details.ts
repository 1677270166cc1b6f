import { isPlainObject } from './models';

/**
 * The details of a validation error as the content API answers them. Strapi's validation puts
 * the value it checked in each of `details.errors[]`: for a relation that does not exist, that is
 * the whole entity as the server was about to write it, the server-set fields included (the
 * private owner of a submission, internal row ids of its relations). The problems are told by
 * `path`, `message` and `name`; the values are left out.
 */
export function withoutCheckedValues(details: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(details.errors)) return details;
  return {
    ...details,
    errors: details.errors.map((entry) => {
      if (!isPlainObject(entry)) return entry;
      const { value: _value, ...rest } = entry;
      return rest;
    }),
  };
}
