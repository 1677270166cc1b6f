/**
 * The form in which text is stored and searched: lowercase, without diacritics (Latin accents,
 * Arabic harakat), Arabic letter variants folded (أ إ آ → ا, ى → ي, tatweel dropped), spaces
 * collapsed. Chinese and Cyrillic pass through lowercased. Markup is dropped.
 */
/** Bump when `normalize` changes: stored search texts are made again at boot. */
export const SEARCH_TEXT_VERSION = 1;

export function toSearchText(...values: unknown[]): string {
  return values
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
    .map(normalize)
    .join(' ')
    .trim();
}

export function normalize(text: string): string {
  return (
    text
      // A tag holds no '<': `[^>]*` rescanned the rest of the text from every '<' (quadratic, minutes for 1 MB of '<').
      .replace(/<[^<>]*>/g, ' ')
      .replace(/[*_`#>[\]()!]/g, ' ')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ـ/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A search query in the same form, with SQL LIKE wildcards neutralised. */
export const toSearchQuery = (query: string): string =>
  normalize(query)
    .replace(/[%_\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
