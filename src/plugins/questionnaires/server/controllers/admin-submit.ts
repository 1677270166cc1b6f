import type { Core } from '@strapi/strapi';
import { invalid, refused } from '../../../shared/errors';
import type { QuestionnairesConfig } from '../config';
import { getService } from '../get-service';

type Ctx = {
  params: { contentType?: string; documentId?: string };
  query: { locale?: unknown };
  state: { userAbility?: { can: (action: string, subject?: string) => boolean } };
  body: unknown;
};

/**
 * The admin's Submit action (`/questionnaires/...`, any signed-in admin user who may update the
 * type): which types answer a questionnaire, and submitting one on its submitter's behalf.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  types(ctx: Ctx) {
    ctx.body = { data: Object.keys((strapi.config.get('plugin::questionnaires') as QuestionnairesConfig).answering) };
  },

  async submit(ctx: Ctx) {
    const uid = ctx.params.contentType ?? '';
    const rule = getService(strapi, 'forms').answerRule(uid);
    if (!rule) throw invalid('INVALID_CONTENT_TYPE', `${uid} does not answer a questionnaire`);
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.update', uid)) {
      throw refused('FORBIDDEN', 'You may not change these documents');
    }
    const documentId = ctx.params.documentId ?? '';
    const locale = typeof ctx.query.locale === 'string' && ctx.query.locale !== '' ? ctx.query.locale : undefined;
    const submission = getService(strapi, 'submission');
    await submission.assertWindowOpen(uid, rule, documentId);
    const entry = await submission.submit(uid, rule, documentId, locale);
    ctx.body = { data: { documentId: entry?.documentId ?? documentId, [rule.submittedAt]: entry?.[rule.submittedAt] ?? null } };
  },
});
