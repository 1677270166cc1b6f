import { type Problem, type Question, normalizeQuestions } from './questions';

const CODE = 'QUESTIONNAIRE_IN_USE';

function set(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

function describeCondition(question: Question): string {
  return question.shownWhenQuestion ? `shown when "${question.shownWhenQuestion}" is "${question.shownWhenOption ?? ''}"` : 'always shown';
}

function changesOf(key: string, before: Question, after: Question): string[] {
  const changes: string[] = [];
  if (before.type !== after.type) changes.push(`its type changed from ${before.type} to ${after.type}`);
  else {
    const kept = new Set((after.options ?? []).map((option) => option.key));
    for (const option of before.options ?? []) if (!kept.has(option.key)) changes.push(`its option "${option.key}" was removed`);
    if (set(after.minimum) && (!set(before.minimum) || after.minimum > before.minimum))
      changes.push(
        set(before.minimum) ? `its minimum was raised from ${before.minimum} to ${after.minimum}` : `a minimum of ${after.minimum} was set`,
      );
    if (set(after.maximum) && (!set(before.maximum) || after.maximum < before.maximum))
      changes.push(
        set(before.maximum)
          ? `its maximum was lowered from ${before.maximum} to ${after.maximum}`
          : `a maximum of ${after.maximum} was set`,
      );
  }
  if (!before.required && after.required) changes.push('it became required');
  if (
    (before.shownWhenQuestion ?? null) !== (after.shownWhenQuestion ?? null) ||
    (before.shownWhenOption ?? null) !== (after.shownWhenOption ?? null)
  )
    changes.push(`its condition changed from ${describeCondition(before)} to ${describeCondition(after)}`);
  return changes.map((change) => `Question "${key}": ${change}`);
}

/**
 * The changes from `before` to `after` that could invalidate stored answers, one problem each (code
 * QUESTIONNAIRE_IN_USE). Labels, help, new optional questions, new options and order are fine.
 */
export function breakingChanges(before: Question[], after: Question[]): Problem[] {
  const old = normalizeQuestions(before);
  const next = normalizeQuestions(after);
  const nextByKey = new Map(next.map((question) => [question.key, question]));
  const oldKeys = new Set(old.map((question) => question.key));
  const problems: Problem[] = [];
  for (const question of old) {
    const changed = nextByKey.get(question.key);
    if (!changed) problems.push({ key: question.key, code: CODE, message: `Question "${question.key}" was removed` });
    else for (const message of changesOf(question.key, question, changed)) problems.push({ key: question.key, code: CODE, message });
  }
  for (const question of next)
    if (!oldKeys.has(question.key) && question.required)
      problems.push({ key: question.key, code: CODE, message: `Question "${question.key}" is new and required` });
  return problems;
}
