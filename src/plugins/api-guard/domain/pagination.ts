import { GuardError, isPlainObject } from './models';

const KEYS = ['page', 'pageSize', 'start', 'limit'] as const;
type Key = (typeof KEYS)[number];
const INTEGER = /^\d{1,9}$/;
const MINIMUM: Record<Key, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

export interface Pagination {
  start: number;
  limit: number;
  page: number;
  pageSize: number;
}

/**
 * `pagination[...]` as the REST API accepts it: page and pageSize, or start and limit, as
 * non-negative integers (page and sizes from 1). Strapi reads `limit=-1` as "no limit" and
 * falls back to defaults on text; both are refused. Sizes over `maxLimit` are lowered to it,
 * as Strapi does.
 */
export function parsePagination(raw: unknown, { defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number }): Pagination {
  const input: Partial<Record<Key, number>> = {};
  if (raw !== undefined) {
    if (!isPlainObject(raw)) throw invalidPagination('pagination', 'pagination takes page and pageSize, or start and limit');
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'withCount') {
        if (value !== 'true' && value !== 'false') throw invalidPagination(key, 'pagination[withCount] is true or false');
        continue;
      }
      if (!KEYS.includes(key as Key))
        throw invalidPagination(key, `Unknown pagination parameter "${key}": use page and pageSize, or start and limit`);
      if (typeof value !== 'string' || !INTEGER.test(value) || Number(value) < MINIMUM[key as Key]) {
        throw invalidPagination(key, `pagination[${key}] must be an integer of at least ${MINIMUM[key as Key]}`);
      }
      input[key as Key] = Number(value);
    }
  }
  const paged = input.page !== undefined || input.pageSize !== undefined;
  const offset = input.start !== undefined || input.limit !== undefined;
  if (paged && offset) throw invalidPagination('pagination', 'Use page and pageSize, or start and limit, not both');
  if (offset) {
    const limit = Math.min(input.limit ?? defaultLimit, maxLimit);
    const start = input.start ?? 0;
    return { start, limit, page: Math.floor(start / limit) + 1, pageSize: limit };
  }
  const pageSize = Math.min(input.pageSize ?? defaultLimit, maxLimit);
  const page = input.page ?? 1;
  return { start: (page - 1) * pageSize, limit: pageSize, page, pageSize };
}

const invalidPagination = (parameter: string, message: string) => new GuardError('INVALID_PAGINATION', message, { parameter });
