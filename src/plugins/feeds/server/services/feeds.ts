import type { Core, UID } from '@strapi/strapi';
import { valueAt, valuesAt } from '../../domain/attribute-paths';
import { newest } from '../../domain/dates';
import { localizedText } from '../../domain/localized-text';
import { buildRss, type Enclosure, type FeedItem } from '../../domain/rss';
import { absoluteUrl, expandTemplate } from '../../domain/urls';
import type { FeedConfig, FeedsConfig } from '../config';
import { getService } from '../get-service';

type Doc = Record<string, unknown> & { documentId: string; locale?: string; updatedAt?: string | Date; publishedAt?: string | Date };
type MediaFile = { url?: string; size?: number; mime?: string; name?: string };

export interface FeedRequest {
  locale?: string;
  query: Record<string, unknown>;
  auth: unknown;
  /** Public origin (scheme and host) that relative links and file URLs are resolved against. */
  baseUrl: string;
}

/** RSS 2.0 views of content types: the newest published documents, per locale. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = () => getService(strapi, 'documents');
  const restPrefix = () => String(strapi.config.get('api.rest.prefix', '/api'));

  const itemPaths = (feed: FeedConfig) =>
    [
      feed.fields.title,
      feed.fields.description,
      feed.fields.date,
      feed.fields.enclosure,
      feed.fields.categories,
      ...(feed.fields.author ?? []),
    ].filter((path): path is string => Boolean(path));

  function enclosureOf(item: Doc, path: string | undefined, baseUrl: string): Enclosure | null {
    if (!path) return null;
    const file = valuesAt(item, path)[0] as MediaFile | undefined;
    if (!file?.url) return null;
    // Strapi stores sizes in kilobytes; RSS wants bytes.
    return {
      url: absoluteUrl(file.url, baseUrl),
      length: Math.round((file.size ?? 0) * 1024),
      type: file.mime ?? 'application/octet-stream',
    };
  }

  /** One RSS item: its link, title, byline and description, date, categories and enclosure. */
  function feedItem(feed: FeedConfig, item: Doc, link: string, request: FeedRequest): FeedItem {
    // RSS <author> must be an e-mail address: authors and institutions lead the description instead.
    const byline = (feed.fields.author ?? [])
      .flatMap((path) => valuesAt(item, path))
      .map(String)
      .join(', ');
    const description = feed.fields.description ? (valueAt(item, feed.fields.description) as string | undefined) : undefined;
    const date = (feed.fields.date && (valueAt(item, feed.fields.date) as string | Date | undefined)) || item.publishedAt || item.updatedAt;
    return {
      link: absoluteUrl(
        expandTemplate(link, {
          documentId: item.documentId,
          slug: String(item.slug ?? ''),
          locale: String(item.locale ?? request.locale ?? ''),
        }),
        request.baseUrl,
      ),
      title: String(valueAt(item, feed.fields.title) ?? ''),
      description: [byline, description].filter(Boolean).join(' — ') || null,
      date: new Date(date as string | Date),
      categories: feed.fields.categories ? valuesAt(item, feed.fields.categories).map(String) : [],
      enclosure: enclosureOf(item, feed.fields.enclosure, request.baseUrl),
    };
  }

  return {
    paths(name: string): { uid: string; paths: string[] }[] {
      const feed = config().feeds[name];
      return [{ uid: feed.contentType, paths: itemPaths(feed) }];
    },

    async render(name: string, request: FeedRequest): Promise<{ body: string; lastModified: Date | null }> {
      const feed = config().feeds[name];
      const uid = feed.contentType;
      const { pluralName } = strapi.getModel(uid as UID.ContentType).info;
      const query = await documents().listQuery(uid, request.query, request.auth);
      const found: Doc[] = await documents().findInLocale(uid, {
        locale: request.locale,
        status: query.status,
        filters: query.filters,
        sort: feed.sort ?? ['publishedAt:desc'],
        populate: documents().populateFor(uid, itemPaths(feed)),
        limit: feed.limit ?? 50,
      });
      const defaultLocale = await documents().defaultLocale();
      const link = feed.link ?? `${restPrefix()}/${pluralName}/{documentId}?locale={locale}`;

      const items = found.map((item) => feedItem(feed, item, link, request));

      const selfQuery = request.locale ? `?locale=${encodeURIComponent(request.locale)}` : '';
      const body = buildRss({
        title: localizedText(feed.title, request.locale, defaultLocale),
        description: localizedText(feed.description ?? feed.title, request.locale, defaultLocale),
        selfLink: absoluteUrl(`${restPrefix()}${feed.path}${selfQuery}`, request.baseUrl),
        link: absoluteUrl(`${restPrefix()}/${pluralName}${selfQuery}`, request.baseUrl),
        language: request.locale ?? defaultLocale ?? 'en',
        items,
        generator: `${String(strapi.config.get('info.name', 'strapi'))} feeds`,
      });
      return { body, lastModified: newest(found.map((item) => item.updatedAt)) };
    },
  };
};
