import type { Core, UID } from '@strapi/strapi';
import { assertSubmissionQuery, InvalidSubmissionQueryError, submissionPopulate, type SubmissionPopulate } from '../../domain/queries';
import { invalid } from '../../../shared/errors';
import type { SubmissionTypeConfig } from '../config';

type Row = Record<string, unknown> & { documentId?: string; locale?: string };
type Attribute = { type: string; target?: string };

/**
 * A stakeholder reads their submissions as drafts (their `/mine`, the response to their write).
 * Strapi cascades a draft query's status into populated relations, so what they may populate is
 * listed per type, and populated draft-and-publish documents are shown in their published version.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  restrictPopulate(
    uid: string,
    params: { populate?: unknown; filters?: unknown; sort?: unknown },
    rule: SubmissionTypeConfig,
  ): SubmissionPopulate | undefined {
    try {
      const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
      assertSubmissionQuery(
        params,
        Object.keys(attributes).filter((name) => ['relation', 'media'].includes(attributes[name].type)),
      );
      const populate = submissionPopulate(params.populate, rule.populate ?? []);
      params.populate = populate;
      return populate;
    } catch (error) {
      if (error instanceof InvalidSubmissionQueryError) throw invalid(error.code, error.message, { field: error.field });
      throw error;
    }
  },

  async showPublishedRelations(uid: string, populate: SubmissionPopulate | undefined, result: unknown) {
    if (!populate || !result) return;
    const documents = (Array.isArray(result) ? result : [result]) as Row[];
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    for (const name of Object.keys(populate)) {
      const target = attributes[name]?.type === 'relation' ? attributes[name].target : undefined;
      if (!target || !strapi.getModel(target as UID.ContentType)?.options?.draftAndPublish) continue;
      const drafts = documents.flatMap(
        (document) => (Array.isArray(document[name]) ? document[name] : document[name] ? [document[name]] : []) as Row[],
      );
      const ids = [...new Set(drafts.map((draft) => draft.documentId).filter(Boolean))];
      const published: Row[] = ids.length
        ? await strapi.db
            .query(target as UID.ContentType)
            .findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } } })
        : [];
      const publishedVersion = (draft: Row) =>
        published.find((row) => row.documentId === draft.documentId && row.locale === draft.locale) ??
        published.find((row) => row.documentId === draft.documentId) ??
        null;
      for (const document of documents) {
        const value = document[name];
        document[name] = Array.isArray(value)
          ? (value as Row[]).map(publishedVersion).filter(Boolean)
          : value
            ? publishedVersion(value as Row)
            : value;
      }
    }
  },
});
