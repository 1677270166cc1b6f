import { errors } from '@strapi/utils';
import { failed, type Checked, type InputCode } from '../domain/account-input';

/** 400 in Strapi's envelope, with `details.code` (and `details.field` when one parameter is at fault). */
export const invalid = (code: InputCode | string, message: string, field?: string) =>
  new errors.ValidationError(message, field ? { code, field } : { code });

/** The checked value, or a 400 saying what is wrong with the input. */
export function valid<T>(checked: Checked<T>): T {
  if (failed(checked)) throw invalid(checked.problem.code, checked.problem.message, checked.problem.field);
  return checked.value;
}
