import { DateTime } from 'luxon';

export class InvalidDateRangeError extends Error {
  constructor(
    message: string,
    readonly parameter: 'from' | 'to',
  ) {
    super(message);
    this.name = 'InvalidDateRangeError';
  }
}

export interface DateRange {
  from: DateTime | null;
  to: DateTime | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/**
 * `from`/`to` query parameters: a date (`2011-10-30`: from the start of that day, to its end, in
 * `zone`) or an ISO 8601 date-time (wall-clock time in `zone` unless it carries an offset).
 * Either may be missing; anything else, or `from` after `to`, is an InvalidDateRangeError.
 */
export function parseDateRange(from: unknown, to: unknown, zone: string): DateRange {
  const range = { from: parseBound(from, 'from', zone), to: parseBound(to, 'to', zone) };
  if (range.from && range.to && range.from > range.to) {
    throw new InvalidDateRangeError(`\`from\` (${String(from)}) is after \`to\` (${String(to)})`, 'from');
  }
  return range;
}

function parseBound(value: unknown, parameter: 'from' | 'to', zone: string): DateTime | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') {
    throw new InvalidDateRangeError(`\`${parameter}\` must be one date (YYYY-MM-DD) or date-time (ISO 8601)`, parameter);
  }
  const text = value.trim();
  const parsed = DATE_ONLY.test(text)
    ? DateTime.fromISO(text, { zone })
    : DateTime.fromISO(text, HAS_OFFSET.test(text) ? { setZone: true } : { zone });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new InvalidDateRangeError(`\`${parameter}\` is not a date (YYYY-MM-DD) or ISO 8601 date-time: "${value}"`, parameter);
  }
  if (DATE_ONLY.test(text)) return parameter === 'from' ? parsed.startOf('day') : parsed.endOf('day');
  return parsed;
}

/**
 * Document Service filters for the items that overlap the range: starting before its end and
 * ending after its start (an item without an end is an instant at its start).
 */
export function overlapFilters(range: DateRange, startField: string, endField?: string): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [];
  if (range.to) filters.push({ [startField]: { $lte: range.to.toUTC().toISO() } });
  if (range.from) {
    const from = range.from.toUTC().toISO();
    filters.push(
      endField
        ? { $or: [{ [endField]: { $gte: from } }, { $and: [{ [endField]: { $null: true } }, { [startField]: { $gte: from } }] }] }
        : { [startField]: { $gte: from } },
    );
  }
  return filters;
}
