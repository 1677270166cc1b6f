import type { Core, UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { DateTime } from 'luxon';
import type { WindowDeadline, WindowProvider } from '../../../shared/contracts';
import { buildWindow, InvalidWindowError, summarizeWindow, toZonedIso, type Window, type WindowInput } from '../../domain/window';
import type { DeadlinesConfig, WindowSourceConfig, WindowedTypeConfig } from '../config';
import { invalid } from '../../../shared/errors';
import { qualifiedTable, tableOf } from '../../../shared/tables';

export interface LoadedSource {
  uid: string;
  documentId: string;
  published: boolean;
  row: Record<string, unknown>;
  window: Window;
  /** Whether the stakeholder it was loaded for (`lateSubmitter`) is one of its late submitters. */
  lateSubmitter: boolean;
}

/** What a source is loaded with besides its window. */
export interface SourceOptions {
  /** Relations of the source to populate too (a phase's consultation). */
  populate?: Record<string, unknown>;
  /** A stakeholder's user id: whether they are a late submitter is read (no one else's). */
  lateSubmitter?: number;
}

/** A relation value as REST (`"docId"`) or the content manager (`{ connect: [...] }`) sends it. */
export type RelationTarget = { present: false } | { present: true; documentId: string | null; id?: number };

const WINDOW_FIELDS = ['opensAt', 'closesAt', 'timezone', 'extensions', 'editableUntil'] as const;
/** How many distinct windows stay parsed (a few per call, phase and edition). */
const PARSED_WINDOWS = 1000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::deadlines') as DeadlinesConfig;
  const parsed = new Map<string, Window>();

  const service = {
    /** The effective and original deadlines of these documents, for other plugins (calendars). */
    async deadlinesOf(uid: string, documentIds: string[]): Promise<Map<string, WindowDeadline>> {
      const deadlines = new Map<string, WindowDeadline>();
      for (const [documentId, { window }] of await service.loadSources(uid, documentIds)) {
        const iso = (value: DateTime | null) => toZonedIso(value, window.timezone);
        const extended = window.extensions.length > 0;
        deadlines.set(documentId, {
          opensAt: iso(window.opensAt),
          closesAt: iso(window.closesAt),
          originalClosesAt: extended ? iso(window.originalClosesAt) : null,
          extended,
          extensionReasons: window.extensions.flatMap((extension) => (extension.reason ? [extension.reason] : [])),
          timezone: window.timezone,
        });
      }
      return deadlines;
    },

    /** Which of these documents' windows are open now. */
    async openNow(uid: string, documentIds: string[], now: DateTime): Promise<Set<string>> {
      const open = new Set<string>();
      for (const [documentId, { window }] of await service.loadSources(uid, documentIds)) {
        if (summarizeWindow(window, now).state === 'open') open.add(documentId);
      }
      return open;
    },

    windowedRule(uid: string): WindowedTypeConfig | undefined {
      return config().windowed?.[uid];
    },

    sourceConfig(uid: string): WindowSourceConfig | undefined {
      return config().sources?.[uid];
    },

    /** The content type a windowed type takes its window from: the target of its `window` relation. */
    sourceUidOf(uid: string, rule: WindowedTypeConfig): string {
      const attribute = (strapi.getModel(uid as UID.ContentType).attributes as Record<string, { target?: string }>)[rule.window];
      if (!attribute?.target) throw new Error(`deadlines: ${uid}.${rule.window} is not a relation`);
      return attribute.target;
    },

    /**
     * Turns window attributes (however they came) into a validated window; 400 INVALID_WINDOW if wrong.
     * A window is parsed once per distinct input: every read that shows a call's window would
     * otherwise parse its dates and time zone again (luxon: a fifth of a page's server time).
     */
    toWindow(input: WindowInput): Window {
      const key = JSON.stringify(input);
      const known = parsed.get(key);
      if (known) return known;
      let window: Window;
      try {
        window = buildWindow(input);
      } catch (error) {
        if (error instanceof InvalidWindowError) throw invalid('INVALID_WINDOW', error.message, { field: error.field });
        throw error;
      }
      // Shared by every caller from now on: nobody may change it.
      Object.freeze(window.extensions);
      parsed.set(key, Object.freeze(window));
      if (parsed.size > PARSED_WINDOWS) parsed.delete(parsed.keys().next().value as string);
      return window;
    },

    windowInputOf(sourceUid: string, row: Record<string, unknown>): WindowInput {
      const source = service.sourceConfig(sourceUid)!;
      const input: Record<string, unknown> = {};
      for (const key of WINDOW_FIELDS) if (source[key]) input[key] = readPath(row, source[key]!);
      return input as WindowInput;
    },

    /** The window of one source document: its published version when there is one, else its draft. */
    async loadSource(sourceUid: string, documentId: string, options: SourceOptions = {}): Promise<LoadedSource | null> {
      return (await service.loadSources(sourceUid, [documentId], options)).get(documentId) ?? null;
    },

    /**
     * The windows alone of several source documents, by documentId, as the content API shows them:
     * one query reading only the columns a window is made of. A stored window that no longer
     * validates is left out; a database failure is thrown.
     */
    async loadWindows(sourceUid: string, documentIds: string[]): Promise<Map<string, Window>> {
      const source = service.sourceConfig(sourceUid);
      if (!source) throw new Error(`deadlines: ${sourceUid} is not a configured window source`);
      const windows = new Map<string, Window>();
      if (documentIds.length === 0) return windows;
      const topLevel = [source.opensAt, source.closesAt, source.timezone, source.editableUntil].filter(
        (path): path is string => Boolean(path) && !path!.includes('.'),
      );
      const rows: Record<string, unknown>[] = await strapi.db.query(sourceUid as UID.ContentType).findMany({
        select: ['id', 'documentId', 'publishedAt', ...topLevel],
        where: { documentId: { $in: [...new Set(documentIds)] } },
        populate: populateFor(source),
      });
      for (const [documentId, versions] of versionsByDocument(rows)) {
        try {
          windows.set(documentId, service.toWindow(service.windowInputOf(sourceUid, shownVersion(versions))));
        } catch (error) {
          if ((error as { details?: { code?: string } })?.details?.code !== 'INVALID_WINDOW') throw error;
        }
      }
      return windows;
    },

    /** The windows of several source documents in one query, by documentId. */
    async loadSources(sourceUid: string, documentIds: string[], options: SourceOptions = {}): Promise<Map<string, LoadedSource>> {
      const source = service.sourceConfig(sourceUid);
      if (!source) throw new Error(`deadlines: ${sourceUid} is not a configured window source`);
      const loaded = new Map<string, LoadedSource>();
      if (documentIds.length === 0) return loaded;
      const rows: Record<string, unknown>[] = await strapi.db.query(sourceUid as UID.ContentType).findMany({
        where: { documentId: { $in: [...new Set(documentIds)] } },
        populate: { ...populateFor(source, options.lateSubmitter), ...options.populate },
      });
      for (const [documentId, versions] of versionsByDocument(rows)) {
        const row = shownVersion(versions);
        // Relations are per locale in Strapi 5: a late submitter named in any version counts.
        const late = source.lateSubmitters;
        const lateSubmitter =
          late !== undefined &&
          options.lateSubmitter !== undefined &&
          versions.some((candidate) =>
            ((candidate[late] as { id: number }[] | undefined) ?? []).some((user) => user.id === options.lateSubmitter),
          );
        loaded.set(documentId, {
          uid: sourceUid,
          documentId,
          published: Boolean(row.publishedAt),
          row,
          window: service.toWindow(service.windowInputOf(sourceUid, row)),
          lateSubmitter,
        });
      }
      return loaded;
    },

    /** Reads the target of a relation from a write payload, in any of the shapes Strapi accepts. */
    async targetIn(value: unknown, targetUid: string): Promise<RelationTarget> {
      if (value === undefined) return { present: false };
      const pick = (candidate: unknown): unknown => {
        if (candidate === null || typeof candidate !== 'object' || Array.isArray(candidate)) return candidate;
        // Strapi takes one target for a list of one: `{ connect: { documentId } }`, `{ set: 'id' }`.
        const list = (value: unknown) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);
        const shaped = candidate as { set?: unknown; connect?: unknown; disconnect?: unknown };
        const [set, connect, disconnect] = [list(shaped.set), list(shaped.connect), list(shaped.disconnect)];
        if (set) return set.length ? set[set.length - 1] : null;
        if (connect?.length) return connect[connect.length - 1];
        if (disconnect?.length) return null;
        if ('connect' in shaped || 'set' in shaped || 'disconnect' in shaped) return undefined;
        return candidate;
      };
      const chosen = pick(Array.isArray(value) ? (value[value.length - 1] ?? null) : value);
      if (chosen === undefined) return { present: false };
      if (chosen === null) return { present: true, documentId: null };
      if (typeof chosen === 'string') return { present: true, documentId: chosen };
      const { documentId, id } = (typeof chosen === 'number' ? { id: chosen } : chosen) as { documentId?: string; id?: number | string };
      if (documentId) return { present: true, documentId };
      if (id !== undefined) {
        // An id beyond the integer column names no document (PostgreSQL failed on it: a 500).
        const number = Number(id);
        if (!Number.isInteger(number) || number < 1 || number > 2 ** 31 - 1) return { present: true, documentId: `#${id}` };
        const row = await strapi.db.query(targetUid as UID.ContentType).findOne({ where: { id: number }, select: ['documentId'] });
        return { present: true, documentId: row?.documentId ?? `#${id}` };
      }
      return { present: true, documentId: null };
    },

    /** The source a stored document currently points at (any locale, draft or published). */
    async currentTarget(uid: string, field: string, documentId: string): Promise<string | null> {
      const rows = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId },
        populate: { [field]: { select: ['documentId'] } },
      });
      for (const row of rows) {
        const target = row[field] as { documentId?: string } | null;
        if (target?.documentId) return target.documentId;
      }
      return null;
    },

    /**
     * The documents a stored document's relation points at, read from the join table: a to-one
     * relation given several targets keeps them all on create, and a populate would show one.
     * Of a draft-and-publish document, the draft is read: the version a write changes.
     */
    async storedTargets(uid: string, field: string, documentId: string, locale?: string): Promise<string[]> {
      const attribute = strapi.db.metadata.get(uid).attributes[field] as {
        target?: string;
        joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
      };
      if (!attribute?.joinTable || !attribute.target) throw new Error(`deadlines: ${uid}.${field} is not a relation with a join table`);
      const { name, joinColumn, inverseJoinColumn } = attribute.joinTable;
      const [document, target] = [tableOf(strapi, uid), tableOf(strapi, attribute.target)];
      // One statement, inside the write's transaction (nested transactions reuse it), so the write is seen.
      const rows: { documentId: string }[] = await strapi.db.transaction(async ({ trx }) => {
        const query = strapi.db
          .connection({ document: document.name })
          .transacting(trx)
          .distinct(`target.${target.column('documentId')} as documentId`)
          .join({ link: qualifiedTable(strapi, name) }, `link.${joinColumn.name}`, 'document.id')
          .join({ target: target.name }, 'target.id', `link.${inverseJoinColumn.name}`)
          .where(`document.${document.column('documentId')}`, documentId);
        if (locale && document.has('locale')) query.where(`document.${document.column('locale')}`, locale);
        if (contentTypes.hasDraftAndPublish(strapi.getModel(uid as UID.ContentType)))
          query.whereNull(`document.${document.column('publishedAt')}`);
        return query;
      });
      return rows.map((row) => row.documentId);
    },

    summarize(window: Window, now: DateTime) {
      return summarizeWindow(window, now);
    },
  };
  return service satisfies WindowProvider & Record<string, unknown>;
};

/** The rows of each document (its locales, draft and published), by documentId. */
function versionsByDocument(rows: Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const byDocument = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const versions = byDocument.get(row.documentId as string);
    if (versions) versions.push(row);
    else byDocument.set(row.documentId as string, [row]);
  }
  return byDocument;
}

/** The version whose window counts: the published one when there is one, else the draft. */
const shownVersion = (versions: Record<string, unknown>[]) => versions.find((candidate) => candidate.publishedAt) ?? versions[0];

/** What a window is read with; the late submitters only to learn whether this user is one. */
function populateFor(source: WindowSourceConfig, lateSubmitter?: number): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const path of [source.opensAt, source.closesAt, source.timezone, source.editableUntil]) {
    if (path?.includes('.')) populate[path.split('.')[0]] = true;
  }
  if (source.extensions) populate[source.extensions] = true;
  if (source.lateSubmitters && lateSubmitter !== undefined)
    populate[source.lateSubmitters] = { select: ['id'], where: { id: lateSubmitter } };
  return populate;
}

function readPath(row: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), row);
}
