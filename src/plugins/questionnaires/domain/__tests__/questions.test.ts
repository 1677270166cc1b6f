import { type Question, normalizeQuestions, structureProblems, withFallbackLabels } from '../questions';
import { raw } from './fixtures';

const q = (props: Partial<Question> & { key: string }): Question => normalizeQuestions([{ type: 'short_text', ...props }])[0];
const codes = (questions: Question[]) => structureProblems(questions).map((problem) => [problem.key, problem.code]);

describe('normalizeQuestions', () => {
  it('gives the defaults for nulls and drops extra props', () => {
    const [question] = normalizeQuestions([
      {
        id: 7,
        __component: 'questionnaire.question',
        key: 'a',
        type: 'number',
        required: null,
        public: null,
        minimum: '1.5',
        maximum: null,
      },
    ]);
    expect(question).toEqual({
      key: 'a',
      type: 'number',
      required: false,
      public: true,
      minimum: 1.5,
      maximum: null,
      shownWhenQuestion: null,
      shownWhenOption: null,
      options: [],
      label: null,
      help: null,
    });
  });

  it('keeps public false, required true and options without their ids; tolerates no list', () => {
    const [question] = normalizeQuestions([
      { key: 'b', type: 'single_choice', required: true, public: false, options: [{ id: 1, key: 'x', label: null }] },
    ]);
    expect([question.required, question.public, question.options]).toEqual([true, false, [{ key: 'x', label: null }]]);
    expect(normalizeQuestions(null)).toEqual([]);
    expect(normalizeQuestions(undefined)).toEqual([]);
  });

  it('leaves the fixture questionnaire without structure problems', () => {
    expect(structureProblems(normalizeQuestions(raw))).toEqual([]);
  });
});

describe('structureProblems', () => {
  const choice = (key: string, options: string[], extra: Partial<Question> = {}) =>
    q({ key, type: 'single_choice', options: options.map((option) => ({ key: option })), ...extra });

  it('refuses duplicate and badly formed keys', () => {
    expect(codes([q({ key: 'a' }), q({ key: 'a' }), q({ key: 'Bad' }), q({ key: '1a' }), q({ key: 'x'.repeat(65) })])).toEqual([
      ['a', 'DUPLICATE_KEY'],
      ['Bad', 'INVALID_KEY'],
      ['1a', 'INVALID_KEY'],
      ['x'.repeat(65), 'INVALID_KEY'],
    ]);
  });

  it('refuses an unknown type', () => {
    expect(codes([q({ key: 'a', type: 'slider' as never })])).toEqual([['a', 'INVALID_TYPE']]);
  });

  it('refuses choices without options, duplicate or bad option keys, and options on other types', () => {
    expect(
      codes([
        choice('a', []),
        q({ key: 'b', type: 'multiple_choice' }),
        choice('c', ['x', 'x']),
        choice('d', ['X', '-x', 'ok-1_2']),
        q({ key: 'e', options: [{ key: 'x' }] }),
      ]),
    ).toEqual([
      ['a', 'MISSING_OPTIONS'],
      ['b', 'MISSING_OPTIONS'],
      ['c', 'DUPLICATE_OPTION_KEY'],
      ['d', 'INVALID_OPTION_KEY'],
      ['d', 'INVALID_OPTION_KEY'],
      ['e', 'UNEXPECTED_OPTIONS'],
    ]);
  });

  it('refuses minimum above maximum and bounds on a non-number; accepts equal bounds', () => {
    expect(
      codes([
        q({ key: 'a', type: 'number', minimum: 5, maximum: 4 }),
        q({ key: 'b', type: 'number', minimum: 4, maximum: 4 }),
        q({ key: 'c', minimum: 1 }),
        q({ key: 'd', type: 'date', maximum: 0 }),
      ]),
    ).toEqual([
      ['a', 'INVALID_BOUNDS'],
      ['c', 'UNEXPECTED_BOUNDS'],
      ['d', 'UNEXPECTED_BOUNDS'],
    ]);
  });

  it('refuses a condition on an unknown, later, the same or a non-choice question', () => {
    expect(
      codes([
        q({ key: 'a', shownWhenQuestion: 'nope', shownWhenOption: 'x' }),
        q({ key: 'b', shownWhenQuestion: 'c', shownWhenOption: 'x' }),
        choice('c', ['x'], { shownWhenQuestion: 'c', shownWhenOption: 'x' }),
        q({ key: 'd', shownWhenQuestion: 'a', shownWhenOption: 'x' }),
      ]),
    ).toEqual([
      ['a', 'SHOWN_WHEN_UNKNOWN_QUESTION'],
      ['b', 'SHOWN_WHEN_NOT_EARLIER'],
      ['c', 'SHOWN_WHEN_NOT_EARLIER'],
      ['d', 'SHOWN_WHEN_NOT_CHOICE'],
    ]);
  });

  it('refuses a missing or foreign option, and an option without a question', () => {
    expect(
      codes([
        choice('a', ['x', 'y']),
        q({ key: 'b', type: 'yes_no' }),
        q({ key: 'c', shownWhenQuestion: 'a' }),
        q({ key: 'd', shownWhenQuestion: 'a', shownWhenOption: 'z' }),
        q({ key: 'e', shownWhenQuestion: 'b', shownWhenOption: 'maybe' }),
        q({ key: 'f', shownWhenOption: 'x' }),
      ]),
    ).toEqual([
      ['c', 'SHOWN_WHEN_OPTION_MISSING'],
      ['d', 'SHOWN_WHEN_UNKNOWN_OPTION'],
      ['e', 'SHOWN_WHEN_UNKNOWN_OPTION'],
      ['f', 'SHOWN_WHEN_QUESTION_MISSING'],
    ]);
  });

  it('accepts conditions on single choice, multiple choice and yes/no options, and says so in English', () => {
    const questions = [
      choice('a', ['x', 'y']),
      q({ key: 'b', type: 'multiple_choice', options: [{ key: 'm' }] }),
      q({ key: 'c', type: 'yes_no' }),
      q({ key: 'd', shownWhenQuestion: 'a', shownWhenOption: 'y' }),
      q({ key: 'e', shownWhenQuestion: 'b', shownWhenOption: 'm' }),
      q({ key: 'f', shownWhenQuestion: 'c', shownWhenOption: 'no' }),
    ];
    expect(structureProblems(questions)).toEqual([]);
    expect(structureProblems([q({ key: 'g', shownWhenQuestion: 'h', shownWhenOption: 'x' })])[0].message).toBe(
      'Question "g" is shown when "h", which is no question',
    );
  });
});

describe('withFallbackLabels', () => {
  const source = normalizeQuestions([
    {
      key: 'a',
      type: 'single_choice',
      label: 'Stage',
      help: 'Where it is',
      options: [
        { key: 'x', label: 'Planned' },
        { key: 'y', label: 'Done' },
      ],
    },
    { key: 'b', type: 'yes_no', label: 'Funded?', help: null },
  ]);

  it('takes the structure from the source and the labels from the translation, falling back when missing or blank', () => {
    const localized = normalizeQuestions([
      { key: 'b', type: 'short_text', required: true, label: 'Financé ?', help: 'Aide' },
      {
        key: 'a',
        type: 'single_choice',
        label: '  ',
        help: null,
        options: [
          { key: 'y', label: 'Terminé' },
          { key: 'z', label: 'Autre' },
        ],
      },
      { key: 'gone', type: 'short_text', label: 'Disparue' },
    ]);
    const merged = withFallbackLabels(localized, source);
    expect(merged.map((question) => [question.key, question.type, question.required, question.label, question.help])).toEqual([
      ['a', 'single_choice', false, 'Stage', 'Where it is'],
      ['b', 'yes_no', false, 'Financé ?', 'Aide'],
    ]);
    expect(merged[0].options).toEqual([
      { key: 'x', label: 'Planned' },
      { key: 'y', label: 'Terminé' },
    ]);
  });

  it('is the source when nothing is translated', () => {
    expect(withFallbackLabels([], source)).toEqual(source);
  });
});
