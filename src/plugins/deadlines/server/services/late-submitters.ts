import type { Core, UID } from '@strapi/strapi';
import type { Actor } from './actor';
import { getService } from '../get-service';

const CHANGES = 'plugin::deadlines.late-submitters-change';

/**
 * Naming a late submitter lets them submit after the deadline: every change to a window's list is
 * recorded (who, when, which users were added or removed), whoever made it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = () => getService(strapi, 'windows');

  const current = async (uid: string, field: string, documentId: string | undefined, locale: string | undefined): Promise<number[]> => {
    if (!documentId) return [];
    const drafts = strapi.getModel(uid as UID.ContentType)?.options?.draftAndPublish ? { publishedAt: null } : {};
    const row = await strapi.db.query(uid as UID.ContentType).findOne({
      where: { documentId, ...(locale ? { locale } : {}), ...drafts },
      populate: { [field]: { select: ['id'] } },
    });
    return ((row?.[field] as { id: number }[] | undefined) ?? []).map((user) => user.id);
  };

  return {
    field(uid: string): string | undefined {
      return windows().sourceConfig(uid)?.lateSubmitters;
    },

    async snapshot(uid: string, documentId: string | undefined, locale: string | undefined) {
      const field = this.field(uid);
      return field ? current(uid, field, documentId, locale) : [];
    },

    async recordChange(uid: string, before: number[], documentId: string, locale: string | undefined, actor: Actor, now: Date) {
      const field = this.field(uid);
      if (!field) return;
      const after = await current(uid, field, documentId, locale);
      const added = after.filter((id) => !before.includes(id));
      const removed = before.filter((id) => !after.includes(id));
      if (added.length === 0 && removed.length === 0) return;
      await strapi.db.query(CHANGES).create({
        data: {
          contentType: uid,
          targetDocumentId: documentId,
          locale: locale ?? null,
          added,
          removed,
          changedBy: actor.kind === 'admin' ? actor.email : actor.kind,
          adminUserId: actor.kind === 'admin' ? actor.userId : null,
          changedAt: now,
        },
      });
    },
  };
};
