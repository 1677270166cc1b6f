import { Readable, pipeline } from 'stream';
import type { Core, UID } from '@strapi/strapi';
import { weakEtag } from '../../domain/conditional';
import { cell, csvWriter } from '../../domain/csv';
import { absoluteUrl } from '../../domain/urls';
import type { ExportConfig, FeedsConfig } from '../config';

type Doc = Record<string, unknown> & { id: number; documentId: string };
type Attribute = { type: string };

export interface ExportRequest {
  query: Record<string, unknown>;
  auth: unknown;
  baseUrl: string;
}

export interface PreparedExport {
  filename: string;
  total: number;
  etag: string;
  lastModified: Date | null;
  /** Reads the first batch (so that a failing query still answers with an error), then streams. */
  open(onError: (error: Error) => void): Promise<NodeJS.ReadableStream>;
}

/**
 * CSV exports of content types, streamed: rows are read in batches and written as the client
 * reads them, so memory stays flat however many documents match.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = () => strapi.plugin('feeds').service('documents');
  const attributesOf = (uid: string) => strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;

  /** Relative URLs of the media a row shows, made absolute (local uploads are served under the public URL). */
  function withAbsoluteMedia(uid: string, record: Doc, entry: ExportConfig, baseUrl: string): Doc {
    for (const column of entry.columns) {
      const [head] = column.path.split('.');
      if (attributesOf(uid)[head]?.type !== 'media' || !record[head]) continue;
      const files = (Array.isArray(record[head]) ? record[head] : [record[head]]) as { url?: string }[];
      for (const file of files) if (file?.url) file.url = absoluteUrl(file.url, baseUrl);
    }
    return record;
  }

  return {
    paths(name: string): { uid: string; paths: string[] }[] {
      const entry = config().exports[name];
      return [{ uid: entry.contentType, paths: entry.columns.map((column) => column.path) }];
    },

    async prepare(name: string, request: ExportRequest): Promise<PreparedExport> {
      const entry = config().exports[name];
      const uid = entry.contentType;
      const batchSize = entry.batchSize ?? 500;
      const separator = entry.separator ?? '; ';
      // Validated like the REST list: unknown or private fields and bad operators answer 400.
      const query = await documents().listQuery(uid, request.query, request.auth);
      const attributes = attributesOf(uid);
      const base = {
        filters: query.filters,
        ...(documents().isLocalized(uid) && query.locale ? { locale: query.locale } : {}),
        ...(documents().hasDraftAndPublish(uid) ? { status: query.status ?? 'published' } : {}),
      };
      // Counting first also runs the Document Service middlewares: a refused `status=draft` is a 403 here.
      const total = await strapi.documents(uid as UID.ContentType).count(base as never);
      const version = await strapi.plugin('feeds').service('contentVersion').current();
      const canonicalQuery = JSON.stringify({ name, filters: query.filters ?? null, sort: query.sort ?? null, locale: query.locale ?? null, status: query.status ?? null });

      const heads = [...new Set(entry.columns.map((column) => column.path.split('.')[0]))];
      const scalarFields = heads.filter((head) => attributes[head] && !['relation', 'media', 'component', 'dynamiczone'].includes(attributes[head].type));
      const populate = documents().populateFor(uid, entry.columns.map((column) => column.path));
      const userSort = query.sort ? ([] as string[]).concat(query.sort as string | string[]) : null;

      async function* records(): AsyncGenerator<Doc> {
        const read = (params: Record<string, unknown>) =>
          strapi.documents(uid as UID.ContentType).findMany({ ...base, ...params, fields: scalarFields, populate, limit: batchSize } as never) as unknown as Promise<Doc[]>;
        if (userSort) {
          // The caller's order: pages by offset, the id breaking ties so that no row is read twice.
          for (let start = 0; ; start += batchSize) {
            const page = await read({ sort: [...userSort, 'id:asc'], start });
            yield* page;
            if (page.length < batchSize) return;
          }
        }
        // Default order: by id, each page starting after the last id read (no growing OFFSET scans).
        let lastId = 0;
        for (;;) {
          const page = await read({ sort: ['id:asc'], filters: { $and: [base.filters ?? {}, { id: { $gt: lastId } }] } });
          yield* page;
          if (page.length < batchSize) return;
          lastId = page[page.length - 1].id;
        }
      }

      return {
        filename: entry.filename,
        total,
        etag: weakEtag(version.version, canonicalQuery),
        lastModified: version.modifiedAt ? new Date(version.modifiedAt) : null,
        async open(onError) {
          const iterator = records();
          const first = await iterator.next();
          const rows = (async function* () {
            if (first.done) return;
            yield first.value;
            yield* { [Symbol.asyncIterator]: () => iterator };
          })();
          const toCells = async function* (source: AsyncIterable<Doc>) {
            for await (const record of source) {
              const shown = withAbsoluteMedia(uid, record, entry, request.baseUrl);
              yield entry.columns.map((column) => cell(shown, column.path, separator));
            }
          };
          const writer = csvWriter(entry.columns.map((column) => column.header));
          pipeline(Readable.from(toCells(rows)), writer, (error) => {
            if (error) onError(error);
          });
          return writer;
        },
      };
    },
  };
};
