import { Feed } from 'feed';
import { feedText } from './feed-text';

export interface Enclosure {
  url: string;
  /** Bytes. */
  length: number;
  type: string;
}

export interface FeedItem {
  /** A permanent URL: the item's guid and link. */
  link: string;
  title: string;
  description?: string | null;
  date: Date;
  categories?: string[];
  enclosure?: Enclosure | null;
}

export interface FeedInput {
  title: string;
  description: string;
  /** The feed's own URL (atom:link rel=self). */
  selfLink: string;
  /** The channel's link: where the collection lives. */
  link: string;
  language: string;
  items: FeedItem[];
  generator: string;
}

/**
 * RSS 2.0 with one enclosure per item (RSS allows one; its length and MIME type come from the
 * stored file). `lastBuildDate` is the newest item's date, not the time of the request, so an
 * unchanged feed is byte-identical and keeps its ETag. Every text passes through `feedText`.
 */
export function buildRss(input: FeedInput): string {
  const updated = input.items.reduce<Date | null>((latest, item) => (!latest || item.date > latest ? item.date : latest), null);
  const feed = new Feed({
    id: feedText(input.selfLink),
    title: feedText(input.title),
    description: feedText(input.description, { multiline: true }),
    link: feedText(input.link),
    feed: feedText(input.selfLink),
    language: feedText(input.language),
    updated: updated ?? new Date(0),
    generator: feedText(input.generator),
    copyright: '',
  });
  for (const item of input.items) {
    feed.addItem({
      id: feedText(item.link),
      link: feedText(item.link),
      title: feedText(item.title),
      description: item.description ? feedText(item.description, { multiline: true }) : undefined,
      date: item.date,
      category: (item.categories ?? []).map((name) => ({ name: feedText(name) })),
      enclosure: item.enclosure
        ? { url: attribute(item.enclosure.url), length: item.enclosure.length, type: attribute(item.enclosure.type) }
        : undefined,
    });
  }
  return feed.rss2();
}

/** `feed` writes attribute values as they are but for '"': '&' and '<' would make the XML malformed. */
const attribute = (value: string) => feedText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
