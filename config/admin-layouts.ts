// How each WSIS type shows in the admin's content manager (the admin-layouts plugin): list columns,
// labels in the domain's words, and the first rows of the edit view. Attributes without a label
// here get their name in words ("editableUntil" → "Editable until").

const WINDOW_LABELS = {
  opensAt: { label: 'Opens', description: 'When submissions open, in the window’s timezone.' },
  closesAt: {
    label: 'Closes',
    description:
      'The original deadline, shown here in your browser’s time; the Window panel gives it in the window’s timezone. An extension is added below with its reason; it never overwrites this date.',
  },
  timezone: { label: 'Timezone', description: 'IANA name in which the deadlines are stated: Europe/Zurich for Geneva.' },
  extensions: {
    label: 'Extensions',
    description: 'Each extension: the new deadline, its reason and when it was announced. The latest is the effective deadline.',
  },
  editableUntil: {
    label: 'Edits allowed until',
    description: 'Submitters may still change their submission after closing, until this date.',
  },
  lateSubmitters: {
    label: 'Late submitters',
    description: 'Accounts that may still submit after the deadline; their submissions are flagged late. Every change is recorded.',
  },
};
// Written only by the review actions (accept, request changes, reject): shown, not editable.
const REVIEWED = ['reviewState', 'reviewReason', 'reviewedAt'];
const REVIEW_LABELS = {
  reviewState: { label: 'Review', description: 'Changed only by the review actions: accept, request changes, reject.' },
  reviewReason: { label: 'Reason given to the submitter', description: 'Shown to the submitter with the review state.' },
  reviewedAt: 'Reviewed at',
  submittedBy: 'Submitted by',
  late: { label: 'Late', description: 'Submitted after the deadline by a named late submitter.' },
  moderatorNote: { label: 'Moderator’s note', description: 'For the editors only; never shown to the submitter.' },
};
const SCHEDULE_LABELS = { publishAt: 'Publish on', unpublishAt: 'Unpublish on' };

export const ADMIN_LAYOUTS = {
  'api::stocktaking-call.stocktaking-call': {
    list: ['title', 'edition', 'opensAt', 'closesAt', 'updatedAt'],
    labels: {
      ...WINDOW_LABELS,
      ...SCHEDULE_LABELS,
      officialCall: 'Official call',
      officialCallFile: 'Official call (file)',
      questionnaireGuidance: 'Questionnaire guidance',
      questionnaire: 'Questionnaire (file)',
      questions: {
        label: 'Questionnaire',
        description:
          'The questions entries answer. Keys, types, options and conditions are set in English; other languages change the labels only. Once entries are submitted, questions and options can no longer be removed or made stricter.',
      },
    },
    edit: [['title', 'edition'], ['opensAt', 'closesAt'], ['timezone', 'editableUntil'], ['extensions'], ['lateSubmitters']],
  },
  'api::stocktaking-entry.stocktaking-entry': {
    list: ['title', 'call', 'reviewState', 'late', 'organization', 'updatedAt'],
    labels: {
      ...REVIEW_LABELS,
      call: 'Call',
      actionLines: 'Action lines',
      shortDescription: 'Short description (150 words)',
      implementingPartners: 'Implementing partners',
      answers: { label: 'Answers', description: 'Answers to the call’s questionnaire, by question key; checked against it on save.' },
      submittedAt: { label: 'Submitted at', description: 'Set when the submitter submits the answers (Submit).' },
      previousEntry: { label: 'Carried forward from', description: 'The entry of an earlier call this one updates.' },
    },
    edit: [['title', 'call'], ['reviewState', 'late'], ['reviewReason'], ['submittedAt', 'previousEntry'], ['shortDescription']],
    readOnly: [...REVIEWED, 'submittedAt'],
  },
  'api::consultation.consultation': {
    list: ['title', 'organizer', 'updatedAt'],
    labels: { ...SCHEDULE_LABELS, phases: 'Phases' },
  },
  'api::consultation-phase.consultation-phase': {
    list: ['name', 'consultation', 'opensAt', 'closesAt', 'acceptsContributions'],
    labels: {
      ...WINDOW_LABELS,
      acceptsContributions: { label: 'Accepts contributions', description: 'Stakeholders may submit contributions in this phase.' },
      remoteParticipation: 'Remote participation',
    },
    edit: [
      ['name', 'consultation'],
      ['kind', 'acceptsContributions'],
      ['opensAt', 'closesAt'],
      ['timezone', 'editableUntil'],
      ['extensions'],
      ['lateSubmitters'],
    ],
  },
  'api::consultation-contribution.consultation-contribution': {
    list: ['title', 'phase', 'reviewState', 'late', 'organization', 'updatedAt'],
    labels: { ...REVIEW_LABELS, phase: 'Phase', contactEmail: 'Contact e-mail' },
    edit: [['title', 'phase'], ['reviewState', 'late'], ['reviewReason']],
    readOnly: REVIEWED,
  },
  'api::forum-edition.forum-edition': {
    list: ['title', 'year', 'startDate', 'endDate'],
    labels: {
      outcomeSummaryDeadline: {
        label: 'Outcome summaries due',
        description:
          'Session organizers send their outcome summary before this date (shown in your browser’s time; the Window panel gives it in Geneva time).',
      },
      startDate: 'Starts',
      endDate: 'Ends',
    },
  },
  'api::forum-session.forum-session': {
    list: ['number', 'title', 'edition', 'sessionType', 'startsAt'],
    labels: {
      ...SCHEDULE_LABELS,
      startsAt: 'Starts',
      endsAt: 'Ends',
      sessionType: 'Session type',
      participationMode: 'Participation',
      interpretationLanguages: 'Interpretation',
      webcastUrl: 'Webcast URL',
      summary: 'Outcome summary',
    },
  },
  'api::event.event': {
    list: ['title', 'startsAt', 'city', 'scope'],
    labels: { startsAt: 'Starts', endsAt: 'Ends', allDay: 'All day', url: 'Web page' },
  },
  'api::publication.publication': {
    list: ['title', 'publicationType', 'institution', 'publishedOn'],
    labels: { publicationType: 'Type', publishedOn: 'Published on', actionLines: 'Action lines' },
  },
  'api::partner.partner': { list: ['name', 'partnerType', 'region'], labels: { partnerType: 'Partnership' } },
  'api::organization.organization': {
    list: ['name', 'stakeholderType', 'country'],
    labels: { stakeholderType: 'Stakeholder type', contactEmail: 'Contact e-mail' },
  },
  'api::action-line.action-line': { list: ['code', 'title', 'facilitator'] },
  'api::country.country': { list: ['code', 'name', 'region'] },
  // Stakeholders' accounts: the organization they name, and whether an editor verified it.
  'plugin::users-permissions.user': {
    list: ['username', 'email', 'organization', 'organizationVerified', 'confirmed', 'blocked'],
    labels: {
      organizationVerified: {
        label: 'Organization verified',
        description: 'Checked by an editor: the account may carry forward the organization’s stocktaking entries.',
      },
    },
  },
};
