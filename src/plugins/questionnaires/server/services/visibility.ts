import type { Core, UID } from '@strapi/strapi';
import type { Actor } from '../../../shared/actor';
import { publicAnswers } from '../../domain';
import type { AnswerConfig } from '../config';
import { getService } from '../get-service';

type Item = Record<string, unknown> & { id?: number };

const itemsOf = (data: unknown) =>
  (Array.isArray(data) ? data : [data]).filter(
    (item): item is Item => typeof item === 'object' && item !== null && typeof (item as Item).id === 'number',
  );

/**
 * The answers of the rows a controller loaded, by id, before Strapi's sanitiser removed them: the
 * read they came with needs no second one. A row loaded without the attribute (a `fields` list) is
 * not in it.
 */
export function loadedAnswers(rule: AnswerConfig, data: unknown): Map<number, unknown> {
  return new Map(itemsOf(data).flatMap((row) => (rule.answers in row ? [[row.id!, row[rule.answers]] as const] : [])));
}

/**
 * Answers are a private attribute (Strapi never sends it, at any depth of populate): the entry
 * routes put it back on the documents they answer, whole for their submitter and API tokens, the
 * public answers only for everyone else. `loaded`: the answers the controller's own read returned
 * (`loadedAnswers`); only the other items' are read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async attach(uid: string, rule: AnswerConfig, data: unknown, actor: Actor, loaded: ReadonlyMap<number, unknown> = new Map()) {
    const items = itemsOf(data);
    if (items.length === 0) return;
    // Only what this caller's answer depends on is read: API tokens see every answer whole, a
    // stakeholder those they submitted, everyone else the public answers of each entry's questionnaire.
    const everyWhole = actor.kind === 'api-token' || actor.kind === 'system';
    const unread = items.filter((item) => !loaded.has(item.id!)).map((item) => item.id);
    const answered = [
      ...items.filter((item) => loaded.has(item.id!)).map((item) => ({ id: item.id, [rule.answers]: loaded.get(item.id!) }) as Item),
      ...(unread.length
        ? ((await strapi.db.query(uid as UID.ContentType).findMany({
            where: { id: { $in: unread } },
            select: ['id', rule.answers],
          })) as Item[])
        : []),
    ];
    const hasAnswers = (row: Item | undefined): row is Item => row?.[rule.answers] !== null && row?.[rule.answers] !== undefined;
    // Who submitted each answered entry, and its questionnaire, are read only for the rows with
    // answers (a page of entries without answers costs one query).
    const withAnswers = answered.filter(hasAnswers).map((row) => row.id);
    const related =
      everyWhole || withAnswers.length === 0
        ? []
        : ((await strapi.db.query(uid as UID.ContentType).findMany({
            where: { id: { $in: withAnswers } },
            select: ['id'],
            populate: {
              ...(actor.kind === 'stakeholder' ? { [rule.owner]: { select: ['id'] } } : {}),
              [rule.form]: { select: ['documentId'] },
            },
          })) as Item[]);
    const relatedById = new Map(related.map((row) => [row.id, row]));
    const rows = answered.map((row) => ({ ...relatedById.get(row.id), ...row }));
    const byId = new Map(rows.map((row) => [row.id as number, row]));
    const whole = (row: Record<string, unknown>) =>
      everyWhole || (actor.kind === 'stakeholder' && (row[rule.owner] as { id?: number } | null)?.id === actor.userId);
    const formOf = (row: Record<string, unknown>) => (row[rule.form] as { documentId?: string } | null)?.documentId;
    // One read of the questionnaires behind the whole response, whatever its size; none without answers to filter.
    const filtered = rows.filter((row) => hasAnswers(row) && !whole(row) && formOf(row));
    const forms = getService(strapi, 'forms');
    const structures = filtered.length
      ? await forms.structures(forms.formUidOf(uid, rule), [...new Set(filtered.map((row) => formOf(row)!))])
      : new Map();
    for (const item of items) {
      const row = byId.get(item.id!);
      if (!hasAnswers(row)) item[rule.answers] = null;
      else if (whole(row)) item[rule.answers] = row[rule.answers];
      else item[rule.answers] = publicAnswers(structures.get(formOf(row) ?? '') ?? [], row[rule.answers]);
    }
  },
});
