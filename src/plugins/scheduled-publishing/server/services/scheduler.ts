import type { Core, UID } from '@strapi/strapi';
import { dueActions, DueAction, ScheduledAction, ScheduledDraft } from '../../domain/due-actions';
import type { ScheduledPublishingConfig } from '../config';
import { documentsOf } from '../../../shared/documents';

export const PLUGIN = 'scheduled-publishing';

export interface ScheduledDocument {
  uid: UID.ContentType;
  documentId: string;
  /** `null` for content types that are not localized. */
  locale: string | null;
}

export interface RunReport {
  published: ScheduledDocument[];
  unpublished: ScheduledDocument[];
  /** Claimed but refused by Strapi (e.g. a required field is missing): logged, field cleared. */
  failed: (ScheduledDocument & { action: ScheduledAction; error: string })[];
}

type Row = Record<string, unknown>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as ScheduledPublishingConfig;
  const fieldOf = (action: ScheduledAction) => (action === 'publish' ? config().publishAtField : config().unpublishAtField);
  const hasLocale = (uid: UID.ContentType) => Boolean(strapi.getModel(uid).attributes.locale);

  /** Draft rows (one per document and locale) with a publishAt or unpublishAt at or before `now`. */
  async function dueDrafts(uid: UID.ContentType, now: Date): Promise<ScheduledDraft[]> {
    const { publishAtField, unpublishAtField } = config();
    const localized = hasLocale(uid);
    const rows: Row[] = await strapi.db.query(uid).findMany({
      select: ['id', 'documentId', ...(localized ? ['locale'] : []), publishAtField, unpublishAtField],
      where: {
        publishedAt: null,
        $or: [{ [publishAtField]: { $lte: now } }, { [unpublishAtField]: { $lte: now } }],
      },
    });
    return rows.map((row) => ({
      id: row.id as number,
      documentId: row.documentId as string,
      locale: localized ? (row.locale as string) : null,
      publishAt: row[publishAtField] as ScheduledDraft['publishAt'],
      unpublishAt: row[unpublishAtField] as ScheduledDraft['unpublishAt'],
    }));
  }

  /**
   * Compare-and-set: clears the field on the draft row only if it is still due. Concurrent runs
   * (in this process or in other instances on the same database) all try; the database lets one
   * update the row, the others update nothing. Only the winner acts.
   */
  async function claim(uid: UID.ContentType, due: DueAction, now: Date): Promise<boolean> {
    const field = fieldOf(due.action);
    const { count } = await strapi.db.query(uid).updateMany({
      where: { id: due.draftId, publishedAt: null, [field]: { $lte: now } },
      data: { [field]: null },
    });
    if (count !== 1) return false;
    // The field is non-localized and on every row of the document, the published one of this
    // locale included: clear it there too, so a failed publish leaves no stale schedule behind.
    await strapi.db.query(uid).updateMany({
      where: { documentId: due.documentId, ...(due.locale ? { locale: due.locale } : {}), publishedAt: { $notNull: true } },
      data: { [field]: null },
    });
    return true;
  }

  async function act(uid: UID.ContentType, due: DueAction): Promise<boolean> {
    // Through the Document Service, as the admin does: validation, middlewares, webhooks, i18n sync.
    const documents = documentsOf(strapi, uid);
    const params = { documentId: due.documentId, ...(due.locale ? { locale: due.locale } : {}) };
    const result = due.action === 'publish' ? await documents.publish(params) : await documents.unpublish(params);
    // Unpublishing a locale that has no published version changes nothing.
    return result.entries.length > 0;
  }

  return {
    /**
     * Publishes every draft whose publishAt is at or before `now` and unpublishes every document
     * whose unpublishAt is, per document and locale, clearing the field it acted on. Safe to run
     * concurrently and repeatedly: each due field is acted on by one run only.
     */
    async runDue(now: Date = new Date()): Promise<RunReport> {
      const report: RunReport = { published: [], unpublished: [], failed: [] };
      for (const uid of config().contentTypes as UID.ContentType[]) {
        for (const due of dueActions(await dueDrafts(uid, now), now)) {
          if (!(await claim(uid, due, now))) continue;
          const document: ScheduledDocument = { uid, documentId: due.documentId, locale: due.locale };
          try {
            if (await act(uid, due)) {
              (due.action === 'publish' ? report.published : report.unpublished).push(document);
              strapi.log.info(
                `[${PLUGIN}] ${due.action}ed ${uid} ${due.documentId}${due.locale ? ` (${due.locale})` : ''}, due ${due.at.toISOString()}`,
              );
            }
          } catch (error) {
            // The claim stays: retrying every minute would fail the same way until an editor fixes it.
            const message = error instanceof Error ? error.message : String(error);
            report.failed.push({ ...document, action: due.action, error: message });
            strapi.log.error(
              `[${PLUGIN}] could not ${due.action} ${uid} ${due.documentId}${due.locale ? ` (${due.locale})` : ''}, ` +
                `due ${due.at.toISOString()} (its ${fieldOf(due.action)} is cleared: set it again once fixed): ${message}`,
            );
          }
        }
      }
      return report;
    },

    /** Refuses to start on a configuration that names a type or field that cannot be scheduled. */
    checkContentTypes() {
      const { contentTypes, publishAtField, unpublishAtField } = config();
      for (const uid of contentTypes as UID.ContentType[]) {
        const model = strapi.contentTypes[uid];
        if (!model) throw new Error(`[${PLUGIN}] unknown content type "${uid}"`);
        if (!model.options?.draftAndPublish) throw new Error(`[${PLUGIN}] "${uid}" does not have draft & publish enabled`);
        for (const field of [publishAtField, unpublishAtField]) {
          const attribute = (model.attributes as Record<string, { type?: string }>)[field];
          if (attribute?.type !== 'datetime') throw new Error(`[${PLUGIN}] "${uid}" needs a datetime attribute "${field}"`);
        }
      }
    },
  };
};
