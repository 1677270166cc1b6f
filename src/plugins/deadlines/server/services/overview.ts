import type { Core, UID } from '@strapi/strapi';
import { summarizeWindow, type WindowSummary } from '../../domain/window';
import type { DeadlinesConfig } from '../config';
import { getService } from '../get-service';
import { defaultLocale } from '../../../shared/i18n';

export interface WindowOverview extends WindowSummary {
  contentType: string;
  documentId: string;
  title: string | null;
  /** Per submitted type: the documents received so far through this window, the late ones among them. */
  submissions: { contentType: string; total: number; late: number }[];
}

type Row = Record<string, unknown> & { documentId: string };

/**
 * Every open and upcoming window (calls, consultation phases, outcome-summary deadlines) with its
 * state, effective and original deadline in its timezone, extensions, and the submissions it has
 * received: what the admin's deadlines widget and page show.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::deadlines') as DeadlinesConfig;

  /** The documents of a source type whose deadline is set (a window without one is not a window yet). */
  const sourceDocumentIds = async (uid: string, closesAt: string): Promise<string[]> => {
    const topLevel = !closesAt.includes('.');
    const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
      where: topLevel ? { [closesAt]: { $notNull: true } } : {},
      select: ['documentId'],
    })) as Row[];
    return [...new Set(rows.map((row) => row.documentId))];
  };

  /** Submissions per window document of `sourceUid`, counted once per document (any locale). */
  const received = async (sourceUid: string, documentIds: string[]) => {
    const counts = new Map<string, { contentType: string; total: number; late: number }[]>();
    for (const [uid, rule] of Object.entries(config().windowed ?? {})) {
      if (getService(strapi, 'windows').sourceUidOf(uid, rule) !== sourceUid || rule.fields) continue;
      const drafts = strapi.getModel(uid as UID.ContentType)?.options?.draftAndPublish ? { publishedAt: null } : {};
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { ...drafts, [rule.window]: { documentId: { $in: documentIds } } },
        select: ['documentId', ...(rule.lateFlag ? [rule.lateFlag] : [])],
        populate: { [rule.window]: { select: ['documentId'] } },
      })) as Row[];
      const perWindow = new Map<string, { documents: Set<string>; late: Set<string> }>();
      for (const row of rows) {
        const window = (row[rule.window] as { documentId?: string } | null)?.documentId;
        if (!window) continue;
        const tally = perWindow.get(window) ?? { documents: new Set<string>(), late: new Set<string>() };
        tally.documents.add(row.documentId);
        if (rule.lateFlag && row[rule.lateFlag]) tally.late.add(row.documentId);
        perWindow.set(window, tally);
      }
      for (const documentId of documentIds) {
        const tally = perWindow.get(documentId);
        counts.set(documentId, [
          ...(counts.get(documentId) ?? []),
          { contentType: uid, total: tally?.documents.size ?? 0, late: tally?.late.size ?? 0 },
        ]);
      }
    }
    return counts;
  };

  return {
    /** Titles in `locale` where the window has one, else in the default locale. */
    async titles(uid: string, documentIds: string[], locale: string | undefined): Promise<Map<string, string | null>> {
      const titleField = ['title', 'name'].find((field) => field in strapi.getModel(uid as UID.ContentType).attributes);
      if (!titleField) return new Map();
      const preferred = [locale, await defaultLocale(strapi)].filter((code): code is string => Boolean(code));
      const rows = (await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId: { $in: documentIds } },
        select: ['documentId', 'locale', titleField],
      })) as Row[];
      const rank = (row: Row) => {
        const index = preferred.indexOf(String(row.locale));
        return index === -1 ? preferred.length : index;
      };
      const titles = new Map<string, string | null>();
      // Least preferred first: the preferred locale's title is set last.
      for (const row of [...rows].sort((a, b) => rank(b) - rank(a))) titles.set(row.documentId, (row[titleField] as string) ?? null);
      return titles;
    },

    async list({ includeClosed = false, locale }: { includeClosed?: boolean; locale?: string } = {}): Promise<WindowOverview[]> {
      const windows = getService(strapi, 'windows');
      const now = getService(strapi, 'clock').now();
      const items: WindowOverview[] = [];
      for (const [uid, source] of Object.entries(config().sources ?? {})) {
        const documentIds = await sourceDocumentIds(uid, source.closesAt);
        if (documentIds.length === 0) continue;
        const loaded = await windows.loadSources(uid, documentIds);
        const counts = await received(uid, documentIds);
        const titles = await this.titles(uid, documentIds, locale);
        for (const [documentId, { window }] of loaded) {
          const summary = summarizeWindow(window, now);
          if (!includeClosed && summary.state === 'closed') continue;
          items.push({
            contentType: uid,
            documentId,
            title: titles.get(documentId) ?? null,
            ...summary,
            submissions: counts.get(documentId) ?? [],
          });
        }
      }
      return items.sort((a, b) => Date.parse(a.closesAt ?? '') - Date.parse(b.closesAt ?? ''));
    },
  };
};
