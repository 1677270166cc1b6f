/**
 * Which scheduled publications and unpublications are due. Pure: no Strapi, no clock.
 *
 * The schedule is read from draft rows only: in Strapi 5 editors edit the draft, and a published
 * document whose schedule was changed and saved (not republished) carries the new schedule on its
 * draft row while its published row keeps the old one.
 */

export type Instant = Date | string | number | null | undefined;

/** One draft row (one document in one locale) carrying a schedule. */
export interface ScheduledDraft {
  id: number | string;
  documentId: string;
  /** `null` for content types that are not localized. */
  locale: string | null;
  publishAt: Instant;
  unpublishAt: Instant;
}

export type ScheduledAction = 'publish' | 'unpublish';

export interface DueAction {
  action: ScheduledAction;
  /** The draft row whose field is claimed (compare-and-set) before acting. */
  draftId: number | string;
  documentId: string;
  locale: string | null;
  /** When the action was due. */
  at: Date;
}

/**
 * The actions due at `now` (an instant `<= now` is due), in the order of their instants, so a
 * document whose whole window passed while nothing ran (publishAt 09:00, unpublishAt 10:00, run at
 * 11:00) ends unpublished, and one whose unpublishAt precedes its publishAt ends published. At
 * the same instant publishing comes first: a zero-length window ends unpublished.
 */
export function dueActions(drafts: readonly ScheduledDraft[], now: Date): DueAction[] {
  const actions: DueAction[] = [];
  for (const draft of drafts) {
    for (const [action, value] of [
      ['publish', draft.publishAt],
      ['unpublish', draft.unpublishAt],
    ] as const) {
      const at = toInstant(value);
      if (at && at.getTime() <= now.getTime()) {
        actions.push({ action, draftId: draft.id, documentId: draft.documentId, locale: draft.locale, at });
      }
    }
  }
  return actions.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      Number(a.action === 'unpublish') - Number(b.action === 'unpublish') ||
      a.documentId.localeCompare(b.documentId) ||
      (a.locale ?? '').localeCompare(b.locale ?? ''),
  );
}

/** A datetime as the database drivers return it (Date, ISO string or epoch milliseconds), or null. */
export function toInstant(value: Instant): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
