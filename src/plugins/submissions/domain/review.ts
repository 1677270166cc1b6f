/**
 * The review of a stakeholder submission: a small state machine. A submission is `submitted` when
 * made; an editor or moderator accepts it (it is published), requests changes (the submitter may
 * edit it again, which submits it again) or rejects it. Accepted and rejected are final for the
 * submitter.
 */
export const REVIEW_STATES = ['submitted', 'changes_requested', 'accepted', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['accept', 'request-changes', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** What the audit records: the reviewers' actions, and the submitter's own steps. */
export type RecordedAction = ReviewAction | 'resubmit';

const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewState[]; to: ReviewState; needsReason: boolean }> = {
  accept: { from: ['submitted', 'changes_requested'], to: 'accepted', needsReason: false },
  'request-changes': { from: ['submitted'], to: 'changes_requested', needsReason: true },
  reject: { from: ['submitted', 'changes_requested'], to: 'rejected', needsReason: true },
};

export const REASON_MAX_LENGTH = 2000;

export type ReviewProblem = { code: 'INVALID_REVIEW_ACTION' | 'INVALID_TRANSITION' | 'REASON_REQUIRED' | 'TOO_LONG'; message: string };

export const isReviewAction = (value: unknown): value is ReviewAction => REVIEW_ACTIONS.includes(value as ReviewAction);

/** The state an action leads to from `from`, or why it cannot be taken. */
export function reviewTransition(
  from: ReviewState | null,
  action: unknown,
  reason: unknown,
): { to: ReviewState; reason: string | null } | ReviewProblem {
  if (!isReviewAction(action)) return { code: 'INVALID_REVIEW_ACTION', message: `action must be one of ${REVIEW_ACTIONS.join(', ')}` };
  const transition = TRANSITIONS[action];
  const current = from ?? 'submitted';
  if (!transition.from.includes(current)) {
    return { code: 'INVALID_TRANSITION', message: `A submission that is ${current.replace('_', ' ')} cannot be given "${action}"` };
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (transition.needsReason && !text) return { code: 'REASON_REQUIRED', message: `"${action}" needs a reason the submitter will read` };
  if (text.length > REASON_MAX_LENGTH) return { code: 'TOO_LONG', message: `The reason is longer than ${REASON_MAX_LENGTH} characters` };
  return { to: transition.to, reason: text || null };
}

/** Whether the submitter may still change their submission (the window permitting). */
export const submitterMayEdit = (state: ReviewState | null): boolean =>
  state === null || state === 'submitted' || state === 'changes_requested';
