import { dueActions, toInstant, ScheduledDraft } from '../due-actions';

const now = new Date('2011-09-05T10:00:00Z');
const draft = (overrides: Partial<ScheduledDraft>): ScheduledDraft => ({
  id: 1,
  documentId: 'doc',
  locale: 'en',
  publishAt: null,
  unpublishAt: null,
  ...overrides,
});

describe('dueActions', () => {
  it('publishes a draft whose publishAt has passed, and one whose publishAt is exactly now', () => {
    const actions = dueActions(
      [draft({ id: 1, documentId: 'past', publishAt: '2011-09-05T09:59:00.000Z' }), draft({ id: 2, documentId: 'exact', publishAt: now })],
      now,
    );
    expect(actions.map(({ action, documentId }) => [action, documentId])).toEqual([
      ['publish', 'past'],
      ['publish', 'exact'],
    ]);
  });

  it('leaves a publishAt one millisecond in the future alone', () => {
    expect(dueActions([draft({ publishAt: now.getTime() + 1 })], now)).toEqual([]);
  });

  it('ignores drafts without a schedule and unreadable values', () => {
    expect(dueActions([draft({}), draft({ publishAt: 'not a date', unpublishAt: '' })], now)).toEqual([]);
  });

  it('unpublishes when unpublishAt has passed', () => {
    expect(dueActions([draft({ id: 7, unpublishAt: '2011-09-01T00:00:00Z' })], now)).toEqual([
      { action: 'unpublish', draftId: 7, documentId: 'doc', locale: 'en', at: new Date('2011-09-01T00:00:00Z') },
    ]);
  });

  it('replays a window that passed while nothing ran: publish, then unpublish', () => {
    const actions = dueActions([draft({ publishAt: '2011-09-05T09:00:00Z', unpublishAt: '2011-09-05T09:30:00Z' })], now);
    expect(actions.map((a) => a.action)).toEqual(['publish', 'unpublish']);
  });

  it('ends published when unpublishAt precedes publishAt', () => {
    const actions = dueActions([draft({ publishAt: '2011-09-05T09:30:00Z', unpublishAt: '2011-09-05T09:00:00Z' })], now);
    expect(actions.map((a) => a.action)).toEqual(['unpublish', 'publish']);
  });

  it('publishes before unpublishing at the same instant (a zero-length window ends unpublished)', () => {
    const actions = dueActions([draft({ publishAt: '2011-09-05T09:00:00Z', unpublishAt: '2011-09-05T09:00:00Z' })], now);
    expect(actions.map((a) => a.action)).toEqual(['publish', 'unpublish']);
  });

  it('lists each locale of a document as its own action, in a stable order', () => {
    const at = '2011-09-05T09:00:00Z';
    const actions = dueActions([draft({ id: 2, locale: 'fr', publishAt: at }), draft({ id: 1, locale: 'en', publishAt: at })], now);
    expect(actions.map((a) => [a.locale, a.draftId])).toEqual([
      ['en', 1],
      ['fr', 2],
    ]);
  });
});

describe('toInstant', () => {
  it('reads Dates, ISO strings and epoch milliseconds as the same instant', () => {
    const iso = '2012-05-14T07:00:00.000Z';
    expect(toInstant(new Date(iso))?.toISOString()).toBe(iso);
    expect(toInstant(iso)?.toISOString()).toBe(iso);
    expect(toInstant(Date.parse(iso))?.toISOString()).toBe(iso);
  });

  it('is null for empty and unreadable values', () => {
    expect(toInstant(null)).toBeNull();
    expect(toInstant(undefined)).toBeNull();
    expect(toInstant('soon')).toBeNull();
  });
});
