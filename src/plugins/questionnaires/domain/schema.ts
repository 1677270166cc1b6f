import { type Catalogs, type Question, type QuestionType, normalizeQuestions } from './questions';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export type JsonSchema = { [keyword: string]: unknown };

export type AnswerMode = 'submit' | 'draft';

export interface SchemaOptions {
  catalogs: Catalogs;
  mode: AnswerMode;
  title?: string;
  description?: string;
  /** The document's $id. */
  id?: string;
  locale?: string;
}

export const WIDGETS: Record<QuestionType, string> = {
  short_text: 'text',
  long_text: 'textarea',
  single_choice: 'radio',
  multiple_choice: 'checkboxes',
  number: 'number',
  date: 'date',
  url: 'url',
  email: 'email',
  yes_no: 'yesno',
  file: 'file',
  countries: 'countries',
  action_lines: 'action-lines',
};

// Ajv refuses an empty enum or oneOf: an empty catalog or a choice without options accepts nothing.
const NOTHING: JsonSchema = { not: {} };

function nonBlank(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function choices(question: Question): JsonSchema {
  const options = uniqueBy(question.options ?? [], (option) => option.key);
  if (!options.length) return { type: 'string', ...NOTHING };
  return { type: 'string', oneOf: options.map((option) => ({ const: option.key, title: nonBlank(option.label) ?? option.key })) };
}

function codes(allowed: string[]): JsonSchema {
  const items = allowed.length ? { type: 'string', enum: [...new Set(allowed)] } : false;
  return { type: 'array', items, uniqueItems: true, minItems: 1 };
}

function valueSchema(question: Question, catalogs: Catalogs): JsonSchema {
  switch (question.type) {
    case 'short_text':
      return { type: 'string', minLength: 1, maxLength: 1000 };
    case 'long_text':
      return { type: 'string', minLength: 1, maxLength: 20000 };
    case 'single_choice':
      return choices(question);
    case 'multiple_choice':
      return { type: 'array', items: choices(question), uniqueItems: true, minItems: 1 };
    case 'number': {
      const schema: JsonSchema = { type: 'number' };
      if (question.minimum !== null && question.minimum !== undefined) schema.minimum = question.minimum;
      if (question.maximum !== null && question.maximum !== undefined) schema.maximum = question.maximum;
      return schema;
    }
    case 'date':
      return { type: 'string', format: 'date' };
    case 'url':
      return { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 320 };
    case 'yes_no':
      return { type: 'boolean' };
    case 'file':
      return { type: 'integer', minimum: 1, maximum: 2147483647 };
    case 'countries':
      return codes(catalogs.countries ?? []);
    case 'action_lines':
      return codes(catalogs.actionLines ?? []);
    default:
      return { ...NOTHING };
  }
}

/** The answers under which a question is shown: `key` answered with `option`. */
function conditionSchema(key: string, target: Question | undefined, option: string): JsonSchema {
  let value: JsonSchema = { const: option };
  if (target?.type === 'yes_no') value = { const: option === 'yes' };
  else if (target?.type === 'multiple_choice') value = { type: 'array', contains: { const: option } };
  return { properties: { [key]: value }, required: [key] };
}

/** The questions a schema describes: normalized, one per key. */
export function schemaQuestions(questions: Question[]): Question[] {
  return uniqueBy(normalizeQuestions(questions), (question) => question.key);
}

/**
 * Each conditional question as an if/then/else on the answers, in question order; `keys[i]` is the
 * question of `allOf[i]` (validateAnswers maps the errors of an `else` back to it).
 */
export function conditions(questions: Question[], mode: AnswerMode): { keys: string[]; allOf: JsonSchema[] } {
  const keys: string[] = [];
  const allOf: JsonSchema[] = [];
  for (const question of questions) {
    if (!question.shownWhenQuestion) continue;
    const target = questions.find((other) => other.key === question.shownWhenQuestion);
    const rule: JsonSchema = { if: conditionSchema(question.shownWhenQuestion, target, question.shownWhenOption ?? '') };
    if (mode === 'submit' && question.required) rule.then = { required: [question.key] };
    rule.else = { not: { required: [question.key] } };
    keys.push(question.key);
    allOf.push(rule);
  }
  return { keys, allOf };
}

/**
 * The questionnaire as a JSON Schema 2020-12 document for the answers: one property per question, in
 * order, with its label as title, its help as description and UI hints as `x-ui` and `x-public`
 * annotations. In 'submit' mode the required questions that are shown must be answered; in both modes
 * a hidden question must not be.
 */
export function questionnaireSchema(questions: Question[], opts: SchemaOptions): JsonSchema {
  // A structure problem (duplicate keys or options) is the server's to refuse on save: the schema
  // stays valid, the first question of a key wins.
  const normalized = schemaQuestions(questions);
  const properties: Record<string, JsonSchema> = {};
  normalized.forEach((question, order) => {
    const property: JsonSchema = { title: nonBlank(question.label) ?? question.key };
    const help = nonBlank(question.help);
    if (help) property.description = help;
    Object.assign(property, valueSchema(question, opts.catalogs));
    property['x-ui'] = { widget: WIDGETS[question.type] ?? 'text', order };
    property['x-public'] = question.public;
    properties[question.key] = property;
  });
  const schema: JsonSchema = { $schema: JSON_SCHEMA_DIALECT };
  if (opts.id) schema.$id = opts.id;
  if (opts.title) schema.title = opts.title;
  if (opts.description) schema.description = opts.description;
  schema.type = 'object';
  schema.properties = properties;
  schema.additionalProperties = false;
  if (opts.mode === 'submit') {
    const required = normalized.filter((question) => question.required && !question.shownWhenQuestion).map((question) => question.key);
    if (required.length) schema.required = required;
  }
  const { allOf } = conditions(normalized, opts.mode);
  if (allOf.length) schema.allOf = allOf;
  return schema;
}
