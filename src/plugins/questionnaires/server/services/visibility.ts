import type { Core, UID } from '@strapi/strapi';
import type { Actor } from '../../../shared/actor';
import { publicAnswers, type Question } from '../../domain';
import type { AnswerConfig } from '../config';
import { getService } from '../get-service';

type Item = Record<string, unknown> & { id?: number };

/**
 * Answers are a private attribute (Strapi never sends it, at any depth of populate): the entry
 * routes put it back on the documents they answer, whole for their submitter and API tokens, the
 * public answers only for everyone else.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async attach(uid: string, rule: AnswerConfig, data: unknown, actor: Actor) {
    const items = (Array.isArray(data) ? data : [data]).filter(
      (item): item is Item => typeof item === 'object' && item !== null && typeof (item as Item).id === 'number',
    );
    if (items.length === 0) return;
    const rows = await strapi.db.query(uid as UID.ContentType).findMany({
      where: { id: { $in: items.map((item) => item.id) } },
      select: ['id', rule.answers],
      populate: { [rule.owner]: { select: ['id'] }, [rule.form]: { select: ['documentId'] } },
    });
    const byId = new Map(rows.map((row) => [row.id as number, row]));
    const formUid = getService(strapi, 'forms').formUidOf(uid, rule);
    const questionsOf = new Map<string, Promise<Question[]>>();
    const structure = (formId: string) => {
      if (!questionsOf.has(formId))
        questionsOf.set(
          formId,
          getService(strapi, 'forms')
            .load(formUid, formId, undefined, 'published')
            .then((form) => form?.questions ?? []),
        );
      return questionsOf.get(formId)!;
    };
    for (const item of items) {
      const row = byId.get(item.id!);
      const answers = row?.[rule.answers];
      if (!row || answers === null || answers === undefined) {
        item[rule.answers] = null;
        continue;
      }
      const ownerId = (row[rule.owner] as { id?: number } | null)?.id;
      const whole = actor.kind === 'api-token' || actor.kind === 'system' || (actor.kind === 'stakeholder' && ownerId === actor.userId);
      const formId = (row[rule.form] as { documentId?: string } | null)?.documentId;
      item[rule.answers] = whole ? answers : formId ? publicAnswers(await structure(formId), answers) : {};
    }
  },
});
