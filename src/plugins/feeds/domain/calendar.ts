import ical, { type ICalCalendar, type ICalEvent } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import type { CalendarTimes } from './calendar-times';
import { feedText } from './feed-text';

export interface CalendarItem {
  /** Stable across requests and locales: `<type>-<documentId>@<domain>`. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  times: CalendarTimes;
  /** When the item was last revised: DTSTAMP and LAST-MODIFIED (RFC 5545 3.8.7.2, without METHOD). */
  updatedAt: Date;
}

export interface CalendarInput {
  name: string;
  description?: string | null;
  /** e.g. `{ company: 'WSIS', product: 'feeds', language: 'EN' }` becomes `-//WSIS//feeds//EN`. */
  prodId: { company: string; product: string; language?: string };
  items: CalendarItem[];
}

/**
 * An RFC 5545 calendar. Timed items carry TZID and the zone's VTIMEZONE; whole-day items are DATE
 * values. The calendar itself has no default zone: ical-generator would then write DTSTAMP as a
 * floating time, which RFC 5545 forbids (it must be UTC). Every text passes through `feedText`.
 */
export function buildCalendar(input: CalendarInput): string {
  return calendarText(ical(calendarSettings(input)).toString(), calendarOf(input).events());
}

const calendarSettings = (input: CalendarInput) => ({
  // ical-generator writes the calendar's NAME, X-WR-CALNAME and X-WR-CALDESC unescaped: one line each.
  name: feedText(input.name),
  prodId: input.prodId,
  description: input.description ? feedText(input.description) : undefined,
});

/** The calendar as ical-generator holds it; its own `toString()` is what `buildCalendar` writes, only slower. */
export function calendarOf(input: CalendarInput): ICalCalendar {
  const calendar = ical(calendarSettings(input));
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const item of input.items) {
    const stamp = DateTime.fromJSDate(item.updatedAt).toUTC();
    const event = calendar.createEvent({
      id: item.uid,
      summary: feedText(item.summary),
      description: item.description ? feedText(item.description, { multiline: true }) : undefined,
      location: item.location ? feedText(item.location) : undefined,
      url: item.url ? feedText(item.url) : undefined,
      stamp,
      lastModified: stamp,
      start: item.times.start,
      end: item.times.end ?? undefined,
      allDay: item.times.allDay,
      // DATE values take no zone (a zone would only add a useless VTIMEZONE); without a zone,
      // times are written in UTC.
      timezone: ('timezone' in item.times && item.times.timezone) || undefined,
    });
    if (!item.times.allDay && !item.times.end) event.end(null);
  }
  return calendar;
}

const END = 'END:VCALENDAR';

/**
 * The text ical-generator's `calendar.toString()` writes (the test compares them byte for byte),
 * without its line folding: that one encodes every character of the whole calendar with a new
 * TextEncoder (a Uint8Array each, outside the V8 heap: a 2,000-event calendar left tens of MB of
 * resident memory per request; fixed in ical-generator 11, which needs Node 22). The calendar's
 * head and foot come from ical-generator (an empty calendar, folded by it); the VTIMEZONEs of the
 * events' zones (first appearance first, as ical-generator lists them) and the events are folded
 * here, line by line, with the same rule.
 */
function calendarText(shell: string, events: ICalEvent[]): string {
  if (!shell.endsWith(END)) throw new Error('ical-generator: unexpected calendar text');
  const zones = [...new Set(events.map((event) => event.timezone()))].filter(
    (zone): zone is string => zone !== null && !zone.startsWith('/'),
  );
  const parts: string[] = [];
  for (const zone of zones) {
    const component = getVtimezoneComponent(zone);
    if (component) parts.push(`${component.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim()}\r\n`);
  }
  for (const event of events) parts.push(event.toString());
  return shell.slice(0, -END.length) + foldLines(parts.join('')) + END;
}

/** UTF-8 octets of the character at `index` (a surrogate pair counts as one character, as in ical-generator). */
const octetsAt = (text: string, index: number, code: number): number =>
  code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? Buffer.byteLength(text.slice(index, index + 2)) : 3;

/**
 * RFC 5545 3.1 folding as ical-generator 10 does it: a line is broken before the character that
 * would take it past 74 octets, the continuation starting with a space.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      let folded = '';
      let start = 0;
      let octets = 0;
      for (let index = 0; index < line.length;) {
        const code = line.charCodeAt(index);
        const size = octetsAt(line, index, code);
        octets += size;
        if (octets > 74) {
          folded += `${line.slice(start, index)}\r\n `;
          start = index;
          octets = size;
        }
        index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      }
      return folded + line.slice(start);
    })
    .join('\r\n');
}
