import { Readable, pipeline } from 'stream';
import type { Core, UID } from '@strapi/strapi';
import { provider, type ContentValidators, type ExtraColumns } from '../../../shared/contracts';
import { cell, csvWriter, neutralizeFormula } from '../../domain/csv';
import { absoluteUrl } from '../../domain/urls';
import type { ExportConfig, FeedsConfig } from '../config';
import { getService } from '../get-service';
import type { Doc } from './documents';

type Attribute = { type: string };

export interface ExportRequest {
  query: Record<string, unknown>;
  auth: unknown;
  baseUrl: string;
  /** The request's If-None-Match header, if any. */
  ifNoneMatch?: string;
}

export interface PreparedExport {
  filename: string;
  total: number;
  /** ETag, Last-Modified and whether If-None-Match holds the ETag; null without a `versionFrom` plugin. */
  validators: ContentValidators | null;
  /** Reads the first batch (so that a failing query still answers with an error), then streams. */
  open(onError: (error: Error & { code?: string }) => void): Promise<NodeJS.ReadableStream>;
}

/** What one export reads: the Document Service parameters of every batch. */
interface ExportQuery {
  uid: string;
  /** Filters, locale and status of the request. */
  base: { filters?: unknown; locale?: unknown; status?: unknown };
  fields: string[];
  populate: Record<string, unknown>;
  /** The caller's `sort`, or null for the default order (by id). */
  sort: string[] | null;
  batchSize: number;
}

const NOT_SCALAR = ['relation', 'media', 'component', 'dynamiczone'];
const separatorOf = (entry: ExportConfig) => entry.separator ?? '; ';

/**
 * CSV exports of content types, streamed: rows are read in batches and written as the client
 * reads them, so memory stays flat however many documents match.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = () => getService(strapi, 'documents');
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

  /** The rows of an export, batch after batch. */
  async function* records(query: ExportQuery): AsyncGenerator<Doc> {
    const { uid, base, fields, populate, sort, batchSize } = query;
    const read = (params: Record<string, unknown>) =>
      documents()
        .documentsOf(uid)
        .findMany({ ...base, ...params, fields, populate, limit: batchSize });
    if (sort) {
      // The caller's order: pages by offset, the id breaking ties so that no row is read twice.
      for (let start = 0; ; start += batchSize) {
        const page = await read({ sort: [...sort, 'id:asc'], start });
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

  /** Reads the first batch, then streams the CSV: rows become cells as the client reads them. */
  async function stream(
    query: ExportQuery,
    entry: ExportConfig,
    extra: ExtraColumns | null,
    baseUrl: string,
    onError: (error: Error) => void,
  ): Promise<NodeJS.ReadableStream> {
    const separator = separatorOf(entry);
    const iterator = records(query);
    const first = await iterator.next();
    const rows = (async function* () {
      if (first.done) return;
      yield first.value;
      yield* { [Symbol.asyncIterator]: () => iterator };
    })();
    const toCells = async function* (source: AsyncIterable<Doc>) {
      for await (const record of source) {
        const shown = withAbsoluteMedia(query.uid, record, entry, baseUrl);
        const cells = entry.columns.map((column) => cell(shown, column.path, separator));
        // Provided cells and headers are text from editors and stakeholders: neutralised like the others.
        yield extra ? cells.concat(extra.cells(record).map(neutralizeFormula)) : cells;
      }
    };
    const writer = csvWriter(entry.columns.map((column) => column.header).concat((extra?.headers ?? []).map(neutralizeFormula)));
    pipeline(Readable.from(toCells(rows)), writer, (error) => {
      if (error) onError(error);
    });
    return writer;
  }

  return {
    paths(name: string): { uid: string; paths: string[] }[] {
      const entry = config().exports[name];
      return [{ uid: entry.contentType, paths: entry.columns.map((column) => column.path) }];
    },

    async prepare(name: string, request: ExportRequest): Promise<PreparedExport> {
      const entry = config().exports[name];
      const uid = entry.contentType;
      // Validated like the REST list: unknown or private fields and bad operators answer 400.
      const query = await documents().listQuery(uid, request.query, request.auth);
      const base = {
        filters: query.filters,
        ...(documents().isLocalized(uid) && query.locale ? { locale: query.locale } : {}),
        ...(documents().hasDraftAndPublish(uid) ? { status: query.status ?? 'published' } : {}),
      };
      // Counting first also runs the Document Service middlewares: a refused `status=draft` is a 403 here.
      const total = await documents().documentsOf(uid).count(base);
      const { versionFrom } = config();
      const canonicalQuery = JSON.stringify({
        name,
        filters: query.filters ?? null,
        sort: query.sort ?? null,
        locale: query.locale ?? null,
        status: query.status ?? null,
      });
      const validators = versionFrom
        ? await provider(strapi, versionFrom, 'content-version').validators(canonicalQuery, request.ifNoneMatch)
        : null;

      const extra = entry.columnsFrom
        ? await provider(strapi, entry.columnsFrom, 'columns').columnsFor(
            uid,
            { filters: query.filters, locale: query.locale, query: request.query },
            separatorOf(entry),
          )
        : null;
      const attributes = attributesOf(uid);
      const heads = [...new Set(entry.columns.map((column) => column.path.split('.')[0]).concat(extra?.fields ?? []))];
      const exportQuery: ExportQuery = {
        uid,
        base,
        fields: heads.filter((head) => attributes[head] && !NOT_SCALAR.includes(attributes[head].type)),
        populate: documents().populateFor(
          uid,
          entry.columns.map((column) => column.path),
        ),
        sort: query.sort ? ([] as string[]).concat(query.sort as string | string[]) : null,
        batchSize: entry.batchSize ?? 500,
      };
      return {
        filename: entry.filename,
        total,
        validators,
        open: (onError) => stream(exportQuery, entry, extra, request.baseUrl, onError),
      };
    },
  };
};
