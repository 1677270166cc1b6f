import ical from 'node-ical';
import { buildCalendar } from '../calendar';
import { calendarTimes } from '../calendar-times';

const GENEVA = 'Europe/Zurich';

describe('iCalendar output', () => {
  const text = buildCalendar({
    name: 'Forum',
    prodId: { company: 'wsis', product: 'feeds', language: 'EN' },
    items: [
      {
        uid: 'a@test',
        summary: 'Séance ; virgule, 农村',
        times: calendarTimes({ start: '2011-09-20T12:30:00Z', end: '2011-09-20T16:00:00Z', timezone: GENEVA }, GENEVA),
        updatedAt: new Date('2011-08-01T10:00:00Z'),
      },
      {
        uid: 'b@test',
        summary: 'Night',
        times: calendarTimes({ start: '2011-10-30T00:30:00Z', end: '2011-10-30T01:30:00Z', timezone: GENEVA }, GENEVA),
        updatedAt: new Date('2011-08-01T10:00:00Z'),
      },
      {
        uid: 'c@test',
        summary: 'Week',
        times: calendarTimes({ start: '2011-09-04T22:00:00Z', end: '2011-09-09T21:59:59Z', allDay: true, timezone: 'Europe/Rome' }, GENEVA),
        updatedAt: new Date('2011-08-01T10:00:00Z'),
      },
    ],
  });

  it('writes DTSTAMP in UTC, timed events with TZID and a VTIMEZONE, whole days as DATE values', () => {
    expect(text).toContain('DTSTAMP:20110801T100000Z');
    expect(text).toContain('DTSTART;TZID=Europe/Zurich:20110920T143000');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich');
    expect(text).toContain('DTSTART;VALUE=DATE:20110905');
    expect(text).toContain('DTEND;VALUE=DATE:20110910');
    expect(text).not.toContain('TZID=Europe/Rome');
  });

  it('reads back the same instants in an independent parser, the repeated hour of 30 October 2011 included', () => {
    const events = ical.sync.parseICS(text);
    expect((events['a@test'] as ical.VEvent).start.toISOString()).toBe('2011-09-20T12:30:00.000Z');
    expect((events['a@test'] as ical.VEvent).summary).toBe('Séance ; virgule, 农村');
    expect((events['b@test'] as ical.VEvent).start.toISOString()).toBe('2011-10-30T00:30:00.000Z');
    expect((events['b@test'] as ical.VEvent).end.toISOString()).toBe('2011-10-30T01:30:00.000Z');
    expect((events['c@test'] as ical.VEvent).datetype).toBe('date');
  });
});
