export class InvalidFallbackError extends Error {
  constructor(
    message: string,
    readonly code: 'INVALID_LOCALE' | 'INVALID_FALLBACK',
    readonly locale?: string,
  ) {
    super(message);
  }
}

/**
 * `locale` then the locales of `fallbackLocale` (one code or a comma-separated chain), each
 * configured, none repeated: a chain that comes back to a locale it already tried is a loop.
 */
export function fallbackChain(locale: string, fallbackLocale: unknown, configured: string[]): string[] {
  if (typeof fallbackLocale !== 'string' || fallbackLocale.trim() === '') {
    throw new InvalidFallbackError('fallbackLocale must be a locale code or a comma-separated list of codes', 'INVALID_FALLBACK');
  }
  const chain = [locale, ...fallbackLocale.split(',').map((code) => code.trim())];
  for (const code of chain) {
    if (!configured.includes(code))
      throw new InvalidFallbackError(`Unknown locale "${code}". Use one of: ${configured.join(', ')}.`, 'INVALID_LOCALE', code);
  }
  if (chain[1] === locale)
    throw new InvalidFallbackError(`fallbackLocale "${locale}" is the requested locale itself`, 'INVALID_FALLBACK', locale);
  const seen = new Set<string>();
  for (const code of chain) {
    if (seen.has(code))
      throw new InvalidFallbackError(`The fallback chain ${chain.join(' → ')} loops back to "${code}"`, 'INVALID_FALLBACK', code);
    seen.add(code);
  }
  return chain;
}

export const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Fills the empty localized fields of `served` from the versions after it in the chain, and says
 * where each came from. A field whose text is a later version's text (`sameText`: copied, never
 * translated) is that version's too: served as it is, but not as the requested language.
 */
export function fillFromFallbacks(
  served: Record<string, unknown>,
  fallbacks: Record<string, unknown>[],
  localizedFields: string[],
  sameText: (field: string, served: unknown, fallback: unknown) => boolean = () => false,
) {
  const filled: Record<string, unknown> = { ...served };
  const fallbackFields: string[] = [];
  const fieldLocales: Record<string, unknown> = {};
  for (const field of localizedFields) {
    if (!(field in served)) continue;
    const empty = isEmpty(served[field]);
    const origin = fallbacks.find((candidate) => !isEmpty(candidate[field]) && (empty || sameText(field, served[field], candidate[field])));
    if (!origin) continue;
    filled[field] = empty ? origin[field] : served[field];
    fallbackFields.push(field);
    fieldLocales[field] = origin.locale;
  }
  return { filled, fallbackFields, fieldLocales };
}

export type SortSpec = { field: string; order: 'asc' | 'desc' }[];

/** Strapi's sort parameter (`title:asc`, `['title:desc', 'id']`, `{ title: 'asc' }`) as a list. */
export function parseSort(sort: unknown): SortSpec {
  if (sort === undefined || sort === null || sort === '') return [];
  const parts: unknown[] = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [sort];
  return parts.flatMap((part) => {
    if (typeof part === 'string') {
      const [field, order = 'asc'] = part.trim().split(':');
      return [{ field, order: order.toLowerCase() === 'desc' ? 'desc' : 'asc' } as const];
    }
    return Object.entries(part as Record<string, string>).map(
      ([field, order]) => ({ field, order: String(order).toLowerCase() === 'desc' ? 'desc' : 'asc' }) as const,
    );
  });
}
