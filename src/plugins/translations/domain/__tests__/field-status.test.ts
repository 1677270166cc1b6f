import { comparableText, fieldStatus, textHash, updatedRecords, worstStatus } from '../field-status';
import { fillFromFallbacks } from '../fallback';

const rules = { untranslatedMinLength: 16 };
const reading = (source: string, translation: string, recordedSource?: string) => ({ source, translation, recordedSource });

describe('comparableText', () => {
  it('compares rich text on its text, not its markup', () => {
    expect(comparableText('**Broadband** for _all_, see [the report](https://itu.int).', 'richtext')).toBe(
      comparableText('Broadband for all, see the report.', 'string'),
    );
    expect(comparableText('<p>Broadband &amp; <b>all</b></p>', 'richtext')).toBe('broadband & all');
    expect(comparableText('# Title\n\n- one\n- two', 'richtext')).toBe('title one two');
  });

  it('folds whitespace and typography', () => {
    expect(comparableText('  l’accès\u00a0universel —  «\u202fpour tous\u202f» ', 'text')).toBe(
      comparableText('l\'accès universel - "pour tous"', 'text'),
    );
    expect(comparableText('Ａｃｃｅｓｓ', 'string')).toBe('access');
  });

  it('reads Strapi blocks as their text', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Broadband ' },
          { type: 'text', text: 'for all', bold: true },
        ],
      },
    ];
    expect(comparableText(blocks, 'blocks')).toBe('broadband for all');
  });

  it('is empty for an empty field', () => {
    expect(comparableText(null, 'richtext')).toBe('');
    expect(comparableText('   ', 'string')).toBe('');
  });

  it('reads hostile markup as text, whatever it holds', () => {
    // markdown-it parses in linear time (about 75 ms for 50,000 '[' here); no timing is asserted.
    expect(comparableText('<'.repeat(50_000), 'richtext')).toBe('<'.repeat(50_000));
    expect(comparableText('['.repeat(50_000), 'richtext')).toBe('['.repeat(50_000));
  });
});

describe('fieldStatus', () => {
  const source = comparableText('Report of the Broadband Commission', 'string');

  it('says nothing when the source field is empty', () => {
    expect(fieldStatus(reading('', 'Rapport'), rules)).toBeNull();
  });

  it('is missing when the translation is empty', () => {
    expect(fieldStatus(reading(source, ''), rules)).toBe('missing');
  });

  it('is untranslated when the text is the source text, if long enough to need translating', () => {
    expect(fieldStatus(reading(source, source), rules)).toBe('untranslated');
    expect(fieldStatus(reading('unesco', 'unesco'), rules)).toBe('current');
    const edge = 'x'.repeat(rules.untranslatedMinLength);
    expect(fieldStatus(reading(edge, edge), rules)).toBe('untranslated');
    expect(fieldStatus(reading(edge.slice(1), edge.slice(1)), rules)).toBe('current');
  });

  it('is outdated when the source changed since the field was translated, current otherwise', () => {
    expect(fieldStatus(reading(source, 'rapport de la commission', textHash(source)), rules)).toBe('current');
    expect(fieldStatus(reading(source, 'rapport de la commission', textHash('an older english text')), rules)).toBe('outdated');
    expect(fieldStatus(reading(source, 'rapport de la commission'), rules)).toBe('current');
  });

  it('makes a document as bad as its worst field', () => {
    expect(worstStatus(['current', 'outdated', null])).toBe('outdated');
    expect(worstStatus(['outdated', 'untranslated'])).toBe('untranslated');
    expect(worstStatus(['untranslated', 'missing', 'current'])).toBe('missing');
    expect(worstStatus([])).toBe('current');
  });
});

describe('updatedRecords', () => {
  it('records the source of a changed field, keeps the source of an untouched one', () => {
    const first = updatedRecords(null, {
      title: { source: 'broadband', translation: 'haut débit' },
      abstract: { source: 'all', translation: '' },
    });
    expect(first.title.source).toBe(textHash('broadband'));
    const later = updatedRecords(first, {
      title: { source: 'broadband!', translation: 'haut débit' },
      abstract: { source: 'all!', translation: 'tous' },
    });
    expect(later.title).toEqual(first.title);
    expect(later.abstract.source).toBe(textHash('all!'));
  });
});

describe('fillFromFallbacks with copies', () => {
  it('says a field copied from a later locale is that locale’s, and serves it unchanged', () => {
    const same = (_field: string, a: unknown, b: unknown) => a === b;
    const { filled, fallbackFields, fieldLocales } = fillFromFallbacks(
      { title: 'Rapport', abstract: 'Report of the Commission', summary: '' },
      [{ locale: 'en', title: 'Report', abstract: 'Report of the Commission', summary: 'In short.' }],
      ['title', 'abstract', 'summary'],
      same,
    );
    expect(filled).toEqual({ title: 'Rapport', abstract: 'Report of the Commission', summary: 'In short.' });
    expect(fallbackFields).toEqual(['abstract', 'summary']);
    expect(fieldLocales).toEqual({ abstract: 'en', summary: 'en' });
  });
});
