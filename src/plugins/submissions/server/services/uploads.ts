import type { Core, UID } from '@strapi/strapi';
import { fileIds } from '../../domain/media';
import { refused } from '../../../shared/errors';

const UPLOADS = 'plugin::submissions.stakeholder-upload';
type Attribute = { type: string };

/**
 * Stakeholders attach to their submissions only files they uploaded themselves (or that are
 * attached to that submission already): any other file id would publish someone else's file.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(userId: number, files: unknown) {
    for (const file of Array.isArray(files) ? files : [files]) {
      const id = (file as { id?: unknown } | null)?.id;
      if (Number.isInteger(id)) await strapi.db.query(UPLOADS).create({ data: { fileId: id, userId } });
    }
  },

  async isOwn(userId: number, fileId: number): Promise<boolean> {
    return (await strapi.db.query(UPLOADS).count({ where: { fileId, userId } })) > 0;
  },

  async assertOwnMedia(uid: string, params: { documentId?: string; data?: Record<string, unknown> }, userId: number) {
    const data = params.data ?? {};
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'media' || data[name] === undefined) continue;
      const ids = fileIds(data[name]);
      if (ids.length === 0) continue;
      const attached = new Set<number>();
      if (params.documentId) {
        const rows = await strapi.db
          .query(uid as UID.ContentType)
          .findMany({ where: { documentId: params.documentId }, populate: { [name]: { select: ['id'] } } });
        for (const row of rows) for (const file of [row[name]].flat() as ({ id: number } | null)[]) if (file) attached.add(file.id);
      }
      const own = new Set<number>(
        (
          await strapi.db
            .query(UPLOADS)
            .findMany({ where: { userId, fileId: { $in: ids.filter((id): id is number => id !== null) } }, select: ['fileId'] })
        ).map((row) => row.fileId as number),
      );
      if (ids.some((id) => id === null || (!attached.has(id) && !own.has(id)))) {
        throw refused('MEDIA_NOT_OWNED', `${name} takes files you uploaded yourself (POST /api/upload)`, { field: name });
      }
    }
  },
});
