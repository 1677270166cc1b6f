const HTML_TAG = /<[^>]*>/g;
const HTML_ENTITY = /&(#\d+|#x[\da-f]+|[a-z]+);/gi;
// The target of a Markdown link or image ('[text](https://...)'): the text is counted, the URL is not.
const MARKDOWN_LINK_TARGET = /\]\([^)]*\)/g;

/**
 * Counts words with Intl.Segmenter (word granularity, word-like segments), so Chinese (no spaces) and Arabic
 * are counted sensibly; `locale` is a hint ('zh', 'ar', 'en', ...). Markdown and HTML markup is not counted.
 */
export function countWords(text: unknown, locale = 'en'): number {
  if (typeof text !== 'string' || text === '') return 0;

  const prose = text.replace(HTML_TAG, ' ').replace(HTML_ENTITY, ' ').replace(MARKDOWN_LINK_TARGET, '] ');
  let count = 0;
  for (const segment of wordSegmenter(locale).segment(prose)) {
    if (segment.isWordLike) count += 1;
  }
  return count;
}

function wordSegmenter(locale: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(locale, { granularity: 'word' });
  } catch {
    // A malformed locale hint (RangeError) should not make a submission fail: fall back to the default rules.
    return new Intl.Segmenter(undefined, { granularity: 'word' });
  }
}
