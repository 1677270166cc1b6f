import { type Answers, type Catalogs, type Question, isRecord, normalizeQuestions } from './questions';
import { validateAnswers } from './validate';

/**
 * The old answers that still fit `questions` as a draft: each kept when its key is still a question
 * and its value valid for it, and the question still shown by the answers carried with it.
 */
export function carryAnswers(questions: Question[], oldAnswers: unknown, catalogs: Catalogs): Answers {
  if (!isRecord(oldAnswers)) return {};
  const normalized = normalizeQuestions(questions);
  let carried: Answers = {};
  for (const question of normalized)
    if (Object.prototype.hasOwnProperty.call(oldAnswers, question.key) && oldAnswers[question.key] !== null)
      carried[question.key] = oldAnswers[question.key];
  // Dropping an answer can hide a later question, never show one: repeat until nothing more drops.
  for (;;) {
    const problems = validateAnswers(normalized, carried, { catalogs, mode: 'draft' });
    if (!problems.length) return carried;
    const dropped = new Set(problems.map((problem) => problem.key));
    carried = Object.fromEntries(Object.entries(carried).filter(([key]) => !dropped.has(key)));
  }
}

/** The answers shown publicly: those of the questions that are not private. */
export function publicAnswers(questions: Question[], answers: unknown): Answers {
  if (!isRecord(answers)) return {};
  const shown: Answers = {};
  for (const question of normalizeQuestions(questions))
    if (question.public !== false && Object.prototype.hasOwnProperty.call(answers, question.key))
      shown[question.key] = answers[question.key];
  return shown;
}

function cell(value: unknown, separator: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => cell(item, separator)).join(separator);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One CSV cell per question key: lists joined with `separator`, booleans 'true'/'false', no answer ''. */
export function answerCells(questions: Question[], answers: unknown, separator: string): Record<string, string> {
  const given = isRecord(answers) ? answers : {};
  const cells: Record<string, string> = {};
  for (const question of normalizeQuestions(questions))
    cells[question.key] = Object.prototype.hasOwnProperty.call(given, question.key) ? cell(given[question.key], separator) : '';
  return cells;
}
