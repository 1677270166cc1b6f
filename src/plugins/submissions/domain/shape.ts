import { countWords } from './word-count';

export interface ShapeProblem {
  code: 'TOO_LONG' | 'TOO_MANY_WORDS' | 'FIELD_REQUIRED';
  message: string;
  details: Record<string, unknown>;
}

/** How many targets a relation value names, in any shape a write sends (ids, lists, connect, set). */
export function targetCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  const shaped = value as { connect?: unknown[]; set?: unknown[] } | null | undefined;
  if (Array.isArray(shaped?.set)) return shaped.set.length;
  if (Array.isArray(shaped?.connect)) return shaped.connect.length;
  return value ? 1 : 0;
}

/**
 * The shape of a submission: each word-limited text within its length (checked first: Strapi
 * checks lengths only after the Document Service middlewares) and its words, and on create at
 * least one target of each required relation.
 */
export function shapeProblem(
  data: Record<string, unknown>,
  rule: { wordLimits?: Record<string, number>; requiredRelations?: string[] },
  { creating, locale, maxLengths }: { creating: boolean; locale?: string; maxLengths: Record<string, number | undefined> },
): ShapeProblem | null {
  for (const [field, limit] of Object.entries(rule.wordLimits ?? {})) {
    const text = data[field];
    const maxLength = maxLengths[field];
    if (typeof text === 'string' && maxLength !== undefined && text.length > maxLength) {
      return {
        code: 'TOO_LONG',
        message: `${field} has ${text.length} characters; at most ${maxLength} are accepted`,
        details: { field, length: text.length, maxLength },
      };
    }
    const words = countWords(text, locale);
    if (words > limit)
      return {
        code: 'TOO_MANY_WORDS',
        message: `${field} has ${words} words; at most ${limit} are accepted`,
        details: { field, words, limit },
      };
  }
  if (!creating) return null;
  for (const field of rule.requiredRelations ?? []) {
    if (targetCount(data[field]) === 0)
      return { code: 'FIELD_REQUIRED', message: `A submission needs at least one of ${field}`, details: { field } };
  }
  return null;
}
