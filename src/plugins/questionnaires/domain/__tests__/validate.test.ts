import { normalizeQuestions } from '../questions';
import { type AnswerMode } from '../schema';
import { answersValid, validateAnswers } from '../validate';
import { catalogs, complete, raw } from './fixtures';

const questions = normalizeQuestions(raw);
const check = (answers: unknown, mode: AnswerMode = 'submit', locale?: string) =>
  validateAnswers(questions, answers, { catalogs, mode, locale });
const codes = (answers: unknown, mode: AnswerMode = 'submit') => check(answers, mode).map((problem) => [problem.key, problem.code]);

describe('validateAnswers: each type at its edges', () => {
  it('accepts the complete fixture answers', () => {
    expect(check(complete)).toEqual([]);
  });

  const cases: [string, unknown[], unknown[]][] = [
    ['title', ['a', 'x'.repeat(1000)], ['', 'x'.repeat(1001), 3, null, ['a']]],
    ['summary', ['a', 'x'.repeat(20000)], ['', 'x'.repeat(20001), true]],
    ['stage', ['planned', 'ongoing'], ['started', 'Planned', '', ['planned'], 1]],
    ['themes', [['gender'], ['gender', 'youth']], [[], ['gender', 'gender'], ['sport'], 'gender', [1]]],
    ['people', [1, 1000, 500.5], [0.99, 1001, 0, '5', null]],
    ['started', ['2011-02-28', '2012-02-29'], ['2011-02-30', '2011-13-01', '11-02-2011', '2011-02-28T10:00:00Z', '']],
    [
      'website',
      ['https://wsis.org', 'http://example.org/a?b=c'],
      ['javascript:alert(1)', 'ftp://example.org', 'wsis.org', `https://${'a'.repeat(2040)}.org`],
    ],
    ['contact', ['a@example.org'], ['a.example.org', '', `${'a'.repeat(310)}@example.org`]],
    ['funded', [false], ['yes', 1, null]],
    ['report', [1, 2147483647], [0, 2147483648, 1.5, '1', -1]],
    ['countries', [['CH'], ['CH', 'FR', 'EG']], [[], ['XX'], ['CH', 'CH'], 'CH', ['ch']]],
    ['action_lines', [['C1'], ['C1', 'C3']], [[], ['C12'], ['C1', 'C1'], ['c1']]],
  ];

  it.each(cases)('%s: accepts its values and refuses the others', (key, good, bad) => {
    const base = key === 'funded' ? { ...complete, funder: undefined } : complete;
    for (const value of good) expect([value, codes(JSON.parse(JSON.stringify({ ...base, [key]: value })), 'draft')]).toEqual([value, []]);
    for (const value of bad) expect([value, codes({ ...base, [key]: value }, 'draft')]).toEqual([value, [[key, 'INVALID']]]);
  });

  it('never accepts null as an answer', () => {
    for (const question of questions)
      expect(codes({ [question.key]: null }, 'draft')).toEqual([[question.key, question.shownWhenQuestion ? 'NOT_SHOWN' : 'INVALID']]);
    expect(codes({ ...complete, funder: null })).toEqual([['funder', 'INVALID']]);
  });
});

describe('validateAnswers: the answers as a whole', () => {
  it('refuses answers that are not an object under the key ""', () => {
    for (const answers of [null, [], 'a', 3, undefined]) expect(codes(answers, 'draft')).toEqual([['', 'INVALID']]);
  });

  it('refuses unknown keys, after the question problems', () => {
    expect(codes({ ...complete, zzz: 1, title: '', aaa: 'b' })).toEqual([
      ['title', 'INVALID'],
      ['zzz', 'UNKNOWN_QUESTION'],
      ['aaa', 'UNKNOWN_QUESTION'],
    ]);
  });

  it('accepts partial drafts and requires every required shown question on submit', () => {
    expect(codes({}, 'draft')).toEqual([]);
    expect(codes({ title: 'x' }, 'draft')).toEqual([]);
    expect(codes({})).toEqual([
      ['title', 'REQUIRED'],
      ['stage', 'REQUIRED'],
      ['funded', 'REQUIRED'],
    ]);
  });

  it('gives one problem per question, the most telling', () => {
    expect(check({ themes: ['sport', 'sport'] }, 'draft')).toEqual([
      { key: 'themes', code: 'INVALID', message: 'must be equal to one of the allowed values' },
    ]);
    expect(check({ website: 'javascript:alert(1)' }, 'draft')).toEqual([
      { key: 'website', code: 'INVALID', message: 'must match pattern "^https?://"' },
    ]);
    expect(check({ stage: 4 }, 'draft')).toEqual([{ key: 'stage', code: 'INVALID', message: 'must be string' }]);
  });
});

describe('validateAnswers: shown when', () => {
  it('requires a shown conditional question on submit only, and refuses a hidden one in both modes', () => {
    expect(codes({ ...complete, funder: undefined })).toEqual([['funder', 'REQUIRED']]);
    expect(codes({ ...complete, funder: undefined }, 'draft')).toEqual([]);
    for (const mode of ['submit', 'draft'] as const) expect(codes({ ...complete, funded: false }, mode)).toEqual([['funder', 'NOT_SHOWN']]);
    expect(codes({ title: 'x', funder: 'UPU' }, 'draft')).toEqual([['funder', 'NOT_SHOWN']]);
  });

  it('shows on a multiple choice containing the option and on a single choice equal to it', () => {
    expect(codes({ ...complete, themes: ['youth', 'other'] })).toEqual([['other_theme', 'REQUIRED']]);
    expect(codes({ ...complete, themes: ['youth', 'other'], other_theme: 'Seniors' })).toEqual([]);
    expect(codes({ ...complete, themes: ['youth'], other_theme: 'Seniors' })).toEqual([['other_theme', 'NOT_SHOWN']]);
    expect(codes({ ...complete, phase_note: 'Start small' })).toEqual([]);
    expect(codes({ ...complete, stage: 'ongoing', phase_note: 'Start small' })).toEqual([['phase_note', 'NOT_SHOWN']]);
  });

  it('hides a question whose condition is answered invalidly, and says what is wrong with both', () => {
    expect(codes({ ...complete, themes: 'other', other_theme: 'x' }, 'draft')).toEqual([
      ['themes', 'INVALID'],
      ['other_theme', 'NOT_SHOWN'],
    ]);
  });

  it('follows chains: a question hidden hides the questions shown by it', () => {
    const chain = normalizeQuestions([
      { key: 'a', type: 'yes_no' },
      { key: 'b', type: 'single_choice', shownWhenQuestion: 'a', shownWhenOption: 'no', options: [{ key: 'x' }] },
      { key: 'c', type: 'short_text', required: true, shownWhenQuestion: 'b', shownWhenOption: 'x' },
    ]);
    const run = (answers: unknown, mode: AnswerMode) => validateAnswers(chain, answers, { catalogs, mode }).map((problem) => problem.code);
    expect(run({ a: false, b: 'x', c: 'y' }, 'submit')).toEqual([]);
    expect(run({ a: false, b: 'x' }, 'submit')).toEqual(['REQUIRED']);
    expect(run({ a: true, c: 'y' }, 'draft')).toEqual(['NOT_SHOWN']);
    expect(run({ a: true }, 'submit')).toEqual([]);
  });
});

describe('validateAnswers: messages', () => {
  it('speaks French and Arabic, for Ajv messages and its own, and English by default', () => {
    const answers = { title: '', zzz: 1, funded: false, funder: 'x' };
    expect(check(answers, 'submit', 'fr')).toEqual([
      { key: 'title', code: 'INVALID', message: 'ne doit pas faire moins de 1 caractère' },
      { key: 'stage', code: 'REQUIRED', message: 'cette question exige une réponse' },
      {
        key: 'funder',
        code: 'NOT_SHOWN',
        message: "cette question n'est pas posée avec les réponses données : elle ne doit pas recevoir de réponse",
      },
      { key: 'zzz', code: 'UNKNOWN_QUESTION', message: 'ce questionnaire ne contient pas cette question' },
    ]);
    expect(check(answers, 'submit', 'ar').map((problem) => problem.message)).toEqual([
      'يجب أن لا يحوي أقل من 1 محرف',
      'يجب الإجابة عن هذا السؤال',
      'هذا السؤال غير معروض بناءً على الإجابات المقدمة، لذا يجب عدم الإجابة عنه',
      'لا يتضمن هذا الاستبيان هذا السؤال',
    ]);
    expect(check({ people: 0 }, 'draft', 'fr-CH')[0].message).toBe('doit être >= 1');
    expect(check({ people: 0 }, 'draft', 'xx')[0].message).toBe('must be >= 1');
    for (const locale of ['zh', 'ru', 'es']) expect(check({}, 'submit', locale)[0].message).not.toBe(check({}, 'submit')[0].message);
  });
});

describe('validateAnswers: compiled schemas', () => {
  it('compiles one schema per structure, not per locale, and stays right past its cache', () => {
    const relabeled = questions.map((question) => ({ ...question, label: `${question.label} (fr)` }));
    expect(validateAnswers(relabeled, { title: '' }, { catalogs, mode: 'draft' })).toHaveLength(1);
    for (let maximum = 1; maximum <= 120; maximum += 1) {
      const bounded = normalizeQuestions([{ key: 'n', type: 'number', maximum }]);
      expect(answersValid(bounded, { n: maximum }, catalogs, 'draft')).toBe(true);
      expect(answersValid(bounded, { n: maximum + 1 }, catalogs, 'draft')).toBe(false);
    }
    expect(check(complete)).toEqual([]);
    expect(validateAnswers(questions, { countries: ['DE'] }, { catalogs: { ...catalogs, countries: ['DE'] }, mode: 'draft' })).toEqual([]);
    expect(codes({ countries: ['DE'] }, 'draft')).toEqual([['countries', 'INVALID']]);
  });
});
