import { DateTime, IANAZone } from 'luxon';

/**
 * When a calendar item takes place, as iCalendar wants it: whole days as DATE values (the end
 * exclusive, RFC 5545 3.6.1), anything else as local times in the item's IANA zone (TZID), or
 * in UTC (`timezone: null`) when a local time would be misread (see `readsBackAs`).
 */
export type CalendarTimes =
  { allDay: true; start: DateTime; end: DateTime } | { allDay: false; start: DateTime; end: DateTime | null; timezone: string | null };

export interface TimesInput {
  start: DateTime | Date | string;
  end?: DateTime | Date | string | null;
  /** true/false as stored; undefined: whole days are detected (midnight to end of day). */
  allDay?: boolean | null;
  timezone?: string | null;
}

export const toDateTime = (value: DateTime | Date | string): DateTime =>
  DateTime.isDateTime(value) ? value : value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value, { setZone: true });

/**
 * Whether each zone name seen is an IANA zone: luxon's `isValidZone` builds an
 * Intl.DateTimeFormat on every call (ICU memory outside the V8 heap), twice per calendar item.
 * Names come from content: the map is emptied when it holds too many.
 */
const knownZones = new Map<string, boolean>();
const MAX_KNOWN_ZONES = 1000;

function isValidZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    if (knownZones.size >= MAX_KNOWN_ZONES) knownZones.clear();
    valid = IANAZone.isValidZone(zone);
    knownZones.set(zone, valid);
  }
  return valid;
}

export function validZone(zone: string | null | undefined, fallback: string): string {
  return zone && isValidZone(zone) ? zone : fallback;
}

export function calendarTimes(input: TimesInput, defaultZone: string): CalendarTimes {
  const timezone = validZone(input.timezone, defaultZone);
  const start = toDateTime(input.start).setZone(timezone);
  const end = input.end ? toDateTime(input.end).setZone(timezone) : null;
  const allDay = input.allDay ?? (end !== null && spansWholeDays(start, end));
  if (!allDay) {
    const last = end && end < start ? start : end;
    const exact = [start, last].every((value) => !value || readsBackAs(value, timezone) === value.toMillis());
    return { allDay: false, start, end: last, timezone: exact ? timezone : null };
  }

  const firstDay = start.startOf('day');
  // Stored ends are either the last instant of the last day (23:59:59) or midnight after it.
  const endDay = end ? (isMidnight(end) && end > start ? end : end.startOf('day').plus({ days: 1 })) : firstDay.plus({ days: 1 });
  return { allDay: true, start: firstDay, end: endDay <= firstDay ? firstDay.plus({ days: 1 }) : endDay };
}

const isMidnight = (value: DateTime) => value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
const isEndOfDay = (value: DateTime) => value.hour === 23 && value.minute === 59 && value.second === 59;

/** From midnight to the end of a day (23:59:59, with or without milliseconds) or to a later midnight. */
export function spansWholeDays(start: DateTime, end: DateTime): boolean {
  return isMidnight(start) && end > start && (isEndOfDay(end) || isMidnight(end));
}

/**
 * The instant that a TZID local time denotes for a calendar reader. When clocks go back, a local
 * time occurs twice (02:30 on 30 October 2011 in Geneva) and RFC 5545 3.3.5 takes the first
 * occurrence (CEST); an instant at the second one (CET) must then be written in UTC.
 */
export function readsBackAs(value: DateTime, zone: string): number {
  const tz = IANAZone.create(zone);
  const local = value.setZone(zone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  const offsets = new Set([tz.offset(value.toMillis() - 6 * 3600_000), local.offset, tz.offset(value.toMillis() + 6 * 3600_000)]);
  const instants = [...offsets].map((offset) => wall - offset * 60_000).filter((instant) => tz.offset(instant) * 60_000 === wall - instant);
  return instants.length ? Math.min(...instants) : value.toMillis();
}

/**
 * A deadline as a calendar entry: a date without a time ("5 September 2011", stored as the end
 * of that day) is that whole day; a deadline with a time ("23:00 Geneva time") is that instant.
 */
export function deadlineTimes(deadline: DateTime, zone: string): CalendarTimes {
  const local = deadline.setZone(zone);
  if (isEndOfDay(local)) return { allDay: true, start: local.startOf('day'), end: local.startOf('day').plus({ days: 1 }) };
  return { allDay: false, start: local, end: null, timezone: readsBackAs(local, zone) === local.toMillis() ? zone : null };
}
