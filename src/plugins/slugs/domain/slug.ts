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

/** The `n`th slug offered for `base`: `base` itself, then `base-2`, `base-3`, ... within the length limit. */
function slugCandidate(base: string, n: number): string {
  return n === 1 ? base : `${trimToLength(base, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
}

/** The candidates `from` .. `from + count - 1` for `base`. */
export function slugCandidates(base: string, from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => slugCandidate(base, from + i));
}

function trimToLength(slug: string, max: number): string {
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-+[^-]*$/, '') || slug.slice(0, max);
}
