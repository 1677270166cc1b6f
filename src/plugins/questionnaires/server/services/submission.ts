import type { Core, UID } from '@strapi/strapi';
import { provider } from '../../../shared/contracts';
import { documentsOf } from '../../../shared/documents';
import { notFound, refused } from '../../../shared/errors';
import { defaultLocale } from '../../../shared/i18n';
import type { AnswerConfig, QuestionnairesConfig } from '../config';
import { runWithIntent } from '../flags';
import { getService } from '../get-service';

/** Submitting an answering document: its answers complete (checked by the middleware), when recorded. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(uid: string, rule: AnswerConfig, documentId: string, askedLocale: string | undefined) {
    const locale = askedLocale ?? (await defaultLocale(strapi));
    // An update of a locale that does not exist would create it.
    const exists = await strapi.db.query(uid as UID.ContentType).count({ where: { documentId, locale, publishedAt: null } });
    if (!exists) throw notFound('NOT_FOUND', 'No such entry in that locale');
    return runWithIntent({ submitting: true }, () =>
      documentsOf(strapi, uid).update({ documentId, locale, status: 'draft', data: { [rule.submittedAt]: new Date().toISOString() } }),
    );
  },

  /**
   * Editors are not held by windows when they edit; submitting on a stakeholder's behalf is, by
   * the form's effective deadline (the `windowsFrom` plugin's).
   */
  async assertWindowOpen(uid: string, rule: AnswerConfig, documentId: string) {
    const { windowsFrom } = strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
    if (!windowsFrom) return;
    const row = await strapi.db
      .query(uid as UID.ContentType)
      .findOne({ where: { documentId }, select: ['id'], populate: { [rule.form]: { select: ['documentId'] } } });
    const formId = (row?.[rule.form] as { documentId?: string } | null)?.documentId;
    if (!formId) return;
    const forms = getService(strapi, 'forms');
    const window = (await provider(strapi, windowsFrom, 'windows').deadlinesOf(forms.formUidOf(uid, rule), [formId])).get(formId);
    const now = Date.now();
    if (window?.opensAt && Date.parse(window.opensAt) > now) {
      throw refused('WINDOW_NOT_OPEN', `Submissions open on ${window.opensAt} (${window.timezone})`, { opensAt: window.opensAt });
    }
    if (window?.closesAt && Date.parse(window.closesAt) < now) {
      throw refused('WINDOW_CLOSED', `Submissions closed on ${window.closesAt} (${window.timezone})`, { closesAt: window.closesAt });
    }
  },
});
