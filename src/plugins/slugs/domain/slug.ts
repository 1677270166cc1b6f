import { createHash } from 'crypto';
import slugify from 'slugify';
import { transliterate } from 'transliteration';

const MAX_SLUG_LENGTH = 80;
// Slugs are made before Strapi checks the title's length (at most 255): a longer text is read up to this length.
const MAX_SOURCE_LENGTH = 1000;

/**
 * A readable ASCII slug for a title in any of the six UN languages: Latin, Cyrillic and Arabic
 * are transliterated, Chinese becomes pinyin. Empty when nothing readable remains.
 */
export function slugFromText(text: unknown): string {
  if (typeof text !== 'string') return '';
  const slug = slugify(transliterate(text.slice(0, MAX_SOURCE_LENGTH).normalize('NFC')), { lower: true, strict: true, trim: true });
  return trimToLength(slug, MAX_SLUG_LENGTH);
}

/** A short id derived from the text, stable across runs, for text that has no readable slug. */
export function stableSlugId(prefix: string, text: unknown): string {
  const hash = createHash('sha1')
    .update(String(text ?? ''))
    .digest('hex')
    .slice(0, 10);
  return `${slugify(prefix, { lower: true, strict: true }) || 'item'}-${hash}`;
}

/** The first of `base`, `base-2`, `base-3`, ... that is not taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${trimToLength(base, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

function trimToLength(slug: string, max: number): string {
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-+[^-]*$/, '') || slug.slice(0, max);
}
