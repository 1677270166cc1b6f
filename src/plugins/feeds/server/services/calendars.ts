import type { Core, UID } from '@strapi/strapi';
import { invalid } from '../../../shared/errors';
import { provider, type WindowDeadline } from '../../../shared/contracts';
import { valueAt, valuesAt } from '../../domain/attribute-paths';
import { buildCalendar } from '../../domain/calendar';
import { calendarEvents, type CalendarDoc, type EventSettings } from '../../domain/calendar-events';
import { InvalidDateRangeError, overlapFilters, parseDateRange } from '../../domain/date-range';
import { newest } from '../../domain/dates';
import { localizedText } from '../../domain/localized-text';
import { compareBy } from '../../domain/sorting';
import type { CalendarConfig, FeedsConfig, ParentConfig } from '../config';
import { getService } from '../get-service';

export interface CalendarRequest {
  locale?: string;
  query: Record<string, unknown>;
  params: Record<string, string>;
  auth: unknown;
}

function itemPaths(calendar: CalendarConfig): string[] {
  const { fields } = calendar;
  return [
    fields.summary,
    fields.description,
    fields.start,
    fields.end,
    fields.allDay,
    fields.timezone,
    fields.url,
    ...(fields.location ?? []),
  ].filter((path): path is string => Boolean(path));
}

const parentPaths = (parent: ParentConfig) =>
  [parent.name, parent.timezone, ...(parent.location ?? [])].filter((path): path is string => Boolean(path));

/** The filters of `from`/`to`: items overlapping the range. 400 INVALID_DATE_RANGE when malformed. */
function rangeFilters(calendar: CalendarConfig, query: Record<string, unknown>, zone: string): unknown[] {
  try {
    return overlapFilters(parseDateRange(query.from, query.to, zone), calendar.fields.start, calendar.fields.end);
  } catch (error) {
    if (error instanceof InvalidDateRangeError) throw invalid('INVALID_DATE_RANGE', error.message, { parameter: error.parameter });
    throw error;
  }
}

/** iCalendar views of content types: which documents, and what each one says. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = () => getService(strapi, 'documents');

  /** The document named by the route's key (a slug), in the request's locale; 404 when none is published. */
  async function findParent(parent: ParentConfig, request: CalendarRequest): Promise<CalendarDoc> {
    const key = parent.key ?? 'slug';
    const populate = documents().populateFor(parent.contentType, parentPaths(parent));
    return documents().findByKey(parent.contentType, key, request.params[key] ?? request.params.slug, { locale: request.locale, populate });
  }

  /** The latest items when there are more than maxItems (a calendar is for what comes), then in the configured order. */
  async function findItems(
    calendar: CalendarConfig,
    request: CalendarRequest,
    status: unknown,
    filters: unknown[],
  ): Promise<CalendarDoc[]> {
    const { contentType: uid, fields } = calendar;
    const found = await documents().findInLocale(uid, {
      locale: request.locale,
      status,
      filters: filters.length ? { $and: filters } : undefined,
      sort: [`${fields.start}:desc`, 'documentId:asc'],
      populate: documents().populateFor(uid, itemPaths(calendar)),
      limit: calendar.maxItems ?? 2000,
    });
    return found.sort(compareBy([...(calendar.sort ?? []), `${fields.start}:asc`, 'documentId:asc']));
  }

  /** The windows of all the items, in one call to the plugin that computes them (`windowsFrom`). */
  async function windowsOf(calendar: CalendarConfig, items: CalendarDoc[]): Promise<Map<string, WindowDeadline>> {
    if (!calendar.windowsFrom || items.length === 0) return new Map();
    return provider(strapi, calendar.windowsFrom, 'windows').deadlinesOf(
      calendar.contentType,
      items.map((item) => item.documentId),
    );
  }

  function calendarName(
    name: string,
    calendar: CalendarConfig,
    parent: CalendarDoc | null,
    locale: string | undefined,
    defaultLocale: string | undefined,
  ): string {
    if (parent && calendar.parent?.name) return String(valueAt(parent, calendar.parent.name) ?? name);
    return localizedText(calendar.name ?? { [defaultLocale ?? 'en']: name }, locale, defaultLocale);
  }

  return {
    /** Every attribute path a calendar reads, for the configuration check at boot. */
    paths(name: string): { uid: string; paths: string[] }[] {
      const calendar = config().calendars[name];
      const parent = calendar.parent;
      return [
        { uid: calendar.contentType, paths: itemPaths(calendar) },
        ...(parent ? [{ uid: parent.contentType, paths: parentPaths(parent) }] : []),
      ];
    },

    async render(name: string, request: CalendarRequest): Promise<{ body: string; lastModified: Date | null }> {
      const calendar = config().calendars[name];
      const { timezone: defaultZone, uidDomain } = config();
      const query = await documents().listQuery(calendar.contentType, request.query, request.auth);
      const filters: unknown[] = query.filters ? [query.filters] : [];
      const parent = calendar.parent ? await findParent(calendar.parent, request) : null;
      if (parent && calendar.parent) filters.push({ [calendar.parent.relation]: { documentId: parent.documentId } });
      if (calendar.range) filters.push(...rangeFilters(calendar, request.query, defaultZone));

      const found = await findItems(calendar, request, query.status, filters);
      const defaultLocale = await documents().defaultLocale();
      const windows = await windowsOf(calendar, found);
      const settings: EventSettings = {
        fields: calendar.fields,
        singular: strapi.getModel(calendar.contentType as UID.ContentType).info.singularName,
        uidDomain,
        defaultZone,
        defaultLocale,
        parent: {
          zone: parent && calendar.parent?.timezone ? (valueAt(parent, calendar.parent.timezone) as string | undefined) : undefined,
          location: parent ? (calendar.parent?.location ?? []).flatMap((path) => valuesAt(parent, path)).map(String) : [],
        },
        deadlines: calendar.deadlines,
      };

      const body = buildCalendar({
        name: calendarName(name, calendar, parent, request.locale, defaultLocale),
        prodId: {
          company: String(strapi.config.get('info.name', 'strapi')),
          product: 'feeds',
          language: (request.locale ?? 'en').toUpperCase(),
        },
        items: found.flatMap((item) => calendarEvents(item, windows.get(item.documentId) ?? null, settings)),
      });
      return { body, lastModified: newest([...found.map((item) => item.updatedAt), parent?.updatedAt]) };
    },
  };
};
