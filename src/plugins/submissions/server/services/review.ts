import type { Core, UID } from '@strapi/strapi';
import { currentActor, type Actor } from '../../../shared/actor';
import { documentsOf } from '../../../shared/documents';
import { invalid, notFound, refused } from '../../../shared/errors';
import { reviewTransition, submitterMayEdit, type RecordedAction, type ReviewState } from '../../domain/review';
import type { ReviewConfig, SubmissionsConfig } from '../config';

const REVIEWS = 'plugin::submissions.review';

type Row = Record<string, unknown> & { id: number; documentId: string; locale?: string | null; publishedAt?: unknown; createdAt?: unknown };

/**
 * Moderation of stakeholder submissions: the review state lives on the submission (the configured
 * `review.state` field, with the reason the submitter reads), every step is recorded in
 * `plugin::submissions.review`. Reviewers act through `act` (the admin's moderation routes);
 * publishing a submission by any path is accepting it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviewOf = (uid: string): ReviewConfig | undefined =>
    (strapi.config.get('plugin::submissions') as SubmissionsConfig).types[uid]?.review;

  const stateOf = async (uid: string, review: ReviewConfig, documentId: string): Promise<ReviewState | null> => {
    const row = await strapi.db
      .query(uid as UID.ContentType)
      .findOne({ where: { documentId }, select: [review.state], orderBy: { id: 'asc' } });
    return (row?.[review.state] as ReviewState | undefined) ?? null;
  };

  /** The review fields of a submission in this state. */
  const stateFields = (review: ReviewConfig, state: ReviewState, reason: string | null) => ({
    [review.state]: state,
    [review.reason]: reason,
    ...(review.reviewedAt ? { [review.reviewedAt]: new Date() } : {}),
  });

  /** Sets the review fields on every row of the document (all locales, draft and published). */
  const setState = async (uid: string, review: ReviewConfig, documentId: string, state: ReviewState, reason: string | null) => {
    await strapi.db.query(uid as UID.ContentType).updateMany({ where: { documentId }, data: stateFields(review, state, reason) });
  };

  /** The title attribute of the documents a submission is grouped by (a call's title, a phase's name). */
  const groupTitle = (uid: string, groupBy: string): string[] => {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { target?: UID.ContentType }>;
    const target = attributes[groupBy]?.target;
    const targetAttributes = target ? strapi.getModel(target).attributes : {};
    return ['title', 'name'].filter((field) => field in targetAttributes).slice(0, 1);
  };

  const record = async (
    uid: string,
    documentId: string,
    action: RecordedAction,
    from: ReviewState | null,
    to: ReviewState,
    reason: string | null,
    actor: Actor,
  ) => {
    // One insert: nothing reads the record back.
    await strapi.db.query(REVIEWS).createMany({
      data: [
        {
          contentType: uid,
          targetDocumentId: documentId,
          action,
          fromState: from,
          toState: to,
          reason,
          actor: actor.kind === 'admin' ? actor.email : actor.kind === 'stakeholder' ? `stakeholder #${actor.userId}` : actor.kind,
          adminUserId: actor.kind === 'admin' ? actor.userId : null,
          reviewedAt: new Date(),
        },
      ],
    });
  };

  return {
    reviewOf,

    /** A reviewer's action on a submission. Accepting publishes it (every locale). */
    async act(uid: string, documentId: string, action: unknown, reason: unknown) {
      const review = reviewOf(uid);
      if (!review) throw invalid('INVALID_CONTENT_TYPE', `${uid} is not a reviewed submission type`);
      if ((await strapi.db.query(uid as UID.ContentType).count({ where: { documentId } })) === 0)
        throw notFound('NOT_FOUND', 'No such submission');
      const from = await stateOf(uid, review, documentId);
      const transition = reviewTransition(from, action, reason);
      if ('code' in transition) throw invalid(transition.code, transition.message, { state: from });
      if (transition.to === 'accepted') {
        // Through the Document Service, as the admin's Publish button: its rules apply, and the
        // publish hook below records the acceptance.
        await documentsOf(strapi, uid).publish({ documentId, locale: '*' });
      } else {
        await setState(uid, review, documentId, transition.to, transition.reason);
        await record(uid, documentId, action as RecordedAction, from, transition.to, transition.reason, currentActor(strapi));
      }
      return { documentId, state: transition.to, reason: transition.reason };
    },

    /** Publishing (by any path) is accepting: refused for a rejected submission. */
    async beforePublish(uid: string, review: ReviewConfig, documentId: string) {
      const from = await stateOf(uid, review, documentId);
      if (from === 'accepted') return { from, accepting: false };
      const transition = reviewTransition(from, 'accept', null);
      if ('code' in transition) throw invalid(transition.code, transition.message, { state: from });
      return { from, accepting: true };
    },

    /** The review fields a new submission is written with when it is published as it is created. */
    acceptedFields(review: ReviewConfig) {
      return stateFields(review, 'accepted', null);
    },

    /** Records the acceptance; `written`: the write itself stored the accepted state (`acceptedFields`). */
    async afterPublish(uid: string, review: ReviewConfig, documentId: string, from: ReviewState | null, { written = false } = {}) {
      if (!written) await setState(uid, review, documentId, 'accepted', null);
      await record(uid, documentId, 'accept', from, 'accepted', null, currentActor(strapi));
    },

    /** A submitter edits only a submission still under review; editing one sent back submits it again. */
    async beforeSubmitterUpdate(uid: string, review: ReviewConfig, documentId: string) {
      const from = await stateOf(uid, review, documentId);
      if (!submitterMayEdit(from)) {
        throw refused('REVIEW_CLOSED', `This submission was ${from}: it can no longer be changed`, { state: from });
      }
      return from;
    },

    async afterSubmitterUpdate(uid: string, review: ReviewConfig, documentId: string, from: ReviewState | null) {
      if (from !== 'changes_requested') return;
      await setState(uid, review, documentId, 'submitted', null);
      await record(uid, documentId, 'resubmit', from, 'submitted', null, currentActor(strapi));
    },

    /**
     * Only the review actions change the review fields. A payload may repeat their stored values
     * (the admin's edit form sends every field back); the review date is the server's alone.
     */
    async assertReviewFieldsUnchanged(
      uid: string,
      review: ReviewConfig,
      documentId: string | undefined,
      data: Record<string, unknown> | undefined,
    ) {
      if (!data) return;
      if (review.reviewedAt) delete data[review.reviewedAt];
      const fields = [review.state, review.reason].filter((field) => field in data);
      if (fields.length === 0) return;
      const stored = documentId
        ? await strapi.db.query(uid as UID.ContentType).findOne({ where: { documentId }, select: fields, orderBy: { id: 'asc' } })
        : null;
      const normalise = (field: string, value: unknown) =>
        value === '' || value === undefined || value === null ? (field === review.state ? 'submitted' : null) : value;
      const changed = fields.filter((field) => normalise(field, stored?.[field]) !== normalise(field, data[field]));
      if (changed.length > 0) {
        throw invalid(
          'REVIEW_FIELDS_READ_ONLY',
          `${changed.join(', ')} change only through the review actions (accept, request changes, reject)`,
          { fields: changed },
        );
      }
    },

    /** Submissions waiting for a reviewer, oldest first, by type; optionally of one call or phase, or in one language. */
    async queue(filter: { contentType?: unknown; group?: unknown; locale?: unknown }) {
      const { types } = strapi.config.get('plugin::submissions') as SubmissionsConfig;
      const reviewed = Object.entries(types).filter(
        ([uid, rule]) => rule.review && (filter.contentType === undefined || filter.contentType === uid),
      );
      if (filter.contentType !== undefined && reviewed.length === 0)
        throw invalid('INVALID_CONTENT_TYPE', 'contentType must be a reviewed submission type');
      const items = [];
      for (const [uid, rule] of reviewed) {
        const review = rule.review!;
        const model = strapi.getModel(uid as UID.ContentType);
        const titleField = ['title', 'name'].find((field) => field in model.attributes);
        const where: Record<string, unknown> = { publishedAt: null, [review.state]: { $in: ['submitted', null] } };
        if (typeof filter.locale === 'string' && filter.locale) where.locale = filter.locale;
        if (review.groupBy && typeof filter.group === 'string' && filter.group) where[review.groupBy] = { documentId: filter.group };
        const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
          where,
          select: ['id', 'documentId', 'locale', 'createdAt', 'updatedAt', ...(titleField ? [titleField] : [])],
          populate: review.groupBy ? { [review.groupBy]: { select: ['documentId', ...groupTitle(uid, review.groupBy)] } } : undefined,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })) as Row[];
        for (const row of rows) {
          const group = review.groupBy ? (row[review.groupBy] as Record<string, unknown> | null) : null;
          items.push({
            contentType: uid,
            documentId: row.documentId,
            locale: row.locale ?? null,
            title: titleField ? row[titleField] : row.documentId,
            group: group ? { documentId: group.documentId, title: group.title ?? group.name ?? null } : null,
            submittedAt: row.createdAt,
            updatedAt: row.updatedAt,
          });
        }
      }
      items.sort((a, b) => new Date(String(a.submittedAt)).getTime() - new Date(String(b.submittedAt)).getTime());
      return items;
    },

    /** What happened to a submission, oldest first. */
    async history(uid: string, documentId: string) {
      return strapi.db
        .query(REVIEWS)
        .findMany({ where: { contentType: uid, targetDocumentId: documentId }, orderBy: [{ reviewedAt: 'asc' }, { id: 'asc' }] });
    },
  };
};
