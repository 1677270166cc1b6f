import type { Core } from '@strapi/strapi';
import { currentActor } from '../../../shared/actor';
import type { ColumnProvider, ExtraColumns } from '../../../shared/contracts';
import { answerCells, publicAnswers } from '../../domain';
import { getService } from '../get-service';

/** The documentId an export's filters name for the form relation: `filters[call][documentId][$eq]=` (or without `$eq`). */
function filteredForm(filters: unknown, relation: string): string | null {
  const named = (filters as Record<string, unknown> | null)?.[relation] as { documentId?: unknown } | undefined;
  const value = named?.documentId;
  if (typeof value === 'string') return value;
  const equal = (value as { $eq?: unknown } | undefined)?.$eq;
  return typeof equal === 'string' ? equal : null;
}

/**
 * The CSV export of an answering type filtered by one form gets a column per question of its
 * questionnaire: headed by the key, or by the label in the export's locale (`headers=labels`).
 * Private answers are left out unless an API token reads.
 */
export default ({ strapi }: { strapi: Core.Strapi }): ColumnProvider => ({
  async columnsFor(uid, request, separator): Promise<ExtraColumns | null> {
    const forms = getService(strapi, 'forms');
    const rule = forms.answerRule(uid);
    const formId = rule ? filteredForm(request.filters, rule.form) : null;
    if (!rule || !formId) return null;
    const locale = typeof request.locale === 'string' ? request.locale : undefined;
    const form = await forms.load(forms.formUidOf(uid, rule), formId, locale, 'published');
    if (!form || form.questions.length === 0) return null;
    const { questions } = form;
    const labels = request.query.headers === 'labels';
    const whole = currentActor(strapi).kind === 'api-token';
    return {
      headers: questions.map((question) => (labels ? (question.label ?? question.key) : question.key)),
      fields: [rule.answers],
      cells(row) {
        const answers = row[rule.answers] ?? {};
        const cells = answerCells(questions, whole ? answers : publicAnswers(questions, answers), separator);
        return questions.map((question) => cells[question.key] ?? '');
      },
    };
  },
});
