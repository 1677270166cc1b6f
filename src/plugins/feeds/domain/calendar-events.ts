/**
 * The events one document gives a calendar: the item itself, and its deadline when it has a
 * window that closes. Windows come from another plugin (`WindowProvider.deadlinesOf`).
 */
import type { WindowDeadline } from '../../shared/contracts';
import { valueAt, valuesAt } from './attribute-paths';
import type { CalendarItem } from './calendar';
import { calendarTimes, deadlineTimes, toDateTime, validZone } from './calendar-times';
import { localizedText } from './localized-text';

export type CalendarDoc = Record<string, unknown> & { documentId: string; updatedAt?: string | Date };

/** Attribute paths of an item (see the plugin's `CalendarConfig.fields`). */
export interface EventFields {
  summary: string;
  description?: string;
  start: string;
  end?: string;
  allDay?: string;
  timezone?: string;
  location?: string[];
  url?: string;
}

export interface EventSettings {
  fields: EventFields;
  /** UIDs are `<singular>-<documentId>@<uidDomain>`. */
  singular: string;
  uidDomain: string;
  /** The zone of items without one of their own or their parent's. */
  defaultZone: string;
  defaultLocale?: string;
  /** The parent document's zone and location (a calendar per parent). */
  parent: { zone?: string; location: string[] };
  /** One more event at the effective deadline of the items matching `match`. */
  deadlines?: { match?: Record<string, unknown>; label: Record<string, string>; extendedLabel?: Record<string, string> };
}

const DEFAULT_EXTENDED_LABEL = 'Extended; original deadline:';

/** Whether a document matches every `field: value` condition. */
function matches(item: CalendarDoc, conditions: Record<string, unknown> = {}): boolean {
  return Object.entries(conditions).every(([field, expected]) => item[field] === expected);
}

const text = (item: CalendarDoc, path: string | undefined): string | null =>
  path ? ((valueAt(item, path) as string | undefined) ?? null) : null;

/** The item's event and, for a window that closes, its deadline's; none for an item without a start. */
export function calendarEvents(item: CalendarDoc, window: WindowDeadline | null, settings: EventSettings): CalendarItem[] {
  const { fields, singular, uidDomain, defaultZone, parent } = settings;
  const start = window?.opensAt ?? (valueAt(item, fields.start) as string | undefined);
  if (!start) return [];
  const zone = validZone(
    window?.timezone ?? (fields.timezone ? (valueAt(item, fields.timezone) as string) : undefined) ?? parent.zone,
    defaultZone,
  );
  const summary = String(valueAt(item, fields.summary) ?? '');
  const updatedAt = new Date(item.updatedAt ?? 0);
  const event: CalendarItem = {
    uid: `${singular}-${item.documentId}@${uidDomain}`,
    summary,
    description: text(item, fields.description),
    location: [...(fields.location ?? []).flatMap((path) => valuesAt(item, path)).map(String), ...parent.location].join(', ') || null,
    url: text(item, fields.url),
    times: calendarTimes(
      {
        start: toDateTime(start),
        end: window ? window.closesAt : ((valueAt(item, fields.end ?? '') as string | undefined) ?? null),
        allDay: fields.allDay ? Boolean(valueAt(item, fields.allDay)) : undefined,
        timezone: zone,
      },
      defaultZone,
    ),
    updatedAt,
  };
  const deadline = deadlineEvent(item, window, { summary, zone, updatedAt }, settings);
  return deadline ? [event, deadline] : [event];
}

/** The deadline's event: the effective deadline; when extended, the original one and the reasons. */
function deadlineEvent(
  item: CalendarDoc,
  window: WindowDeadline | null,
  event: { summary: string; zone: string; updatedAt: Date },
  { deadlines, singular, uidDomain, defaultLocale }: EventSettings,
): CalendarItem | null {
  if (!deadlines || !window?.closesAt || !matches(item, deadlines.match)) return null;
  const locale = item.locale as string;
  const extendedLabel = deadlines.extendedLabel ? localizedText(deadlines.extendedLabel, locale, defaultLocale) : DEFAULT_EXTENDED_LABEL;
  const original =
    window.extended && window.originalClosesAt
      ? toDateTime(window.originalClosesAt).setZone(event.zone).toFormat('yyyy-MM-dd HH:mm')
      : null;
  return {
    uid: `${singular}-${item.documentId}-deadline@${uidDomain}`,
    summary: `${localizedText(deadlines.label, locale, defaultLocale)}: ${event.summary}`,
    description: original ? [`${extendedLabel} ${original} (${event.zone})`, ...window.extensionReasons].join('\n') : null,
    times: deadlineTimes(toDateTime(window.closesAt), event.zone),
    updatedAt: event.updatedAt,
  };
}
