import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const UPLOADS = 'plugin::deadlines.stakeholder-upload';
type Attribute = { type: string };

/** Reads the file ids of a media value as a write sends it: ids, `{ id }` objects, or a list of them. */
export function fileIds(value: unknown): (number | null)[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(fileIds);
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (typeof value === 'string' && /^\d+$/.test(value)) return [Number(value)];
  if (typeof value === 'object' && Number.isInteger((value as { id?: unknown }).id)) return [(value as { id: number }).id];
  return [null];
}

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
        const rows = await strapi.db.query(uid as UID.ContentType).findMany({ where: { documentId: params.documentId }, populate: { [name]: { select: ['id'] } } });
        for (const row of rows) for (const file of [row[name]].flat() as ({ id: number } | null)[]) if (file) attached.add(file.id);
      }
      const own = new Set<number>(
        (await strapi.db.query(UPLOADS).findMany({ where: { userId, fileId: { $in: ids.filter((id): id is number => id !== null) } }, select: ['fileId'] })).map(
          (row) => row.fileId as number,
        ),
      );
      if (ids.some((id) => id === null || (!attached.has(id) && !own.has(id)))) {
        throw new errors.PolicyError(`${name} takes files you uploaded yourself (POST /api/upload)`, { code: 'MEDIA_NOT_OWNED', field: name });
      }
    }
  },
});
