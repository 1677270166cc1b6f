/** A content type holding questionnaires (a call): its repeatable question component. */
export interface FormConfig {
  /** Repeatable, localized component attribute: the questions (structure from the source locale, labels per locale). */
  questions: string;
  /** Attribute used as the JSON Schema's title. */
  title?: string;
  /** Publishing waits until every question and option has a label in these locales. */
  labelsRequiredIn?: string[];
}

/** A content type answering a questionnaire (an entry). */
export interface AnswerConfig {
  /** To-one relation to the form type (the call). */
  form: string;
  /** JSON attribute holding the answers, by question key (not localized). */
  answers: string;
  /** Datetime attribute: when the submitter last submitted it (set by the server). */
  submittedAt: string;
  /** To-one relation to the entry it was carried forward from (set by the server). */
  previous: string;
  /** The owner relation (a users-permissions user), as in the submissions plugin. */
  owner: string;
  /** To-one relation to the organization the entry is of. */
  organization: string;
  /** Attributes copied into a carried-forward entry (scalars and relations; media stay behind). */
  carry: string[];
}

/** Where a users-permissions account names its organization and whether an editor verified it. */
export interface MembershipConfig {
  /** The organization content type an account names. */
  target: string;
  /** Added to the users-permissions user: a to-one relation to `target`, and a boolean only editors set. */
  organization: string;
  verified: string;
}

export interface QuestionnairesConfig {
  forms: Record<string, FormConfig>;
  answering: Record<string, AnswerConfig>;
  /** The codes a `countries` and an `action_lines` question offer: content type and code attribute. */
  catalogs: { countries: { contentType: string; field: string }; actionLines: { contentType: string; field: string } };
  membership: MembershipConfig;
  /** The plugin that knows who uploaded a file (`submissions`, an `UploadOwnership`): a stakeholder's file answers are their own uploads. */
  uploadsFrom?: string | null;
  /** The plugin that knows a form's window (`deadlines`, a `WindowProvider`): the admin's Submit waits for it to be open. */
  windowsFrom?: string | null;
  /** users-permissions role (type) granted submit and carry-forward. */
  role: string;
}

export default {
  default: {
    forms: {},
    answering: {},
    catalogs: { countries: { contentType: '', field: 'code' }, actionLines: { contentType: '', field: 'code' } },
    membership: { target: '', organization: 'organization', verified: 'organizationVerified' },
    uploadsFrom: null,
    windowsFrom: null,
    role: 'authenticated',
  } satisfies QuestionnairesConfig,
  validator(config: QuestionnairesConfig) {
    for (const [uid, rule] of Object.entries(config.answering ?? {})) {
      for (const key of ['form', 'answers', 'submittedAt', 'previous', 'owner'] as const) {
        if (!rule[key]) throw new Error(`questionnaires: ${uid} needs \`${key}\``);
      }
    }
  },
};
