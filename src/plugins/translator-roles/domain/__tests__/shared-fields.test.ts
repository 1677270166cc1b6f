import { changedSharedFields, comparable, comparedSharedAttributes, strippedSharedAttributes, type AttributeFacts } from '../shared-fields';

const EVENT: Record<string, AttributeFacts> = {
  title: { type: 'string', localized: true },
  slug: { type: 'uid' },
  country: { type: 'relation' },
  startsAt: { type: 'datetime', localized: false },
  allDay: { type: 'boolean', localized: false },
  scope: { type: 'enumeration', localized: false },
  publishedOn: { type: 'date' },
  cover: { type: 'media', localized: false },
  documents: { type: 'media', multiple: true, localized: false },
  file: { type: 'media', localized: true },
  venue: { type: 'component', localized: false },
  blocks: { type: 'dynamiczone', localized: false },
  settings: { type: 'json', localized: false },
};
const STORED = {
  title: 'ITU Telecom World 2011',
  startsAt: '2011-10-24T07:00:00.000Z',
  allDay: false,
  scope: 'international',
  publishedOn: '2011-10-24',
  cover: { id: 7, url: '/uploads/cover.png' },
  documents: [{ id: 3 }, { id: 4 }],
  settings: { a: 1, b: [1, 2] },
};

describe('which shared attributes are compared and which are stripped', () => {
  it('compares shared scalars and media; relations, uids and localized fields are per locale', () => {
    expect(comparedSharedAttributes(EVENT)).toEqual(['startsAt', 'allDay', 'scope', 'publishedOn', 'cover', 'documents', 'settings']);
  });

  it('strips shared components and dynamic zones', () => {
    expect(strippedSharedAttributes(EVENT)).toEqual(['venue', 'blocks']);
  });
});

describe('changedSharedFields', () => {
  it('sees no change in the whole form sent back as the content manager serializes it', () => {
    const form = {
      title: 'تيليكوم العالمي 2011',
      startsAt: '2011-10-24T07:00:00Z',
      allDay: 0,
      scope: 'international',
      publishedOn: '2011-10-24T00:00:00.000Z',
      cover: { id: 7, name: 'cover.png' },
      documents: [3, 4],
      settings: { b: [1, 2], a: 1 },
      venue: { id: 1, name: 'Palexpo' },
    };
    expect(changedSharedFields(EVENT, form, STORED)).toEqual([]);
  });

  it('names every shared field whose value differs', () => {
    const form = { startsAt: '2011-10-25T07:00:00.000Z', scope: 'regional', cover: null, documents: [4, 5] };
    expect(changedSharedFields(EVENT, form, STORED)).toEqual(['startsAt', 'scope', 'cover', 'documents']);
  });

  it('sees the same files in another order as unchanged', () => {
    expect(changedSharedFields(EVENT, { documents: [{ id: 4 }, { id: 3 }] }, STORED)).toEqual([]);
  });

  it('sees the same instant written with another offset as unchanged', () => {
    expect(changedSharedFields(EVENT, { startsAt: '2011-10-24T09:00:00+02:00' }, STORED)).toEqual([]);
  });

  it('does not count attributes that were not sent', () => {
    expect(changedSharedFields(EVENT, { title: 'x' }, STORED)).toEqual([]);
  });

  it('lets a new locale leave shared fields empty (Strapi fills them), but not set other values', () => {
    expect(changedSharedFields(EVENT, { startsAt: null, scope: '', cover: null }, STORED, { emptyInherits: true })).toEqual([]);
    expect(changedSharedFields(EVENT, { scope: 'national' }, STORED, { emptyInherits: true })).toEqual(['scope']);
  });

  it('treats empty strings and null alike', () => {
    expect(changedSharedFields({ organizer: { type: 'string' } }, { organizer: '' }, { organizer: null })).toEqual([]);
  });
});

describe('comparable', () => {
  it('puts instants, dates, times, booleans and numbers in one form', () => {
    expect(comparable({ type: 'datetime' }, new Date('2011-09-05T21:59:59.999Z'))).toBe(Date.parse('2011-09-05T21:59:59.999Z'));
    expect(comparable({ type: 'time' }, '09:30')).toBe('09:30:00.000');
    expect(comparable({ type: 'boolean' }, 1)).toBe(true);
    expect(comparable({ type: 'integer' }, '2012')).toBe(2012);
    expect(comparable({ type: 'media', multiple: true }, [])).toBeNull();
  });
});
