import type { Core } from '@strapi/strapi';

/**
 * Data one plugin provides to another. The provider implements the interface in a service of the
 * name `ContractServices` gives it; the consumer is told in its configuration which plugin
 * provides it (`windowsFrom: 'deadlines'`), reaches it with `provider()`, and calls it once for a
 * whole list.
 */

/** A window (a call's, a phase's) as calendars show it: its effective and original deadlines. */
export interface WindowDeadline {
  /** ISO 8601 instants; closesAt is the effective deadline (the latest extension). */
  opensAt: string | null;
  closesAt: string | null;
  originalClosesAt: string | null;
  extended: boolean;
  /** The reasons given for its extensions, oldest first (extensions without one are left out). */
  extensionReasons: string[];
  timezone: string;
}

export interface WindowProvider {
  /** The windows of these documents of `uid`, by documentId (documents without a window are absent). */
  deadlinesOf(uid: string, documentIds: string[]): Promise<Map<string, WindowDeadline>>;
}

/** The validators of a response derived from all content rather than from bytes already known. */
export interface ContentValidators {
  /** A weak ETag: it changes with every write to content (and with the response's key). */
  etag: string;
  /** When content last changed, or null before the first write. */
  lastModified: Date | null;
  /** Whether the request's If-None-Match already holds this ETag: answer 304. */
  notModified: boolean;
}

export interface ContentVersionProvider {
  /**
   * The validators of a response that cannot hash its bytes before sending them (a streamed CSV
   * export): from the version of all content and `key`, what identifies the response (its
   * canonical query), compared with the request's `If-None-Match`.
   */
  validators(key: string, ifNoneMatch: string | undefined): Promise<ContentValidators>;
}

/** A query or path parameter of a described route; its schema is a string. */
export interface DescribedParameter {
  name: string;
  in: 'path' | 'query';
  description: string;
}

/** A route a plugin serves under the REST prefix that Strapi's route lists do not show. */
export interface DescribedRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Under the REST prefix, in koa-router syntax (`/forum-editions/:slug/agenda.ics`). */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  /** What a 200 answers: its media type and the JSON Schema of its body. */
  response: { mediaType: string; schema: Record<string, unknown> };
  /** Its own parameters, in order (path parameters, a date range). */
  parameters: DescribedParameter[];
  /**
   * Query parameters it takes from the REST list of a content type (`locale`, `filters`, `sort`),
   * copied from that list's description; they replace own parameters of the same name.
   */
  listParameters?: { contentType: string; names: string[] };
}

export interface RouteDescriber {
  /** Every route the plugin serves outside Strapi's route lists, for the OpenAPI document. */
  describedRoutes(): DescribedRoute[];
}

/** Columns an export adds beyond its configured ones, decided by the request (a questionnaire's questions). */
export interface ExtraColumns {
  headers: string[];
  /** Attributes the rows must be read with. */
  fields: string[];
  /** The cells of one row, in the order of `headers`. */
  cells(row: Record<string, unknown>): string[];
}

export interface ColumnProvider {
  /**
   * The extra columns of an export of `uid` for a request (its validated filters and locale, and
   * its raw query), or null for none. Multi-valued cells are joined with `separator`.
   */
  columnsFor(
    uid: string,
    request: { filters: unknown; locale: unknown; query: Record<string, unknown> },
    separator: string,
  ): Promise<ExtraColumns | null>;
}

/** Who uploaded a file: a stakeholder attaches only their own uploads. */
export interface UploadOwnership {
  isOwn(userId: number, fileId: number): Promise<boolean>;
}

/** The service name under which a provider registers each contract. */
export interface ContractServices {
  windows: WindowProvider;
  'content-version': ContentVersionProvider;
  routes: RouteDescriber;
  columns: ColumnProvider;
  uploads: UploadOwnership;
}

/**
 * The implementation of a contract by the plugin a consumer's configuration names, e.g.
 * `provider(strapi, calendar.windowsFrom, 'windows').deadlinesOf(uid, ids)`. A plugin that is
 * not loaded, or that does not provide that service, is a configuration error.
 */
export function provider<Name extends keyof ContractServices>(strapi: Core.Strapi, plugin: string, service: Name): ContractServices[Name] {
  const found = strapi.plugin(plugin)?.service(service) as ContractServices[Name] | undefined;
  if (!found) throw new Error(`The ${plugin} plugin provides no ${service} service (named in configuration as a provider)`);
  return found;
}
