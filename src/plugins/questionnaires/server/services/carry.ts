import type { Core, UID } from '@strapi/strapi';
import { documentsOf, type DocumentRow } from '../../../shared/documents';
import { invalid, notFound, refused } from '../../../shared/errors';
import { defaultLocale } from '../../../shared/i18n';
import { runTrusted } from '../../../shared/trusted';
import { carryAnswers } from '../../domain';
import type { AnswerConfig, QuestionnairesConfig } from '../config';
import { runWithIntent } from '../flags';
import { getService } from '../get-service';

type Attribute = { type: string; relation?: string };
const idOf = (value: unknown) => (value as { id?: number } | null)?.id;
const documentIdOf = (value: unknown) => (value as { documentId?: string } | null)?.documentId;

/**
 * The call for updates: a stakeholder carries an entry of a past form (call) into an open one,
 * as a new draft of theirs pre-filled from it and linked to it; the old entry stays as it is.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;

  /** The entry as the caller may carry it: its published version, or their own draft. */
  async function carriedEntry(uid: string, rule: AnswerConfig, documentId: string, locale: string, userId: number) {
    const populate = {
      [rule.owner]: { select: ['id'] },
      [rule.organization]: { select: ['documentId'] },
      [rule.form]: { select: ['documentId'] },
    };
    const query = strapi.db.query(uid as UID.ContentType);
    const published = await query.findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, select: ['id'], populate });
    if (published) return { row: published, status: 'published' as const };
    const draft = await query.findOne({
      where: { documentId, locale, publishedAt: null, [rule.owner]: { id: userId } },
      select: ['id'],
      populate,
    });
    return draft ? { row: draft, status: 'draft' as const } : null;
  }

  /** Its submitter, or a member of its organization whom an editor verified. */
  async function assertMayCarry(rule: AnswerConfig, row: Record<string, unknown>, userId: number) {
    if (idOf(row[rule.owner]) === userId) return;
    const { membership } = config();
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({
      where: { id: userId },
      select: ['id', membership.verified],
      populate: { [membership.organization]: { select: ['documentId'] } },
    });
    const organization = documentIdOf(row[rule.organization]);
    if (organization && user?.[membership.verified] === true && documentIdOf(user[membership.organization]) === organization) return;
    throw refused(
      'CARRY_FORWARD_NOT_ALLOWED',
      'Only the submitter of this entry or a verified member of its organization can carry it forward',
    );
  }

  /** The carried attributes of the old entry as a create payload: values, relations by documentId, no media. */
  function copied(uid: string, rule: AnswerConfig, entry: DocumentRow): Record<string, unknown> {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    const data: Record<string, unknown> = {};
    for (const field of rule.carry) {
      const attribute = attributes[field];
      const value = entry[field];
      if (!attribute || attribute.type === 'media' || value === undefined) continue;
      if (attribute.type !== 'relation') data[field] = value;
      else if (Array.isArray(value)) data[field] = value.map(documentIdOf).filter(Boolean);
      else data[field] = documentIdOf(value) ?? null;
    }
    return data;
  }

  return {
    async carryForward(
      uid: string,
      rule: AnswerConfig,
      documentId: string,
      target: unknown,
      askedLocale: string | undefined,
      userId: number,
    ) {
      const locale = askedLocale ?? (await defaultLocale(strapi));
      const found = await carriedEntry(uid, rule, documentId, locale, userId);
      if (!found) throw notFound('NOT_FOUND', 'No such entry in that locale');
      await assertMayCarry(rule, found.row, userId);
      if (typeof target !== 'string' || target === '') {
        throw invalid('FIELD_REQUIRED', `Name the ${rule.form} to carry the entry into: { "data": { "${rule.form}": "<documentId>" } }`, {
          field: rule.form,
        });
      }
      if (documentIdOf(found.row[rule.form]) === target) {
        throw invalid('ALREADY_IN_CALL', `The entry is already in that ${rule.form}`, { field: rule.form });
      }
      const carried = await strapi.db.query(uid as UID.ContentType).count({
        where: { [rule.previous]: { documentId }, [rule.form]: { documentId: target } },
      });
      if (carried > 0) throw invalid('ALREADY_CARRIED_FORWARD', `The entry was already carried forward into that ${rule.form}`);

      const populate = Object.fromEntries(
        rule.carry
          .filter((field) => (strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>)[field]?.type === 'relation')
          .map((field) => [field, { fields: ['documentId'] }]),
      );
      const entry = await runTrusted(() => documentsOf(strapi, uid).findOne({ documentId, locale, status: found.status, populate }));
      if (!entry) throw notFound('NOT_FOUND', 'No such entry in that locale');
      const forms = getService(strapi, 'forms');
      const form = await forms.load(forms.formUidOf(uid, rule), target, locale, 'published');
      const data = {
        ...copied(uid, rule, entry),
        [rule.form]: target,
        [rule.previous]: documentId,
        [rule.answers]: carryAnswers(form?.questions ?? [], entry[rule.answers] ?? {}, await forms.catalogs()),
      };
      // As the stakeholder: their ownership, the window of the new call and the shape rules apply.
      return runWithIntent({ carrying: true }, () => documentsOf(strapi, uid).create({ locale, status: 'draft', data }));
    },
  };
};
