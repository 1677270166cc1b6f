// Every pattern stops at its own opening character, so no match attempt rescans the rest of the text (linear time).
const HTML_TAG = /<[^<>]*>/g;
const HTML_ENTITY = /&(#\d+|#x[\da-f]+|[a-z]+);/gi;
// The target of a Markdown link or image ('[text](https://...)'): the text is counted, the URL is not.
const MARKDOWN_LINK_TARGET = /\]\([^)\]]*\)/g;
// V8's Intl.Segmenter spends time proportional to the whole input on each segment (80,000 Chinese characters
// took minutes): text is segmented in windows of this many characters, plus a margin that gives the last
// words of a window their context before the next window starts at a word boundary.
const WINDOW = 1000;
const MARGIN = 100;

/**
 * Counts words with Intl.Segmenter (word granularity, word-like segments), so Chinese (no spaces) and Arabic
 * are counted sensibly; `locale` is a hint ('zh', 'ar', 'en', ...). Markdown and HTML markup is not counted.
 */
export function countWords(text: unknown, locale = 'en'): number {
  if (typeof text !== 'string' || text === '') return 0;

  const prose = text.replace(HTML_TAG, ' ').replace(HTML_ENTITY, ' ').replace(MARKDOWN_LINK_TARGET, '] ');
  const segmenter = wordSegmenter(locale);
  let count = 0;
  for (let start = 0; start < prose.length;) {
    const window = prose.slice(start, start + WINDOW + MARGIN);
    const isLast = start + window.length >= prose.length;
    let next = window.length;
    for (const segment of segmenter.segment(window)) {
      if (!isLast && segment.index >= WINDOW) {
        next = segment.index;
        break;
      }
      if (segment.isWordLike) count += 1;
    }
    start += next;
  }
  return count;
}

// A segmenter costs more to make than to count a short text with; the locale hint comes from a request, so few are kept.
const segmenters = new Map<string, Intl.Segmenter>();
const KEPT_SEGMENTERS = 16;

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    if (segmenters.size >= KEPT_SEGMENTERS) segmenters.clear();
    segmenter = newWordSegmenter(locale);
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function newWordSegmenter(locale: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(locale, { granularity: 'word' });
  } catch {
    // A malformed locale hint (RangeError) should not make a submission fail: fall back to the default rules.
    return new Intl.Segmenter(undefined, { granularity: 'word' });
  }
}
