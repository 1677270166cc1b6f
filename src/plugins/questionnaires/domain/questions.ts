export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'number',
  'date',
  'url',
  'email',
  'yes_no',
  'file',
  'countries',
  'action_lines',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
/** The types a shown-when condition may name. */
export const CONDITION_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'yes_no'];
export const YES_NO_OPTIONS = ['yes', 'no'] as const;

export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const OPTION_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface QuestionOption {
  key: string;
  label?: string | null;
}

export interface Question {
  key: string;
  type: QuestionType;
  required: boolean;
  /** Shown publicly once the entry is published. */
  public: boolean;
  minimum?: number | null;
  maximum?: number | null;
  /** Key of an earlier single_choice, multiple_choice or yes_no question. */
  shownWhenQuestion?: string | null;
  /** One option key of it ('yes' / 'no' for yes_no). */
  shownWhenOption?: string | null;
  options?: QuestionOption[];
  label?: string | null;
  help?: string | null;
}

export type Answers = Record<string, unknown>;

/** Allowed codes, e.g. ['CH', 'FR'] and ['C1', …, 'C11']. */
export interface Catalogs {
  countries: string[];
  actionLines: string[];
}

export interface Problem {
  key: string;
  code: string;
  message: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nonBlank(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

// Decimal columns come back as strings on PostgreSQL.
function bound(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function normalizeOption(raw: unknown): QuestionOption {
  const option = isRecord(raw) ? raw : {};
  return { key: typeof option.key === 'string' ? option.key : String(option.key ?? ''), label: text(option.label) };
}

/** Questions as the database hands them (nulls, extra props such as id or __component) with their defaults. */
export function normalizeQuestions(raw: unknown[] | null | undefined): Question[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item) => {
    const question = isRecord(item) ? item : {};
    return {
      key: typeof question.key === 'string' ? question.key : String(question.key ?? ''),
      type: String(question.type ?? '') as QuestionType,
      required: question.required === true,
      public: question.public !== false,
      minimum: bound(question.minimum),
      maximum: bound(question.maximum),
      shownWhenQuestion: nonBlank(question.shownWhenQuestion),
      shownWhenOption: nonBlank(question.shownWhenOption),
      options: Array.isArray(question.options) ? question.options.map(normalizeOption) : [],
      label: text(question.label),
      help: text(question.help),
    };
  });
}

/** The option keys a shown-when condition on `question` may name. */
export function conditionOptions(question: Question): string[] {
  if (question.type === 'yes_no') return [...YES_NO_OPTIONS];
  return (question.options ?? []).map((option) => option.key);
}

function optionProblems(question: Question): Problem[] {
  const { key } = question;
  const options = question.options ?? [];
  if (!CHOICE_TYPES.includes(question.type)) {
    return options.length
      ? [{ key, code: 'UNEXPECTED_OPTIONS', message: `Question "${key}" is of type ${question.type}, which has no options` }]
      : [];
  }
  if (!options.length) return [{ key, code: 'MISSING_OPTIONS', message: `Question "${key}" is a choice without options` }];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (!OPTION_KEY.test(option.key))
      problems.push({
        key,
        code: 'INVALID_OPTION_KEY',
        message: `Question "${key}": option key "${option.key}" must match ${OPTION_KEY.source}`,
      });
    else if (seen.has(option.key))
      problems.push({ key, code: 'DUPLICATE_OPTION_KEY', message: `Question "${key}": option key "${option.key}" is used twice` });
    seen.add(option.key);
  }
  return problems;
}

function boundProblems(question: Question): Problem[] {
  const { key, minimum, maximum } = question;
  const hasMinimum = minimum !== null && minimum !== undefined;
  const hasMaximum = maximum !== null && maximum !== undefined;
  if (question.type !== 'number')
    return hasMinimum || hasMaximum
      ? [{ key, code: 'UNEXPECTED_BOUNDS', message: `Question "${key}" is of type ${question.type}, which has no minimum or maximum` }]
      : [];
  if (hasMinimum && hasMaximum && minimum > maximum)
    return [{ key, code: 'INVALID_BOUNDS', message: `Question "${key}": minimum ${minimum} is greater than maximum ${maximum}` }];
  return [];
}

function conditionProblems(question: Question, index: number, questions: Question[]): Problem[] {
  const { key, shownWhenQuestion: target, shownWhenOption: option } = question;
  if (!target) {
    return option
      ? [{ key, code: 'SHOWN_WHEN_QUESTION_MISSING', message: `Question "${key}" names a shown-when option without a question` }]
      : [];
  }
  const at = questions.findIndex((other) => other.key === target);
  if (at < 0)
    return [{ key, code: 'SHOWN_WHEN_UNKNOWN_QUESTION', message: `Question "${key}" is shown when "${target}", which is no question` }];
  if (at >= index)
    return [
      {
        key,
        code: 'SHOWN_WHEN_NOT_EARLIER',
        message: `Question "${key}" is shown when "${target}", which is not an earlier question`,
      },
    ];
  const condition = questions[at];
  if (!CONDITION_TYPES.includes(condition.type))
    return [
      {
        key,
        code: 'SHOWN_WHEN_NOT_CHOICE',
        message: `Question "${key}" is shown when "${target}", which is a ${condition.type}, not a single choice, multiple choice or yes/no question`,
      },
    ];
  const allowed = conditionOptions(condition);
  if (!option)
    return [{ key, code: 'SHOWN_WHEN_OPTION_MISSING', message: `Question "${key}" is shown when "${target}" without naming an option` }];
  if (!allowed.includes(option))
    return [
      {
        key,
        code: 'SHOWN_WHEN_UNKNOWN_OPTION',
        message: `Question "${key}" is shown when "${target}" is "${option}", which is not one of its options (${allowed.join(', ')})`,
      },
    ];
  return [];
}

/** What makes a questionnaire's structure unusable; an empty list means it is fine. Labels are checked by the server, per locale. */
export function structureProblems(questions: Question[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const { key } = question;
    if (!QUESTION_KEY.test(key))
      problems.push({ key, code: 'INVALID_KEY', message: `Question key "${key}" must match ${QUESTION_KEY.source}` });
    else if (seen.has(key)) problems.push({ key, code: 'DUPLICATE_KEY', message: `Question key "${key}" is used twice` });
    seen.add(key);
    if (!QUESTION_TYPES.includes(question.type)) {
      problems.push({
        key,
        code: 'INVALID_TYPE',
        message: `Question "${key}" has type "${question.type}", not one of ${QUESTION_TYPES.join(', ')}`,
      });
      return;
    }
    problems.push(...optionProblems(question), ...boundProblems(question), ...conditionProblems(question, index, questions));
  });
  return problems;
}

/**
 * The structure of `source` (the English version, authoritative) with the labels, help and option
 * labels of `localized`, matched by key, each falling back to the source's when missing or blank.
 */
export function withFallbackLabels(localized: Question[], source: Question[]): Question[] {
  const byKey = new Map(normalizeQuestions(localized).map((question) => [question.key, question]));
  return normalizeQuestions(source).map((question) => {
    const translation = byKey.get(question.key);
    const optionLabels = new Map((translation?.options ?? []).map((option) => [option.key, option.label]));
    return {
      ...question,
      label: nonBlank(translation?.label) ?? question.label,
      help: nonBlank(translation?.help) ?? question.help,
      options: (question.options ?? []).map((option) => ({ ...option, label: nonBlank(optionLabels.get(option.key)) ?? option.label })),
    };
  });
}
