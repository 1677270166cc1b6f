import { breakingChanges } from '../changes';
import { type Question, normalizeQuestions } from '../questions';
import { raw } from './fixtures';

const before = normalizeQuestions(raw);
const edit = (key: string, change: Partial<Question>) =>
  before.map((question) => (question.key === key ? { ...question, ...change } : question));
const found = (after: Question[]) => breakingChanges(before, after).map((problem) => [problem.key, problem.code, problem.message]);

describe('breakingChanges', () => {
  it('refuses a removed question', () => {
    expect(found(before.filter((question) => question.key !== 'website'))).toEqual([
      ['website', 'QUESTIONNAIRE_IN_USE', 'Question "website" was removed'],
    ]);
  });

  it('refuses a retyped question', () => {
    expect(found(edit('stage', { type: 'multiple_choice' }))).toEqual([
      ['stage', 'QUESTIONNAIRE_IN_USE', 'Question "stage": its type changed from single_choice to multiple_choice'],
    ]);
  });

  it('refuses a removed option', () => {
    expect(found(edit('themes', { options: [{ key: 'gender' }, { key: 'other' }, { key: 'new' }] }))).toEqual([
      ['themes', 'QUESTIONNAIRE_IN_USE', 'Question "themes": its option "youth" was removed'],
    ]);
  });

  it('refuses a question made required, and a new required question', () => {
    expect(found(edit('summary', { required: true }))).toEqual([
      ['summary', 'QUESTIONNAIRE_IN_USE', 'Question "summary": it became required'],
    ]);
    expect(found([...before, ...normalizeQuestions([{ key: 'budget', type: 'number', required: true }])])).toEqual([
      ['budget', 'QUESTIONNAIRE_IN_USE', 'Question "budget" is new and required'],
    ]);
  });

  it('refuses a minimum raised or set and a maximum lowered or set', () => {
    expect(found(edit('people', { minimum: 2 }))[0][2]).toBe('Question "people": its minimum was raised from 1 to 2');
    expect(found(edit('people', { maximum: 999 }))[0][2]).toBe('Question "people": its maximum was lowered from 1000 to 999');
    const unbounded = normalizeQuestions([{ key: 'n', type: 'number' }]);
    expect(
      breakingChanges(unbounded, normalizeQuestions([{ key: 'n', type: 'number', minimum: 0, maximum: 9 }])).map((p) => p.message),
    ).toEqual(['Question "n": a minimum of 0 was set', 'Question "n": a maximum of 9 was set']);
  });

  it('refuses a changed, added or removed condition', () => {
    expect(found(edit('funder', { shownWhenOption: 'no' }))[0][2]).toBe(
      'Question "funder": its condition changed from shown when "funded" is "yes" to shown when "funded" is "no"',
    );
    expect(found(edit('summary', { shownWhenQuestion: 'stage', shownWhenOption: 'done' }))).toHaveLength(1);
    expect(found(edit('funder', { shownWhenQuestion: null, shownWhenOption: null }))[0][2]).toBe(
      'Question "funder": its condition changed from shown when "funded" is "yes" to always shown',
    );
  });

  it('allows labels, help, new optional questions, new options, widened bounds, fewer requirements, public flags and order', () => {
    const after: Question[] = normalizeQuestions([...raw].reverse()).map((question) => ({
      ...question,
      label: `${question.label} (new)`,
      help: 'New help',
      required: false,
      public: !question.public,
      minimum: question.type === 'number' ? 0 : question.minimum,
      maximum: question.type === 'number' ? null : question.maximum,
      options: question.options?.length ? [...question.options.map((option) => ({ ...option, label: 'x' })), { key: 'added' }] : [],
    }));
    after.push(...normalizeQuestions([{ key: 'extra', type: 'long_text', required: false }]));
    expect(breakingChanges(before, after)).toEqual([]);
    expect(breakingChanges(before, before)).toEqual([]);
  });
});
