import { DateTime, IANAZone } from 'luxon';

// Deadlines are stated in Geneva time; Europe/Geneva is not an IANA zone, Geneva follows Europe/Zurich.
export const DEFAULT_TIMEZONE = 'Europe/Zurich';

export type WindowState = 'upcoming' | 'open' | 'closed';

/** A value as it comes from the database or a payload: ISO string (date-only or date-time), Date, or null/undefined. */
export type DateInput = string | Date | null | undefined;

export interface ExtensionInput {
  closesAt: DateInput;
  reason?: string | null;
  announcedAt?: DateInput;
}

export interface WindowInput {
  opensAt?: DateInput;
  closesAt?: DateInput;
  /** IANA zone; null, undefined or '' means DEFAULT_TIMEZONE. */
  timezone?: string | null;
  extensions?: ExtensionInput[] | null;
  /** Edit grace: existing submissions stay editable until then, after closing. */
  editableUntil?: DateInput;
}

export interface Extension {
  closesAt: DateTime;
  reason: string | null;
  announcedAt: DateTime | null;
}

export interface Window {
  timezone: string;
  /** null = open since forever. */
  opensAt: DateTime | null;
  /** null = never closes. */
  originalClosesAt: DateTime | null;
  /** The effective deadline: the latest extension, else the original. */
  closesAt: DateTime | null;
  /** Sorted by closesAt, each extending the previous one. */
  extensions: Extension[];
  /** null = no grace: edits end with closesAt. */
  editableUntil: DateTime | null;
}

export interface WindowSummary {
  state: WindowState;
  timezone: string;
  opensAt: string | null;
  /** The effective deadline. */
  closesAt: string | null;
  /** Only when extended, else null. */
  originalClosesAt: string | null;
  extended: boolean;
  editableUntil: string | null;
  extensions: { closesAt: string; reason: string | null; announcedAt: string | null }[];
}

export class InvalidWindowError extends Error {
  readonly code = 'INVALID_WINDOW';

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'InvalidWindowError';
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * Parses one deadline value in `timezone`. A date-only 'YYYY-MM-DD' is the start (edge 'start') or the
 * end (edge 'end', 23:59:59.999) of that day; a date-time without offset is wall-clock time in `timezone`;
 * a date-time with an offset or Z, or a JS Date, is that instant. null/undefined -> null; anything else throws.
 * The result is set to `timezone`, so toISO() prints its offset.
 */
export function parseDeadline(value: unknown, timezone: string, edge: 'start' | 'end', field: string): DateTime | null {
  if (value === null || value === undefined) return null;

  const invalid = (why: string) => new InvalidWindowError(`${field}: ${why} (${JSON.stringify(value)})`, field);
  let parsed: DateTime;

  if (value instanceof Date) {
    parsed = DateTime.fromJSDate(value, { zone: timezone });
  } else if (typeof value !== 'string') {
    throw invalid('expected an ISO 8601 date or date-time string');
  } else if (DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone: timezone });
    parsed = edge === 'start' ? day.startOf('day') : day.endOf('day');
  } else if (OFFSET_DATE_TIME.test(value)) {
    parsed = DateTime.fromISO(value, { zone: timezone });
  } else if (LOCAL_DATE_TIME.test(value)) {
    parsed = DateTime.fromISO(value, { zone: timezone });
    // luxon moves a wall time that falls in a DST gap forward an hour; such a deadline does not exist.
    const wall = DateTime.fromISO(value, { zone: 'UTC' });
    if (parsed.isValid && parsed.toFormat('yyyy-MM-dd HH:mm:ss.SSS') !== wall.toFormat('yyyy-MM-dd HH:mm:ss.SSS')) {
      throw invalid(`this local time does not exist in ${timezone} (daylight saving time change)`);
    }
  } else {
    throw invalid('expected YYYY-MM-DD or an ISO 8601 date-time');
  }

  if (!parsed.isValid) throw invalid('not a valid date');
  return parsed;
}

/** Validates a window as stored or submitted and normalises it to DateTimes in its timezone. */
export function buildWindow(input: WindowInput): Window {
  const timezone = input.timezone || DEFAULT_TIMEZONE;
  if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) {
    throw new InvalidWindowError(`timezone: ${JSON.stringify(timezone)} is not an IANA time zone`, 'timezone');
  }

  const opensAt = parseDeadline(input.opensAt, timezone, 'start', 'opensAt');
  const originalClosesAt = parseDeadline(input.closesAt, timezone, 'end', 'closesAt');
  if (opensAt && originalClosesAt && originalClosesAt <= opensAt) {
    throw new InvalidWindowError('closesAt must be after opensAt', 'closesAt');
  }

  const extensions = (input.extensions ?? [])
    .map((extension): Extension => {
      const extendedTo = parseDeadline(extension?.closesAt, timezone, 'end', 'extensions');
      if (!extendedTo) throw new InvalidWindowError('extensions: an extension needs a closesAt', 'extensions');
      return {
        closesAt: extendedTo,
        reason: extension.reason || null,
        announcedAt: parseDeadline(extension.announcedAt, timezone, 'start', 'extensions'),
      };
    })
    .sort((a, b) => a.closesAt.toMillis() - b.closesAt.toMillis());

  // Each extension must move the deadline later: the original first, then the previous extension.
  let closesAt = originalClosesAt;
  for (const extension of extensions) {
    if (!closesAt) {
      throw new InvalidWindowError('extensions: a window without closesAt cannot be extended', 'extensions');
    }
    if (extension.closesAt <= closesAt) {
      throw new InvalidWindowError(
        `extensions: ${toZonedIso(extension.closesAt, timezone)} does not extend ${toZonedIso(closesAt, timezone)}`,
        'extensions',
      );
    }
    closesAt = extension.closesAt;
  }

  const editableUntil = parseDeadline(input.editableUntil, timezone, 'end', 'editableUntil');
  if (editableUntil && !closesAt) {
    throw new InvalidWindowError('editableUntil: an edit grace needs a closesAt', 'editableUntil');
  }
  if (editableUntil && closesAt && editableUntil < closesAt) {
    throw new InvalidWindowError('editableUntil must not be before the effective closesAt', 'editableUntil');
  }

  return { timezone, opensAt, originalClosesAt, closesAt, extensions, editableUntil };
}

/** open: opensAt <= now <= closesAt, both inclusive; a null bound is unbounded. */
export function windowState(window: Window, now: DateTime): WindowState {
  if (window.opensAt && now < window.opensAt) return 'upcoming';
  if (window.closesAt && now > window.closesAt) return 'closed';
  return 'open';
}

/**
 * The first instant after `now` at which the window's state is no longer what it is at `now` (it
 * opens, or its deadline passes), or null when it never changes again: until then, a response that
 * shows this window's state stays true.
 */
export function stateChangesAt(window: Window, now: DateTime): DateTime | null {
  if (window.opensAt && now < window.opensAt) return window.opensAt;
  if (window.closesAt && now <= window.closesAt) return window.closesAt.plus({ milliseconds: 1 });
  return null;
}

/** The deadline that applies to an edit: editableUntil ?? closesAt. */
export function editDeadline(window: Window): DateTime | null {
  return window.editableUntil ?? window.closesAt;
}

/** Whether an existing submission may still be edited: not before opensAt, and now <= editDeadline. */
export function isEditable(window: Window, now: DateTime): boolean {
  if (window.opensAt && now < window.opensAt) return false;
  const deadline = editDeadline(window);
  return !deadline || now <= deadline;
}

/** ISO 8601 with the timezone's offset (e.g. '2011-09-05T23:59:59.999+02:00'), or null. */
export function toZonedIso(value: DateTime | null, timezone: string): string | null {
  return value ? value.setZone(timezone).toISO() : null;
}

/** The window as API responses show it. */
export function summarizeWindow(window: Window, now: DateTime): WindowSummary {
  const iso = (value: DateTime | null) => toZonedIso(value, window.timezone);
  const extended = window.extensions.length > 0;
  return {
    state: windowState(window, now),
    timezone: window.timezone,
    opensAt: iso(window.opensAt),
    closesAt: iso(window.closesAt),
    originalClosesAt: extended ? iso(window.originalClosesAt) : null,
    extended,
    editableUntil: iso(window.editableUntil),
    extensions: window.extensions.map((extension) => ({
      closesAt: iso(extension.closesAt) as string,
      reason: extension.reason,
      announcedAt: iso(extension.announcedAt),
    })),
  };
}
