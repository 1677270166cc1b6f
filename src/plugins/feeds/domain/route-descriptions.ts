/**
 * The plugin's routes as the OpenAPI document describes them (`RouteDescriber` of
 * src/plugins/shared/contracts.ts): their format, their parameters, what they answer.
 */
import type { DescribedParameter, DescribedRoute } from '../../shared/contracts';

export type RouteKind = 'calendars' | 'feeds' | 'exports';

export interface RouteToDescribe {
  kind: RouteKind;
  /** The configuration entry's name. */
  name: string;
  /** Under the REST prefix, in koa-router syntax. */
  path: string;
  contentType: string;
  /** Names of the content type read. */
  model: { pluralName: string; singularName: string };
  /** A calendar per parent document: the route parameter that names it, and the parent's singular name. */
  parent?: { key: string; singularName: string };
  /** A calendar that takes `from`/`to`. */
  range?: boolean;
}

const FORMATS: Record<RouteKind, { mediaType: string; summary: string; description: string }> = {
  calendars: {
    mediaType: 'text/calendar',
    summary: 'iCalendar (RFC 5545)',
    description:
      'Published items as iCalendar events: stable UIDs, DTSTAMP, whole days as DATE values, times with their TZID and VTIMEZONE, titles in `locale` (items not translated yet in the default locale).',
  },
  feeds: {
    mediaType: 'application/rss+xml',
    summary: 'RSS 2.0 feed',
    description: 'The newest published documents, per locale, with their file as enclosure.',
  },
  exports: {
    mediaType: 'text/csv',
    summary: 'CSV export (UTF-8 with BOM), streamed',
    description:
      'Every document matching the same `filters` and `sort` as the REST list, one row each, multi-valued fields joined with "; ", cells starting with = + - @ prefixed with an apostrophe. Published only, unless an API token asks for `status=draft`. The ETag is weak: it changes with any change to content.',
  },
};

/** The REST list's query parameters that each kind of route takes too. */
const LIST_PARAMETERS: Record<RouteKind, string[]> = {
  calendars: ['locale', 'filters'],
  feeds: ['locale', 'filters'],
  exports: ['locale', 'filters', 'sort', 'status'],
};

const query = (name: string, description: string): DescribedParameter => ({ name, in: 'query', description });
const RANGE = [
  query('from', 'Items ending on or after this date (YYYY-MM-DD, a whole day in Geneva time) or ISO 8601 date-time.'),
  query('to', 'Items starting on or before this date (YYYY-MM-DD, a whole day in Geneva time) or ISO 8601 date-time.'),
];
/** For a type whose list has no `locale` (the list's own description wins otherwise). */
const LOCALE = query('locale', 'A configured locale code; default: the default locale.');

export function describeFeedRoute(route: RouteToDescribe): DescribedRoute {
  const format = FORMATS[route.kind];
  const parameters: DescribedParameter[] = [];
  if (route.parent)
    parameters.push({
      name: route.parent.key,
      in: 'path',
      description: `The ${route.parent.key} of the ${route.parent.singularName}, in any locale.`,
    });
  if (route.range) parameters.push(...RANGE);
  parameters.push(LOCALE);
  return {
    method: 'get',
    path: route.path,
    operationId: `feeds/${route.kind}/${route.name}`,
    summary: `${format.summary} of ${route.model.pluralName}`,
    description: format.description,
    tag: route.model.singularName,
    response: { mediaType: format.mediaType, schema: { type: 'string' } },
    parameters,
    listParameters: { contentType: route.contentType, names: LIST_PARAMETERS[route.kind] },
  };
}
