import type { Core, UID } from '@strapi/strapi';
import type { DateTime } from 'luxon';
import { buildCalendar, type CalendarItem } from '../../domain/calendar';
import { calendarTimes, deadlineTimes, toDateTime, validZone } from '../../domain/calendar-times';
import { newest } from '../../domain/conditional';
import { valueAt, valuesAt } from '../../domain/attribute-paths';
import { InvalidDateRangeError, overlapFilters, parseDateRange } from '../../domain/date-range';
import { localizedText } from '../../domain/localized-text';
import { compareBy } from '../../domain/sorting';
import type { CalendarConfig, FeedsConfig } from '../config';
import { invalid } from '../errors';

type Doc = Record<string, unknown> & { documentId: string; updatedAt?: string | Date };

/** The window a deadlines-like plugin computes for a document. */
interface ComputedWindow {
  timezone: string;
  opensAt: DateTime | null;
  closesAt: DateTime | null;
  originalClosesAt: DateTime | null;
  extensions: { closesAt: DateTime; reason: string | null }[];
}

export interface CalendarRequest {
  locale?: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  auth: unknown;
}

/** iCalendar views of content types: which documents, and what each one says. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = () => strapi.plugin('feeds').service('documents');

  /** The opening and effective closing (latest extension) of a windowed document. */
  async function windowOf(calendar: CalendarConfig, item: Doc): Promise<ComputedWindow | null> {
    if (!calendar.windowsFrom) return null;
    const source = await strapi.plugin(calendar.windowsFrom).service('windows').loadSource(calendar.contentType, item.documentId);
    return (source?.window as ComputedWindow | undefined) ?? null;
  }

  function itemPaths(calendar: CalendarConfig): string[] {
    const { fields } = calendar;
    return [fields.summary, fields.description, fields.start, fields.end, fields.allDay, fields.timezone, fields.url, ...(fields.location ?? [])].filter(
      (path): path is string => Boolean(path),
    );
  }

  return {
    /** Every attribute path a calendar reads, for the configuration check at boot. */
    paths(name: string): { uid: string; paths: string[] }[] {
      const calendar = config().calendars[name];
      const parent = calendar.parent;
      return [
        { uid: calendar.contentType, paths: itemPaths(calendar) },
        ...(parent ? [{ uid: parent.contentType, paths: [parent.name, parent.timezone, ...(parent.location ?? [])].filter(Boolean) as string[] }] : []),
      ];
    },

    async render(name: string, request: CalendarRequest): Promise<{ body: string; lastModified: Date | null }> {
      const calendar = config().calendars[name];
      const { timezone: defaultZone, uidDomain } = config();
      const uid = calendar.contentType;
      const { fields } = calendar;
      const query = await documents().listQuery(uid, request.query, request.auth);
      const filters: unknown[] = query.filters ? [query.filters] : [];

      let parent: Doc | null = null;
      if (calendar.parent) {
        const { contentType, key = 'slug', relation, timezone, location = [], name: nameField } = calendar.parent;
        const populate = documents().populateFor(contentType, [timezone, nameField, ...location].filter(Boolean) as string[]);
        parent = await documents().findByKey(contentType, key, request.params[key] ?? request.params.slug, { locale: request.locale, populate });
        filters.push({ [relation]: { documentId: parent.documentId } });
      }
      if (calendar.range) {
        try {
          const range = parseDateRange(request.query.from, request.query.to, defaultZone);
          filters.push(...overlapFilters(range, fields.start, fields.end));
        } catch (error) {
          if (error instanceof InvalidDateRangeError) throw invalid('INVALID_DATE_RANGE', error.message, { parameter: error.parameter });
          throw error;
        }
      }

      // The latest items when there are more than maxItems (a calendar is for what comes), then in the configured order.
      const found: Doc[] = (
        await documents().findInLocale(uid, {
          locale: request.locale,
          status: query.status,
          filters: filters.length ? { $and: filters } : undefined,
          sort: [`${fields.start}:desc`, 'documentId:asc'],
          populate: documents().populateFor(uid, itemPaths(calendar)),
          limit: calendar.maxItems ?? 2000,
        })
      ).sort(compareBy([...(calendar.sort ?? []), `${fields.start}:asc`, 'documentId:asc']));

      const parentZone = parent && calendar.parent?.timezone ? (valueAt(parent, calendar.parent.timezone) as string | undefined) : undefined;
      const parentLocation = parent ? (calendar.parent?.location ?? []).flatMap((path) => valuesAt(parent, path)).map(String) : [];
      const singular = strapi.getModel(uid as UID.ContentType).info.singularName;
      const defaultLocale = await documents().defaultLocale();
      const items: CalendarItem[] = [];

      for (const item of found) {
        const window = await windowOf(calendar, item);
        const start = window?.opensAt ?? (valueAt(item, fields.start) as string | undefined);
        if (!start) continue;
        const zone = validZone(window?.timezone ?? (fields.timezone ? (valueAt(item, fields.timezone) as string) : undefined) ?? parentZone, defaultZone);
        const summary = String(valueAt(item, fields.summary) ?? '');
        const updatedAt = new Date((item.updatedAt as string | Date | undefined) ?? 0);
        items.push({
          uid: `${singular}-${item.documentId}@${uidDomain}`,
          summary,
          description: fields.description ? ((valueAt(item, fields.description) as string | undefined) ?? null) : null,
          location: [...(fields.location ?? []).flatMap((path) => valuesAt(item, path)).map(String), ...parentLocation].join(', ') || null,
          url: fields.url ? ((valueAt(item, fields.url) as string | undefined) ?? null) : null,
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
        });

        const deadline = calendar.deadlines;
        if (deadline && window?.closesAt && matches(item, deadline.match)) {
          const extended = window.extensions.length > 0 && window.originalClosesAt;
          const extendedLabel = deadline.extendedLabel ? localizedText(deadline.extendedLabel, item.locale as string, defaultLocale) : 'Extended; original deadline:';
          items.push({
            uid: `${singular}-${item.documentId}-deadline@${uidDomain}`,
            summary: `${localizedText(deadline.label, item.locale as string, defaultLocale)}: ${summary}`,
            description: extended
              ? [`${extendedLabel} ${window.originalClosesAt!.setZone(zone).toFormat('yyyy-MM-dd HH:mm')} (${zone})`, ...window.extensions.map((extension) => extension.reason).filter(Boolean)].join('\n')
              : null,
            times: deadlineTimes(window.closesAt, zone),
            updatedAt,
          });
        }
      }

      const calendarName = parent && calendar.parent?.name ? String(valueAt(parent, calendar.parent.name) ?? name) : localizedText(calendar.name ?? { [defaultLocale ?? 'en']: name }, request.locale, defaultLocale);
      const body = buildCalendar({
        name: calendarName,
        prodId: { company: String(strapi.config.get('info.name', 'strapi')), product: 'feeds', language: (request.locale ?? 'en').toUpperCase() },
        items,
      });
      return { body, lastModified: newest([...found.map((item) => item.updatedAt as string | Date), parent?.updatedAt as string | Date | undefined]) };
    },
  };
};

/** Whether a document matches every `field: value` condition. */
function matches(item: Doc, conditions: Record<string, unknown> = {}): boolean {
  return Object.entries(conditions).every(([field, expected]) => item[field] === expected);
}
