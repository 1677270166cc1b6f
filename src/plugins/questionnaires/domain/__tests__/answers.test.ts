import { answerCells, carryAnswers, publicAnswers } from '../answers';
import { normalizeQuestions } from '../questions';
import { catalogs, complete, raw } from './fixtures';

const questions = normalizeQuestions(raw);

describe('carryAnswers', () => {
  it('keeps every answer still valid as a draft', () => {
    const old = { ...complete, themes: ['other'], other_theme: 'Seniors', countries: ['CH'], contact: 'a@example.org' };
    expect(carryAnswers(questions, old, catalogs)).toEqual(old);
  });

  it('drops removed questions, invalid answers and nulls', () => {
    const old = { title: 'Kept', gone: 'x', stage: 'abandoned', people: 5000, countries: ['CH', 'YU'], summary: null };
    expect(carryAnswers(questions, old, catalogs)).toEqual({ title: 'Kept' });
  });

  it('drops the answers to questions hidden by what is carried, along chains', () => {
    expect(carryAnswers(questions, { themes: ['retired'], other_theme: 'x', funded: 'no', funder: 'UPU' }, catalogs)).toEqual({});
    const chain = normalizeQuestions([
      { key: 'a', type: 'single_choice', options: [{ key: 'x' }] },
      { key: 'b', type: 'yes_no', shownWhenQuestion: 'a', shownWhenOption: 'x' },
      { key: 'c', type: 'short_text', shownWhenQuestion: 'b', shownWhenOption: 'yes' },
      { key: 'd', type: 'short_text' },
    ]);
    expect(carryAnswers(chain, { a: 'old', b: true, c: 'deep', d: 'kept' }, catalogs)).toEqual({ d: 'kept' });
    expect(carryAnswers(chain, { a: 'x', b: true, c: 'deep' }, catalogs)).toEqual({ a: 'x', b: true, c: 'deep' });
  });

  it('carries nothing from answers that are not an object', () => {
    for (const old of [null, undefined, [], 'x']) expect(carryAnswers(questions, old, catalogs)).toEqual({});
  });
});

describe('publicAnswers', () => {
  it('keeps the answers to public questions only', () => {
    expect(publicAnswers(questions, { title: 'T', contact: 'a@example.org', unknown: 1 })).toEqual({ title: 'T' });
    expect(publicAnswers(normalizeQuestions([{ key: 'a', type: 'short_text', public: null }]), { a: 'x' })).toEqual({ a: 'x' });
    expect(publicAnswers(questions, null)).toEqual({});
  });
});

describe('answerCells', () => {
  it('gives one string per question', () => {
    const cells = answerCells(
      questions,
      { title: 'T', themes: ['gender', 'youth'], funded: false, people: 12.5, report: 3, unknown: 'x' },
      '; ',
    );
    expect(Object.keys(cells)).toEqual(questions.map((question) => question.key));
    expect(cells).toMatchObject({
      title: 'T',
      themes: 'gender; youth',
      funded: 'false',
      people: '12.5',
      report: '3',
      summary: '',
      contact: '',
    });
    expect(answerCells(questions, { funded: true, countries: ['CH', 'FR'] }, '|')).toMatchObject({ funded: 'true', countries: 'CH|FR' });
    expect(Object.values(answerCells(questions, undefined, ','))).toEqual(questions.map(() => ''));
  });
});
