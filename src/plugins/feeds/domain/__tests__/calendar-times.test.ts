import { DateTime } from 'luxon';
import { calendarTimes, deadlineTimes, readsBackAs, spansWholeDays } from '../calendar-times';

const GENEVA = 'Europe/Zurich';
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('calendar times', () => {
  it('makes an all-day event of DATE values, its end the day after the last day (Rome, CEST)', () => {
    const times = calendarTimes(
      { start: '2011-09-04T22:00:00.000Z', end: '2011-09-09T21:59:59.000Z', allDay: true, timezone: 'Europe/Rome' },
      GENEVA,
    );
    expect(times.allDay).toBe(true);
    expect(times.start.toISODate()).toBe('2011-09-05');
    expect(times.end!.toISODate()).toBe('2011-09-10');
  });

  it('ends an all-day event across the end of summer time on the right day (29-31 October 2011 in Geneva)', () => {
    const times = calendarTimes(
      { start: '2011-10-28T22:00:00.000Z', end: '2011-10-31T22:59:59.000Z', allDay: true, timezone: GENEVA },
      GENEVA,
    );
    expect([times.start.toISODate(), times.end!.toISODate()]).toEqual(['2011-10-29', '2011-11-01']);
  });

  it('detects whole days when the type has no all-day flag (a consultation phase from 15 June to 1 September)', () => {
    const times = calendarTimes({ start: '2011-06-14T22:00:00.000Z', end: '2011-09-01T21:59:59.999Z', timezone: GENEVA }, GENEVA);
    expect(times.allDay).toBe(true);
    expect([times.start.toISODate(), times.end!.toISODate()]).toEqual(['2011-06-15', '2011-09-02']);
    expect(spansWholeDays(utc('2011-09-20T12:30:00Z').setZone(GENEVA), utc('2011-09-20T16:00:00Z').setZone(GENEVA))).toBe(false);
  });

  it('keeps timed events as local times in their zone (14:30-18:00 in Geneva, CEST)', () => {
    const times = calendarTimes({ start: '2011-09-20T12:30:00.000Z', end: '2011-09-20T16:00:00.000Z', timezone: GENEVA }, GENEVA);
    expect(times).toEqual(expect.objectContaining({ allDay: false, timezone: GENEVA }));
    expect(times.start.toFormat('HH:mm ZZ')).toBe('14:30 +02:00');
    expect(times.end!.toFormat('HH:mm')).toBe('18:00');
  });

  it('falls back to the default zone for a zone that is not IANA', () => {
    const times = calendarTimes({ start: '2011-09-20T12:30:00.000Z', timezone: 'Geneva' }, GENEVA);
    expect(times).toEqual(expect.objectContaining({ timezone: GENEVA }));
  });

  it('writes in UTC an instant whose Geneva time occurs twice and would be read as the first (02:30 CET, 30 October 2011)', () => {
    expect(readsBackAs(utc('2011-10-30T00:30:00Z'), GENEVA)).toBe(utc('2011-10-30T00:30:00Z').toMillis());
    expect(readsBackAs(utc('2011-10-30T01:30:00Z'), GENEVA)).toBe(utc('2011-10-30T00:30:00Z').toMillis());
    const times = calendarTimes({ start: '2011-10-30T00:30:00.000Z', end: '2011-10-30T01:30:00.000Z', timezone: GENEVA }, GENEVA);
    expect(times).toEqual(expect.objectContaining({ allDay: false, timezone: null }));
    const unambiguous = calendarTimes({ start: '2011-10-29T20:00:00.000Z', end: '2011-10-30T07:00:00.000Z', timezone: GENEVA }, GENEVA);
    expect(unambiguous).toEqual(expect.objectContaining({ timezone: GENEVA }));
  });

  it('shows a date-only deadline as that whole day and a deadline with a time as that instant', () => {
    const endOfDay = deadlineTimes(utc('2011-09-05T21:59:59.999Z'), GENEVA);
    expect(endOfDay.allDay).toBe(true);
    expect(endOfDay.start.toISODate()).toBe('2011-09-05');
    const timed = deadlineTimes(utc('2012-01-20T22:00:00Z'), GENEVA);
    expect(timed).toEqual(expect.objectContaining({ allDay: false, end: null, timezone: GENEVA }));
    expect(timed.start.toFormat('HH:mm')).toBe('23:00');
  });
});
