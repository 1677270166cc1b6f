import ical from 'ical-generator';
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
  // ical-generator writes the calendar's NAME, X-WR-CALNAME and X-WR-CALDESC unescaped: one line each.
  const calendar = ical({
    name: feedText(input.name),
    prodId: input.prodId,
    description: input.description ? feedText(input.description) : undefined,
  });
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
  return calendar.toString();
}
