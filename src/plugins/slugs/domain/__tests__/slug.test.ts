import { expectLinearTime } from '../../../shared/__tests__/linear-time';
import { slugCandidates, slugFromText, stableSlugId } from '../slug';

describe('slugFromText', () => {
  it('lowercases and hyphenates a Latin title, dropping accents', () => {
    expect(slugFromText('Société de l’information : Genève 2012')).toBe('societe-de-linformation-geneve-2012');
  });

  it('transliterates Russian', () => {
    expect(slugFromText('Информационное общество')).toBe('informacionnoe-obshchestvo');
  });

  it('transliterates Arabic into a readable, non-empty slug', () => {
    const slug = slugFromText('مجتمع المعلومات');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeGreaterThan(3);
  });

  it('turns Chinese into pinyin', () => {
    expect(slugFromText('信息社会世界峰会')).toBe('xin-xi-she-hui-shi-jie-feng-hui');
  });

  it('is empty for text without anything readable, and for non-strings', () => {
    expect(slugFromText('!!! ???')).toBe('');
    expect(slugFromText(undefined)).toBe('');
    expect(slugFromText(42)).toBe('');
  });

  it('keeps slugs to 80 characters without cutting a word in half', () => {
    const slug = slugFromText('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('makes the slug of a megabyte-long title from its beginning, in time that does not grow with the title', async () => {
    expect(slugFromText(`WSIS Forum ${'信息社会'.repeat(250_000)}`)).toBe(slugFromText(`WSIS Forum ${'信息社会'.repeat(100)}`));
    await expectLinearTime((size) => slugFromText(`WSIS Forum ${'信息社会'.repeat(size)}`), 62_500);
  });
});

describe('slugCandidates', () => {
  it('offers the base, then numbered variants', () => {
    expect(slugCandidates('igf', 1, 3)).toEqual(['igf', 'igf-2', 'igf-3']);
    expect(slugCandidates('igf', 21, 2)).toEqual(['igf-21', 'igf-22']);
  });

  it('keeps numbered variants of a slug of the longest length within that length, cut at a word', () => {
    const base = `${'word-'.repeat(15)}abcde`; // 80 characters
    const [first, second, hundredth] = [...slugCandidates(base, 1, 2), ...slugCandidates(base, 100, 1)];
    expect(first).toBe(base);
    expect(second).toBe(`${'word-'.repeat(15)}2`);
    expect(hundredth).toBe(`${'word-'.repeat(15)}100`);
    for (const candidate of [first, second, hundredth]) expect(candidate.length).toBeLessThanOrEqual(80);
  });
});

describe('stableSlugId', () => {
  it('is the same for the same text and differs for different text', () => {
    expect(stableSlugId('event', '!!!')).toBe(stableSlugId('event', '!!!'));
    expect(stableSlugId('event', '!!!')).not.toBe(stableSlugId('event', '???'));
    expect(stableSlugId('event', '!!!')).toMatch(/^event-[0-9a-f]{10}$/);
  });
});
