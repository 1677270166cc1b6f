import type { Core, UID } from '@strapi/strapi';
import type { DateTime } from 'luxon';
import { invalid, refused } from '../../../shared/errors';
import { editDeadline, isEditable, toZonedIso, windowState, type Window } from '../../domain/window';
import type { WindowedTypeConfig } from '../config';
import { getService } from '../get-service';
import { OVERRIDE_ACTION, type Actor } from './actor';
import type { LoadedSource } from './windows';

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };
interface WriteContext {
  uid: string;
  action: string;
  params: Params;
}

/** What the write needs after it succeeds: the window it was checked against, an override to record. */
export interface Verdict {
  /** The source the write was checked against, when the payload names one: it must be the one stored. */
  target?: string;
  override?: { source: LoadedSource };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = () => getService(strapi, 'windows');

  const deadlineDetails = (window: Window, deadline: DateTime | null) => ({
    deadline: toZonedIso(deadline, window.timezone),
    timezone: window.timezone,
    ...(window.extensions.length > 0 ? { originalDeadline: toZonedIso(window.originalClosesAt, window.timezone) } : {}),
  });

  const isPublished = async (uid: string, documentId: string) =>
    !strapi.getModel(uid as UID.ContentType)?.options?.draftAndPublish ||
    (await strapi.db.query(uid as UID.ContentType).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  const parentUidOf = (uid: string, field: string) =>
    (strapi.getModel(uid as UID.ContentType).attributes as Record<string, { target?: string }>)[field]?.target ?? '';

  /** What a window is loaded with so that its parent can be read (`parentOf`). */
  const parentPopulate = (rule: WindowedTypeConfig) =>
    rule.sameParent ? { [rule.sameParent.sourceField]: { select: ['documentId'] } } : {};

  /** Only a stakeholder can be a late submitter: whether this one is is all a check needs. */
  const lateSubmitterOf = (actor: Actor) => (actor.kind === 'stakeholder' ? actor.userId : undefined);

  /** The parent of a window (a phase's consultation), as loaded with `parentPopulate`. */
  const parentOf = (source: LoadedSource, sourceField: string) =>
    (source.row[sourceField] as { documentId?: string } | null)?.documentId ?? null;

  /** The parent a payload names (a contribution's consultation) must be its window's (the phase's); absent, it is set to it. */
  async function assertSameParent(
    uid: string,
    rule: WindowedTypeConfig,
    source: LoadedSource,
    documentId: string,
    data: Record<string, unknown>,
  ) {
    const { field, sourceField } = rule.sameParent!;
    const parent = await windows().targetIn(data[field], parentUidOf(uid, field));
    const sourceParent = parentOf(source, sourceField);
    if (parent.present && parent.documentId !== sourceParent) {
      throw invalid('WINDOW_SOURCE_MISMATCH', `${rule.window} "${documentId}" does not belong to that ${field}`, { field: rule.window });
    }
    if (!parent.present && sourceParent) data[field] = sourceParent;
  }

  /** The window of the source a payload points at, checked against the rule's conditions. */
  async function loadTarget(uid: string, rule: WindowedTypeConfig, documentId: string, data: Record<string, unknown>, actor: Actor) {
    const sourceUid = windows().sourceUidOf(uid, rule);
    const source: LoadedSource | null = await windows().loadSource(sourceUid, documentId, {
      populate: parentPopulate(rule),
      lateSubmitter: lateSubmitterOf(actor),
    });
    const hidden = source && !source.published && (actor.kind === 'stakeholder' || actor.kind === 'public');
    if (!source || hidden)
      throw invalid('WINDOW_SOURCE_NOT_FOUND', `${rule.window} "${documentId}" does not exist`, { field: rule.window });
    for (const [field, expected] of Object.entries(rule.match ?? {})) {
      if (source.row[field] !== expected) {
        throw invalid(
          'WINDOW_SOURCE_MISMATCH',
          `${rule.window} "${documentId}" does not accept submissions (${field} is not ${String(expected)})`,
          { field: rule.window },
        );
      }
    }
    if (rule.sameParent) {
      const sourceParent = parentOf(source, rule.sameParent.sourceField);
      // A window whose parent is not published (a phase of a consultation in preparation) is not
      // open to the public yet, whatever its dates.
      if (
        sourceParent &&
        (actor.kind === 'stakeholder' || actor.kind === 'public') &&
        !(await isPublished(parentUidOf(uid, rule.sameParent.field), sourceParent))
      )
        throw invalid('WINDOW_SOURCE_NOT_FOUND', `${rule.window} "${documentId}" does not exist`, { field: rule.window });
      await assertSameParent(uid, rule, source, documentId, data);
    }
    return source;
  }

  /** A new submission: the window must be open, unless a named late submitter or an overriding editor writes. */
  function checkSubmission(
    rule: WindowedTypeConfig,
    source: LoadedSource,
    actor: Actor,
    now: DateTime,
    data: Record<string, unknown>,
  ): Verdict {
    const { window } = source;
    const state = windowState(window, now);
    const target = source.documentId;
    if (rule.lateFlag && actor.kind === 'stakeholder') data[rule.lateFlag] = false;
    if (state === 'open') return { target };
    if (actor.kind === 'admin' && actor.can(OVERRIDE_ACTION)) return { target, override: { source } };
    if (state === 'upcoming') {
      throw refused('WINDOW_NOT_OPEN', `Submissions open on ${toZonedIso(window.opensAt, window.timezone)} (${window.timezone})`, {
        opensAt: toZonedIso(window.opensAt, window.timezone),
        ...deadlineDetails(window, window.closesAt),
      });
    }
    if (actor.kind === 'stakeholder' && source.lateSubmitter) {
      if (rule.lateFlag) data[rule.lateFlag] = true;
      return { target };
    }
    throw refused(
      'WINDOW_CLOSED',
      `The deadline passed on ${toZonedIso(window.closesAt, window.timezone)} (${window.timezone})`,
      deadlineDetails(window, window.closesAt),
    );
  }

  /** A change to an existing submission: allowed while its window is editable (edit grace included). */
  function checkEdit(source: LoadedSource, actor: Actor, now: DateTime) {
    const { window } = source;
    if (isEditable(window, now)) return;
    if (actor.kind === 'stakeholder' && source.lateSubmitter && windowState(window, now) !== 'upcoming') return;
    if (windowState(window, now) === 'upcoming') {
      throw refused('WINDOW_NOT_OPEN', `Submissions open on ${toZonedIso(window.opensAt, window.timezone)} (${window.timezone})`, {
        opensAt: toZonedIso(window.opensAt, window.timezone),
        ...deadlineDetails(window, window.closesAt),
      });
    }
    throw refused(
      'EDIT_PERIOD_OVER',
      `Changes were accepted until ${toZonedIso(editDeadline(window), window.timezone)} (${window.timezone})`,
      deadlineDetails(window, editDeadline(window)),
    );
  }

  return {
    /** Checks one write against its window; returns what must happen once the write succeeded. */
    async check(context: WriteContext, rule: WindowedTypeConfig, actor: Actor, now: DateTime): Promise<Verdict> {
      const { params } = context;
      const data = params.data ?? {};
      const touchesWindowedFields =
        !rule.fields || rule.fields.some((field) => field in data && data[field] !== null && data[field] !== '');
      const targetUid = windows().sourceUidOf(context.uid, rule);
      const requested = await windows().targetIn(data[rule.window], targetUid);

      if (context.action === 'create' || context.action === 'clone') {
        if (!touchesWindowedFields && context.action === 'create') return {};
        // A copy is a new submission to the window of the original, unless the payload names another.
        const cloned = context.action === 'clone' && !requested.present && params.documentId;
        const target = cloned
          ? { present: true, documentId: await windows().currentTarget(context.uid, rule.window, params.documentId!) }
          : requested;
        if (!target.present || !target.documentId) {
          if (rule.fields) return {};
          throw invalid('WINDOW_REQUIRED', `A submission needs its ${rule.window}`, { field: rule.window });
        }
        const source = await loadTarget(context.uid, rule, target.documentId, data, actor);
        const verdict = checkSubmission(rule, source, actor, now, data);
        return cloned ? { ...verdict, target: undefined } : verdict;
      }

      // update (also a new locale of an existing document) and publish: editors moderate freely.
      if (actor.kind === 'admin') return {};
      const currentId = params.documentId ? await windows().currentTarget(context.uid, rule.window, params.documentId) : null;
      // Publishing a whole submission is a change to it; for field-scoped rules (a session's
      // summary) only writing those fields is.
      const publishesSubmission = context.action === 'publish' && !rule.fields;
      const moves = requested.present && requested.documentId !== currentId;
      if (currentId && (touchesWindowedFields || publishesSubmission || moves)) {
        const current = await windows().loadSource(targetUid, currentId, { lateSubmitter: lateSubmitterOf(actor) });
        if (current) checkEdit(current, actor, now);
      }
      if (rule.sameParent && rule.sameParent.field in data && currentId && !moves) {
        // The parent alone (a contribution's consultation) cannot leave its window's.
        const current = await windows().loadSource(targetUid, currentId, { populate: parentPopulate(rule) });
        if (current) await assertSameParent(context.uid, rule, current, currentId, data);
      }
      if (requested.present && requested.documentId && requested.documentId !== currentId) {
        // Moving a submission to another call or phase is a new submission there.
        const source = await loadTarget(context.uid, rule, requested.documentId, data, actor);
        return checkSubmission(rule, source, actor, now, data);
      }
      if (requested.present && !requested.documentId && !rule.fields) {
        throw invalid('WINDOW_REQUIRED', `A submission needs its ${rule.window}`, { field: rule.window });
      }
      // Whatever shape the payload gave the relation, the stored window must be the one checked.
      const target = requested.present ? requested.documentId : rule.window in data ? currentId : null;
      return target ? { target } : {};
    },

    /** The stored window must be the one checked: re-read inside the write's transaction. */
    async assertStoredTarget(uid: string, rule: WindowedTypeConfig, verdict: Verdict, documentId: string, locale: string | undefined) {
      if (!verdict.target) return;
      const stored: string[] = await windows().storedTargets(uid, rule.window, documentId, locale);
      if (stored.length !== 1 || stored[0] !== verdict.target) {
        throw invalid('INVALID_RELATION', `${rule.window} takes one document, the one checked against its window`, { field: rule.window });
      }
    },

    async recordOverride(
      context: WriteContext,
      actor: Extract<Actor, { kind: 'admin' }>,
      verdict: Verdict,
      documentId: string,
      now: DateTime,
    ) {
      const { window } = verdict.override!.source;
      await strapi.db.query('plugin::deadlines.deadline-override').create({
        data: {
          contentType: context.uid,
          targetDocumentId: documentId,
          locale: context.params.locale ?? null,
          action: context.action,
          adminUserId: actor.userId,
          adminEmail: actor.email,
          deadline: window.closesAt?.toJSDate() ?? null,
          timezone: window.timezone,
          overriddenAt: now.toJSDate(),
        },
      });
      strapi.log.info(`[deadlines] ${actor.email} overrode the deadline of ${context.uid} ${documentId}`);
    },
  };
};
