import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ar from 'ajv-i18n/localize/ar';
import en from 'ajv-i18n/localize/en';
import es from 'ajv-i18n/localize/es';
import fr from 'ajv-i18n/localize/fr';
import ru from 'ajv-i18n/localize/ru';
import type { Localize } from 'ajv-i18n/localize/types';
import zh from 'ajv-i18n/localize/zh';
import { type Locale, messageLocale, ownMessage } from './messages';
import { type Catalogs, type Question, isRecord } from './questions';
import { type AnswerMode, type JsonSchema, conditions, questionnaireSchema, schemaQuestions } from './schema';

export interface AnswerProblem {
  key: string;
  code: 'INVALID' | 'REQUIRED' | 'NOT_SHOWN' | 'UNKNOWN_QUESTION';
  message: string;
}

export interface ValidateOptions {
  catalogs: Catalogs;
  mode: AnswerMode;
  locale?: string;
}

/** An Ajv for questionnaire schemas: JSON Schema 2020-12, formats, every error (verbose: a choice's error names its options), the x- annotations declared. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-ui', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-public', schemaType: 'boolean' });
  return ajv;
}

interface Compiled {
  schema: JsonSchema;
  validate: ValidateFunction;
  /** The question of each allOf rule (a shown-when condition). */
  conditionKeys: string[];
}

const CACHE_SIZE = 100;
const ajv = createAjv();
const cache = new Map<string, Compiled>();

// Labels and help do not change what is valid: one compiled schema serves every locale.
function cacheKey(questions: Question[], catalogs: Catalogs, mode: AnswerMode): string {
  const structure = questions.map(({ label: _label, help: _help, options, ...rest }) => ({
    ...rest,
    options: (options ?? []).map((option) => option.key),
  }));
  return JSON.stringify([structure, catalogs.countries ?? [], catalogs.actionLines ?? [], mode]);
}

function compiled(questions: Question[], catalogs: Catalogs, mode: AnswerMode): Compiled {
  const key = cacheKey(questions, catalogs, mode);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const schema = questionnaireSchema(questions, { catalogs, mode });
  const entry = { schema, validate: ajv.compile(schema), conditionKeys: conditions(questions, mode).keys };
  cache.set(key, entry);
  if (cache.size > CACHE_SIZE) {
    const [oldestKey, oldest] = cache.entries().next().value as [string, Compiled];
    cache.delete(oldestKey);
    // Ajv keeps every compiled schema object; let it forget the evicted one.
    ajv.removeSchema(oldest.schema);
  }
  return entry;
}

function firstSegment(instancePath: string): string {
  const segment = instancePath.split('/')[1] ?? '';
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

// Lower is more telling: a wrong type, then a value not offered, then a broken bound or format; a
// choice's const errors only repeat its oneOf.
function rank(error: ErrorObject): number {
  if (error.keyword === 'type') return 0;
  if (error.keyword === 'oneOf' || error.keyword === 'enum') return 1;
  if (error.keyword === 'const') return 3;
  return 2;
}

// The six UN languages, one module each: the package's index loads all of its 35 languages.
const localize: Record<Locale, Localize> = { ar, en, es, fr, ru, zh };

function localized(error: ErrorObject, locale: Locale): string {
  // The oneOf of a choice fails as "must match exactly one schema": say what it means.
  const told: ErrorObject =
    error.keyword === 'oneOf' && Array.isArray(error.parentSchema?.oneOf)
      ? {
          ...error,
          keyword: 'enum',
          params: { allowedValues: (error.parentSchema.oneOf as { const: unknown }[]).map((choice) => choice.const) },
        }
      : { ...error };
  localize[locale]([told]);
  return (told.message ?? error.message ?? 'invalid').trim();
}

interface Candidate {
  code: AnswerProblem['code'];
  error?: ErrorObject;
}

const CODE_RANK: Record<AnswerProblem['code'], number> = { UNKNOWN_QUESTION: 0, NOT_SHOWN: 1, REQUIRED: 2, INVALID: 3 };

function better(candidate: Candidate, current: Candidate | undefined): boolean {
  if (!current) return true;
  if (CODE_RANK[candidate.code] !== CODE_RANK[current.code]) return CODE_RANK[candidate.code] < CODE_RANK[current.code];
  return candidate.error !== undefined && current.error !== undefined && rank(candidate.error) < rank(current.error);
}

function candidateOf(error: ErrorObject, conditionKeys: string[]): { key: string; candidate: Candidate } | null {
  if (error.instancePath !== '') return { key: firstSegment(error.instancePath), candidate: { code: 'INVALID', error } };
  if (error.keyword === 'additionalProperties')
    return { key: String(error.params.additionalProperty), candidate: { code: 'UNKNOWN_QUESTION' } };
  if (error.keyword === 'required') return { key: String(error.params.missingProperty), candidate: { code: 'REQUIRED' } };
  const hidden = /^#\/allOf\/(\d+)\/else\/not$/.exec(error.schemaPath);
  if (hidden && error.keyword === 'not') return { key: conditionKeys[Number(hidden[1])], candidate: { code: 'NOT_SHOWN' } };
  if (error.keyword === 'if' || error.keyword === 'allOf') return null;
  return { key: '', candidate: { code: 'INVALID', error } };
}

/**
 * The problems of `answers` for `questions`, one per question key (the most telling one), in question
 * order, then unknown keys; `''` is the answers as a whole. An empty list means they are valid.
 */
export function validateAnswers(questions: Question[], answers: unknown, opts: ValidateOptions): AnswerProblem[] {
  const locale = messageLocale(opts.locale);
  const normalized = schemaQuestions(questions);
  const { validate, conditionKeys } = compiled(normalized, opts.catalogs, opts.mode);
  if (validate(answers)) return [];
  const found = new Map<string, Candidate>();
  for (const error of validate.errors ?? []) {
    const mapped = candidateOf(error, conditionKeys);
    if (mapped && better(mapped.candidate, found.get(mapped.key))) found.set(mapped.key, mapped.candidate);
  }
  const order = ['', ...normalized.map((question) => question.key)];
  const keys = [...found.keys()].sort((a, b) => {
    const [i, j] = [order.indexOf(a), order.indexOf(b)];
    return (i < 0 ? order.length : i) - (j < 0 ? order.length : j);
  });
  return keys.map((key) => {
    const { code, error } = found.get(key)!;
    const message = code === 'INVALID' ? localized(error!, locale) : ownMessage(code, locale);
    return { key, code, message };
  });
}

/** Whether `answers` are valid, without building the problems. */
export function answersValid(questions: Question[], answers: unknown, catalogs: Catalogs, mode: AnswerMode): boolean {
  return isRecord(answers) && compiled(schemaQuestions(questions), catalogs, mode).validate(answers) === true;
}
