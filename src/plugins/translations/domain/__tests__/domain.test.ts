import { expectLinearTime } from '../../../shared/__tests__/linear-time';
import { fallbackChain, fillFromFallbacks, parseSort } from '../fallback';
import { normalize, toSearchQuery, toSearchText } from '../search-text';

const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const MEGABYTE = 1_000_000;

describe('fallbackChain', () => {
  it('reads one locale or a comma-separated chain', () => {
    expect(fallbackChain('fr', 'en', LOCALES)).toEqual(['fr', 'en']);
    expect(fallbackChain('ru', 'fr, en', LOCALES)).toEqual(['ru', 'fr', 'en']);
  });

  it.each([
    ['fr', 'fr', 'INVALID_FALLBACK'],
    ['fr', 'en,fr', 'INVALID_FALLBACK'],
    ['fr', 'en,es,en', 'INVALID_FALLBACK'],
    ['fr', 'de', 'INVALID_LOCALE'],
    ['fr', '', 'INVALID_FALLBACK'],
    ['fr', ['en'], 'INVALID_FALLBACK'],
  ])('refuses %s with fallback %j (%s)', (locale, fallback, code) => {
    expect(() => fallbackChain(locale, fallback, LOCALES)).toThrow(expect.objectContaining({ code }));
  });
});

describe('fillFromFallbacks', () => {
  it('fills empty localized fields from the first version that has them, and names them', () => {
    const { filled, fallbackFields } = fillFromFallbacks(
      { title: 'Réunion', description: '', year: 2012 },
      [
        { title: 'Reunion', description: null },
        { title: 'Meeting', description: 'A meeting.' },
      ],
      ['title', 'description'],
    );
    expect(filled).toEqual({ title: 'Réunion', description: 'A meeting.', year: 2012 });
    expect(fallbackFields).toEqual(['description']);
  });
});

describe('sort parameter', () => {
  it('reads Strapi sort shapes', () => {
    expect(parseSort('title:desc,startsAt')).toEqual([
      { field: 'title', order: 'desc' },
      { field: 'startsAt', order: 'asc' },
    ]);
    expect(parseSort([{ title: 'asc' }])).toEqual([{ field: 'title', order: 'asc' }]);
  });
});

describe('search text', () => {
  it('drops accents, case, Arabic harakat and letter variants, and markup', () => {
    expect(normalize('Société NUMÉRIQUE')).toBe('societe numerique');
    expect(normalize('الرَّقمي')).toBe(normalize('الرقمي'));
    expect(normalize('إدماج')).toBe('ادماج');
    // Marks are dropped in every script: й folds to и (as ё to е), on both sides of a search.
    expect(normalize('**Цифровой** <b>доклад</b>')).toBe('цифровои доклад');
    expect(toSearchText('数字包容报告', null, 'Abstract')).toBe('数字包容报告 abstract');
    expect(toSearchQuery('100%_sure')).toBe('100 sure');
  });

  it('normalises unclosed tags in time proportional to the length (a quadratic tag pattern took minutes on a megabyte)', async () => {
    for (const unit of ['<', '<a']) {
      await expectLinearTime((size) => normalize(unit.repeat(size)), MEGABYTE / 8);
    }
    await expectLinearTime((size) => normalize(`${'<'.repeat(size)}>`), MEGABYTE / 8);
    expect(normalize('a < b <i>and</i> c > d')).toBe('a < b and c d');
  });
});
