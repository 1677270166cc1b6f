/**
 * What the plugin serves, declared as data: each calendar, feed and export names the content type
 * it reads, the attributes that fill each part of the format, and its path under the REST prefix.
 * A new calendar is one more entry under `calendars`.
 */

/** A text per locale, e.g. `{ en: 'Events', fr: 'Événements' }`; the default locale's is the fallback. */
export type LocalizedText = Record<string, string>;

/** An attribute path on a document: `title`, `venue.timezone` (component), `actionLines.code` (relation). */
export type AttributePath = string;

export interface ParentConfig {
  /** The content type named by the route's `:slug`, e.g. a Forum edition. */
  contentType: string;
  /** Attribute matched against the route parameter (any locale). Default `slug`. */
  key?: string;
  /** The relation from each item to the parent, e.g. a session's `edition`. */
  relation: string;
  /** Parent attribute naming the calendar, in the requested locale. */
  name?: AttributePath;
  /** Parent attribute holding the IANA zone the items take place in, e.g. `venue.timezone`. */
  timezone?: AttributePath;
  /** Parent attributes appended to each item's location, e.g. `['venue.name', 'venue.city']`. */
  location?: AttributePath[];
}

export interface CalendarConfig {
  /** Route path under the REST prefix, e.g. `/events/calendar.ics` or `/forum-editions/:slug/agenda.ics`. */
  path: string;
  contentType: string;
  /** The calendar's name when it has no parent, per locale. */
  name?: LocalizedText;
  parent?: ParentConfig;
  fields: {
    summary: AttributePath;
    description?: AttributePath;
    start: AttributePath;
    end?: AttributePath;
    /** Boolean attribute: the item lasts whole days (DATE values). Without it, whole days are detected. */
    allDay?: AttributePath;
    /** IANA zone of the item; else the parent's, else the plugin's `timezone`. */
    timezone?: AttributePath;
    location?: AttributePath[];
    url?: AttributePath;
  };
  /** `from`/`to` query parameters select the items that overlap the range. */
  range?: boolean;
  /** Order of the items in the calendar, e.g. `['position:asc']`; then by start. */
  sort?: string[];
  /**
   * Take the item's opening and effective closing (the latest extension) from a plugin that
   * computes windows (`deadlines`): its `windows` service, a `WindowProvider`
   * (src/plugins/shared/contracts.ts), asked once per calendar for all its items.
   */
  windowsFrom?: string;
  /** One more event per item at its effective deadline, for the items matching `match`. */
  deadlines?: { match?: Record<string, unknown>; label: LocalizedText; extendedLabel?: LocalizedText };
  /** At most this many items, the latest by start. Default 2000. */
  maxItems?: number;
}

export interface FeedConfig {
  path: string;
  contentType: string;
  title: LocalizedText;
  description?: LocalizedText;
  fields: {
    title: AttributePath;
    description?: AttributePath;
    /** Item date; default `publishedAt`. */
    date?: AttributePath;
    author?: AttributePath[];
    /** A media attribute: its (first) file becomes the item's enclosure. */
    enclosure?: AttributePath;
    categories?: AttributePath;
  };
  /** Newest first, e.g. `['publishedOn:desc', 'publishedAt:desc']`. */
  sort?: string[];
  /** Items in the feed. Default 50. */
  limit?: number;
  /**
   * Link of each item: a URL template with `{documentId}`, `{slug}`, `{locale}`; relative ones are
   * resolved against the public URL. Default: the document's REST URL.
   */
  link?: string;
}

export interface ExportColumn {
  header: string;
  /** Attribute path; relations and media give one value per target, joined with the separator. */
  path: AttributePath;
}

export interface ExportConfig {
  path: string;
  contentType: string;
  filename: string;
  columns: ExportColumn[];
  /** Joins the values of multi-valued cells. Default `'; '`. */
  separator?: string;
  /** Rows read per database query. Default 500. */
  batchSize?: number;
  /**
   * The plugin adding columns the request decides (`questionnaires`: one per question of the call
   * the export is filtered by), a `ColumnProvider` (src/plugins/shared/contracts.ts).
   */
  columnsFrom?: string;
}

export interface FeedsConfig {
  /** Zone of `from`/`to` dates without a time, and of items without one. */
  timezone: string;
  /** Right-hand side of calendar UIDs (`<type>-<documentId>@<uidDomain>`): keep it stable. */
  uidDomain: string;
  /**
   * The plugin that versions all content (`http-cache`): its `content-version` service, a
   * `ContentVersionProvider` (src/plugins/shared/contracts.ts), gives exports their ETag and
   * Last-Modified. Without one, exports have neither.
   */
  versionFrom?: string | null;
  calendars: Record<string, CalendarConfig>;
  feeds: Record<string, FeedConfig>;
  exports: Record<string, ExportConfig>;
}

const ACTION_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export default {
  default: {
    timezone: 'Europe/Zurich',
    uidDomain: 'strapi',
    versionFrom: null,
    calendars: {},
    feeds: {},
    exports: {},
  } satisfies FeedsConfig,
  validator(config: FeedsConfig) {
    const paths = new Set<string>();
    for (const kind of ['calendars', 'feeds', 'exports'] as const) {
      for (const [name, entry] of Object.entries(config[kind] ?? {})) {
        // The name becomes a controller action (`plugin::feeds.<kind>.<name>`), hence a permission.
        if (!ACTION_NAME.test(name))
          throw new Error(`feeds: ${kind}.${name}: names are letters and digits (they become permission actions)`);
        if (!isText(entry.path) || !entry.path.startsWith('/')) throw new Error(`feeds: ${kind}.${name} needs a \`path\` starting with /`);
        if (!isText(entry.contentType)) throw new Error(`feeds: ${kind}.${name} needs a \`contentType\``);
        if (paths.has(entry.path)) throw new Error(`feeds: two routes on ${entry.path}`);
        paths.add(entry.path);
      }
    }
    for (const [name, calendar] of Object.entries(config.calendars ?? {})) {
      if (!calendar.fields?.summary || !calendar.fields?.start)
        throw new Error(`feeds: calendars.${name} needs fields.summary and fields.start`);
      if (calendar.path.includes('/:') !== Boolean(calendar.parent)) {
        throw new Error(`feeds: calendars.${name}: a path with a parameter needs a \`parent\`, and a parent needs one`);
      }
    }
    for (const [name, feed] of Object.entries(config.feeds ?? {})) {
      if (!feed.fields?.title || !feed.title) throw new Error(`feeds: feeds.${name} needs a title and fields.title`);
    }
    for (const [name, entry] of Object.entries(config.exports ?? {})) {
      if (!Array.isArray(entry.columns) || entry.columns.length === 0) throw new Error(`feeds: exports.${name} needs columns`);
      if (!isText(entry.filename)) throw new Error(`feeds: exports.${name} needs a filename`);
    }
  },
};
