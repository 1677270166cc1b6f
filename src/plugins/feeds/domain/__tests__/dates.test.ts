import { newest } from '../dates';

describe('newest', () => {
  it('finds the newest date among strings, dates and gaps', () => {
    expect(newest(['2011-09-01T00:00:00Z', new Date('2011-10-01T00:00:00Z'), null, undefined, 'not a date'])!.toISOString()).toBe(
      '2011-10-01T00:00:00.000Z',
    );
    expect(newest([])).toBeNull();
  });
});
