import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { shapeProblem } from '../../domain/shape';
import { withoutServerFields } from '../../domain/server-fields';
import { invalid, refused } from '../../../shared/errors';
import type { SubmissionTypeConfig } from '../config';
import { defaultLocale } from '../../../shared/i18n';

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

/** Who owns a submission, what its submitter may write, and what it must hold. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Submitters never set ownership, publication or moderation fields, and write drafts only. */
  applySubmitterRules(action: string, params: Params, rule: SubmissionTypeConfig, userId: number) {
    if (action === 'publish') throw refused('PUBLISH_NOT_ALLOWED', 'Submissions are published by the editors');
    if (params.data) {
      withoutServerFields(params.data, [
        rule.owner,
        ...(rule.serverFields ?? []),
        rule.review?.state,
        rule.review?.reason,
        rule.review?.reviewedAt,
      ]);
      if (action === 'create') params.data[rule.owner] = userId;
    }
    params.status = 'draft';
  },

  /** A submission that is not entirely the caller's does not exist for them (404, not 403: no oracle). */
  async assertOwner(uid: string, rule: SubmissionTypeConfig, documentId: string | undefined, userId: number) {
    const rows = documentId
      ? await strapi.db.query(uid as UID.ContentType).findMany({ where: { documentId }, populate: { [rule.owner]: { select: ['id'] } } })
      : [];
    const owned = rows.length > 0 && rows.every((row) => (row[rule.owner] as { id?: number } | null)?.id === userId);
    if (!owned) throw new errors.NotFoundError('Not Found');
  },

  /**
   * A new locale of a submission belongs to the submission's owner, whoever adds it: without it,
   * the stakeholder would no longer own every version of their submission and could not change it.
   */
  async inheritOwner(uid: string, rule: SubmissionTypeConfig, params: Params) {
    if (!params.documentId || !params.data) return;
    const rows = await strapi.db
      .query(uid as UID.ContentType)
      .findMany({ where: { documentId: params.documentId }, populate: { [rule.owner]: { select: ['id'] } } });
    const locale = params.locale ?? (await defaultLocale(strapi));
    if (rows.length === 0 || rows.some((row) => row.locale === locale)) return;
    const owner = rows.map((row) => (row[rule.owner] as { id?: number } | null)?.id).find((id) => id !== undefined);
    if (owner !== undefined) params.data[rule.owner] = owner;
  },

  validateShape(uid: string, action: string, params: Params, rule: SubmissionTypeConfig) {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { maxLength?: number }>;
    const maxLengths = Object.fromEntries(Object.keys(rule.wordLimits ?? {}).map((field) => [field, attributes[field]?.maxLength]));
    const problem = shapeProblem(params.data ?? {}, rule, { creating: action === 'create', locale: params.locale, maxLengths });
    if (problem) throw invalid(problem.code, problem.message, problem.details);
  },
});
