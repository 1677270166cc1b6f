import { expectLinearTime } from '../../../shared/__tests__/linear-time';
import { countWords } from '../word-count';

describe('countWords', () => {
  it('counts English words separated by spaces', () => {
    expect(countWords('The WSIS Stocktaking database')).toBe(4);
  });

  it('counts Chinese words without spaces by dictionary segmentation, not by character', () => {
    // ICU segments 信息 / 社会 / 世界 / 峰会 ("information society world summit").
    expect(countWords('信息社会世界峰会', 'zh')).toBe(4);
  });

  it('counts Arabic words', () => {
    expect(countWords('مجتمع المعلومات للجميع', 'ar')).toBe(3);
  });

  it('counts Russian words', () => {
    expect(countWords('Всемирная встреча на высшем уровне по вопросам информационного общества.', 'ru')).toBe(9);
  });

  it('does not count punctuation', () => {
    expect(countWords('Deadline: 5 September 2011 — extended!', 'en')).toBe(5);
    expect(countWords('... -- !!! ?', 'en')).toBe(0);
  });

  it('does not count Markdown markup, link targets or HTML tags and entities', () => {
    expect(countWords('## Outcome\n\n- **The** [WSIS Forum](https://www.itu.int/wsis/forum/) was _held_')).toBe(6);
    expect(countWords('<p class="lead">The&nbsp;<strong>WSIS</strong> Forum</p><br/>')).toBe(3);
    expect(countWords('![](https://www.itu.int/logo.png) Geneva')).toBe(1);
  });

  it('returns 0 for empty, blank and non-string input', () => {
    for (const text of ['', '   \n', null, undefined, 42, { text: 'words' }]) {
      expect(countWords(text)).toBe(0);
    }
  });

  it('counts in time proportional to the length: unclosed markup and long unspaced text', async () => {
    const inputs: [unit: string, wordsPerUnit: number][] = [
      ['<', 0],
      ['](', 0],
      ['&a', 1],
      ['信息社会', 2],
      ['WSIS Forum ', 2],
    ];
    for (const [unit, wordsPerUnit] of inputs) {
      expect(countWords(unit.repeat(10_000), 'zh')).toBe(wordsPerUnit * 10_000);
      await expectLinearTime((size) => countWords(unit.repeat(size), 'zh'), 10_000);
    }
  });

  it('counts the same across the pieces it segments separately', () => {
    const paragraph = 'The WSIS Forum 2012 will be held in Geneva. 信息社会世界峰会论坛。';
    expect(countWords(paragraph.repeat(300), 'en')).toBe(countWords(paragraph, 'en') * 300);
  });

  it('falls back to default rules for a malformed locale hint', () => {
    expect(countWords('The WSIS Stocktaking database', '!!')).toBe(4);
  });
});
