/** The moderation of a submitted type: where its review state and the reason the submitter reads live. */
export interface ReviewConfig {
  /** Enumeration attribute: submitted, changes_requested, accepted, rejected. */
  state: string;
  /** Text attribute: the reviewer's reason, read by the submitter. */
  reason: string;
  /** Datetime attribute: when the state last changed. */
  reviewedAt?: string;
  /** Relation the moderation queue filters by (the call, the phase). */
  groupBy?: string;
}

/** A content type that stakeholders (users-permissions accounts) submit. */
export interface SubmissionTypeConfig {
  /** Relation to the users-permissions user who submitted; set by the server, never by the payload. */
  owner: string;
  /** Attributes only editors set (moderation): dropped from stakeholders' payloads. */
  serverFields?: string[];
  /** Relations a new submission must name at least one target of. */
  requiredRelations?: string[];
  /** Word limits per text attribute, counted as words (Intl.Segmenter), not characters. */
  wordLimits?: Record<string, number>;
  /** Relations a stakeholder may populate on their own drafts and in write responses (one level deep). */
  populate?: string[];
  /** Moderation: a review state set by reviewers; publishing is accepting. */
  review?: ReviewConfig;
}

export interface SubmissionsConfig {
  /** The users-permissions role (type) of stakeholders: it is granted create, update and `mine` of each type. */
  role: string;
  /** Stakeholders upload the files they attach (`POST /api/upload`); they attach only their own. */
  uploads: boolean;
  types: Record<string, SubmissionTypeConfig>;
}

export default {
  default: { role: 'authenticated', uploads: true, types: {} } satisfies SubmissionsConfig,
  validator(config: SubmissionsConfig) {
    for (const [uid, type] of Object.entries(config.types ?? {})) {
      if (!type.owner) throw new Error(`submissions: ${uid} needs an \`owner\` relation`);
    }
  },
};
