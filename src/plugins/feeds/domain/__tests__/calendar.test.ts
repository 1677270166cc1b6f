import ical from 'node-ical';
import { buildCalendar, calendarOf, foldLines } from '../calendar';
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

describe('calendar text', () => {
  const updatedAt = new Date('2026-03-01T08:00:00Z');
  const input = {
    name: 'Calendrier mondial des événements du SMSI, une ligne plus longue que soixante-quinze octets',
    description: 'التقويم العالمي لأحداث القمة العالمية لمجتمع المعلومات',
    prodId: { company: 'wsis', product: 'feeds', language: 'FR' },
    items: [
      {
        uid: 'long@test',
        summary: `Atelier 农村 ${'é'.repeat(40)} 🎉🎉🎉 ${'x'.repeat(70)}`,
        description: `Première ligne ; virgule, point\nDeuxième ligne ${'信息社会'.repeat(30)}`,
        location: 'CICG, Genève',
        url: `https://events.example.org/${'a'.repeat(120)}`,
        times: calendarTimes({ start: '2026-05-04T07:00:00Z', end: '2026-05-04T09:00:00Z', timezone: GENEVA }, GENEVA),
        updatedAt,
      },
      {
        uid: 'tokyo@test',
        summary: 'Tokyo',
        times: calendarTimes({ start: '2026-06-01T01:00:00Z', timezone: 'Asia/Tokyo' }, GENEVA),
        updatedAt,
      },
      {
        uid: 'day@test',
        summary: 'Whole day',
        times: calendarTimes({ start: '2026-05-05T22:00:00Z', end: '2026-05-06T21:59:59Z', allDay: true, timezone: GENEVA }, GENEVA),
        updatedAt,
      },
      {
        uid: 'again@test',
        summary: 'Geneva again, after Tokyo',
        times: calendarTimes({ start: '2026-07-01T10:00:00Z', end: '2026-07-01T11:00:00Z', timezone: GENEVA }, GENEVA),
        updatedAt,
      },
    ],
  };

  it("is byte for byte what ical-generator's own toString() writes (the same ETag as before)", () => {
    expect(buildCalendar(input)).toBe(calendarOf(input).toString());
    const empty = { ...input, items: [] };
    expect(buildCalendar(empty)).toBe(calendarOf(empty).toString());
  });

  it('folds every line to at most 75 octets, continuations starting with a space', () => {
    const lines = buildCalendar(input).split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(foldLines(`${'🎉'.repeat(20)}\r\nshort`)).toBe(`${'🎉'.repeat(18)}\r\n ${'🎉'.repeat(2)}\r\nshort`);
  });
});
