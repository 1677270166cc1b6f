import { InvalidDateRangeError, overlapFilters, parseDateRange } from '../date-range';

const GENEVA = 'Europe/Zurich';

describe('date ranges', () => {
  it('reads dates as whole days in Geneva: from the start of the first, to the end of the last (CET)', () => {
    const range = parseDateRange('2011-11-14', '2011-11-15', GENEVA);
    expect(range.from!.toUTC().toISO()).toBe('2011-11-13T23:00:00.000Z');
    expect(range.to!.toUTC().toISO()).toBe('2011-11-15T22:59:59.999Z');
  });

  it('reads a date-time with an offset as that instant and one without as Geneva time', () => {
    expect(parseDateRange('2011-10-30T01:00:00Z', undefined, GENEVA).from!.toUTC().toISO()).toBe('2011-10-30T01:00:00.000Z');
    expect(parseDateRange(undefined, '2011-07-01T12:00', GENEVA).to!.toUTC().toISO()).toBe('2011-07-01T10:00:00.000Z');
  });

  it('accepts a missing bound', () => {
    expect(parseDateRange(undefined, undefined, GENEVA)).toEqual({ from: null, to: null });
  });

  it.each([
    ['garbage', undefined],
    ['2011-13-01', undefined],
    ['2011-02-30', undefined],
    [['2011-01-01', '2011-02-01'], undefined],
    [{ $gt: '2011' }, undefined],
    ['10/30/2011', undefined],
    [undefined, 'tomorrow'],
  ])('refuses the malformed bound %j', (from, to) => {
    expect(() => parseDateRange(from, to, GENEVA)).toThrow(InvalidDateRangeError);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => parseDateRange('2011-12-01', '2011-11-01', GENEVA)).toThrow(/after/);
  });

  it('selects items overlapping the range, an item without an end being an instant', () => {
    const range = parseDateRange('2011-10-01', '2011-10-31', GENEVA);
    expect(overlapFilters(range, 'startsAt', 'endsAt')).toEqual([
      { startsAt: { $lte: '2011-10-31T22:59:59.999Z' } },
      {
        $or: [
          { endsAt: { $gte: '2011-09-30T22:00:00.000Z' } },
          { $and: [{ endsAt: { $null: true } }, { startsAt: { $gte: '2011-09-30T22:00:00.000Z' } }] },
        ],
      },
    ]);
    expect(overlapFilters({ from: null, to: null }, 'startsAt', 'endsAt')).toEqual([]);
  });
});
