/** Document Service actions that write. Reads (findOne, findMany, count) are never refused. */
export const WRITE_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete', 'clone']);

export type ScopeRefusal =
  { code: 'DELETE_NOT_ALLOWED' } | { code: 'TRANSLATION_NEEDS_SOURCE' } | { code: 'LOCALE_NOT_ALLOWED'; locales: string[] };

/**
 * The locales a Document Service call acts on, as Strapi reads its `locale` parameter: none means
 * the default locale, `'*'` every locale, a list each of its entries (bulk actions send lists).
 */
export function localesOfCall(locale: unknown, defaultLocale: string, allLocales: string[]): string[] {
  if (locale === '*') return allLocales;
  const requested = (Array.isArray(locale) ? locale : [locale]).filter((item): item is string => typeof item === 'string' && item !== '');
  return requested.length > 0 ? [...new Set(requested)] : [defaultLocale];
}

/**
 * Whether a translator of `allowed` may make this call at all, before looking at its data:
 * nobody translates by deleting, every document starts in the source language (written by an
 * editor), and a translator writes, publishes and unpublishes their own locales only.
 */
export function scopeRefusal(
  call: { action: string; locales: string[]; createsDocument: boolean },
  allowed: string[],
): ScopeRefusal | null {
  if (call.action === 'delete') return { code: 'DELETE_NOT_ALLOWED' };
  if (call.createsDocument) return { code: 'TRANSLATION_NEEDS_SOURCE' };
  const outside = call.locales.filter((locale) => !allowed.includes(locale));
  return outside.length > 0 ? { code: 'LOCALE_NOT_ALLOWED', locales: outside } : null;
}
