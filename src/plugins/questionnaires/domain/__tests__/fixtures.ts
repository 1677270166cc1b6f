import type { Catalogs, Question } from '../questions';

export const catalogs: Catalogs = { countries: ['CH', 'FR', 'EG'], actionLines: ['C1', 'C2', 'C3'] };

/** One question of each type, as the database hands them (nulls, ids, components). */
export const raw: unknown[] = [
  { id: 1, __component: 'q.question', key: 'title', type: 'short_text', required: true, public: null, label: 'Title', help: null },
  { id: 2, key: 'summary', type: 'long_text', required: null, public: true, label: 'Summary', help: 'A few lines' },
  {
    id: 3,
    key: 'stage',
    type: 'single_choice',
    required: true,
    public: true,
    label: 'Stage',
    options: [
      { id: 1, key: 'planned', label: 'Planned' },
      { id: 2, key: 'ongoing', label: 'Ongoing' },
      { id: 3, key: 'done', label: null },
    ],
  },
  {
    key: 'themes',
    type: 'multiple_choice',
    required: false,
    public: true,
    label: 'Themes',
    options: [
      { key: 'gender', label: 'Gender' },
      { key: 'youth', label: 'Youth' },
      { key: 'other', label: 'Other' },
    ],
  },
  { key: 'other_theme', type: 'short_text', required: true, shownWhenQuestion: 'themes', shownWhenOption: 'other', label: 'Other theme' },
  { key: 'people', type: 'number', required: false, minimum: 1, maximum: 1000, label: 'People reached' },
  { key: 'started', type: 'date', label: 'Start date' },
  { key: 'website', type: 'url', label: 'Website' },
  { key: 'contact', type: 'email', public: false, label: 'Contact e-mail' },
  { key: 'funded', type: 'yes_no', required: true, label: 'Funded?' },
  { key: 'funder', type: 'short_text', required: true, shownWhenQuestion: 'funded', shownWhenOption: 'yes', label: 'Funder' },
  { key: 'report', type: 'file', label: 'Report', options: [] },
  { key: 'countries', type: 'countries', label: 'Countries' },
  { key: 'action_lines', type: 'action_lines', label: 'Action lines' },
  { key: 'phase_note', type: 'long_text', shownWhenQuestion: 'stage', shownWhenOption: 'done', label: 'Lessons learned' },
];

export const complete = {
  title: 'Rural post offices',
  stage: 'done',
  funded: true,
  funder: 'UPU',
};

export type { Question };
