import { Feed } from 'feed';

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
 * unchanged feed is byte-identical and keeps its ETag.
 */
export function buildRss(input: FeedInput): string {
  const updated = input.items.reduce<Date | null>((latest, item) => (!latest || item.date > latest ? item.date : latest), null);
  const feed = new Feed({
    id: input.selfLink,
    title: input.title,
    description: input.description,
    link: input.link,
    feed: input.selfLink,
    language: input.language,
    updated: updated ?? new Date(0),
    generator: input.generator,
    copyright: '',
  });
  for (const item of input.items) {
    feed.addItem({
      id: item.link,
      link: item.link,
      title: item.title,
      description: item.description ?? undefined,
      date: item.date,
      category: (item.categories ?? []).map((name) => ({ name })),
      enclosure: item.enclosure ? { url: item.enclosure.url, length: item.enclosure.length, type: item.enclosure.type } : undefined,
    });
  }
  return feed.rss2();
}
