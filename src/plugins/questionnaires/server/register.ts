import type { Core } from '@strapi/strapi';
import { currentActor } from '../../shared/actor';
import { isTrusted } from '../../shared/trusted';
import { carryForwardAction, questionnaireAction, submitAction, withAnswers } from './controllers/actions';
import type { MembershipConfig, QuestionnairesConfig } from './config';
import { getService } from './get-service';

const WRITES = new Set(['create', 'update', 'publish', 'clone']);
const READ_ACTIONS = ['find', 'findOne', 'create', 'update', 'mine'];

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };
type Written = { documentId?: string; locale?: string } | null;
type Controller = Record<string, unknown>;

/**
 * One Document Service middleware for every write path (REST, the admin, code): questionnaires
 * keep one structure and stay compatible with submitted answers; answers fit the questionnaire
 * of the form they are stored with, checked inside the write's transaction. The controllers of
 * the configured types gain `questionnaire`, `submit` and `carryForward` (the app declares the
 * routes) and put answers back on what they answer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
  extendUser(strapi, config().membership);

  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || isTrusted()) return next();
    const params = (context.params ?? {}) as Params;
    const forms = getService(strapi, 'forms');
    const writes = getService(strapi, 'writes');

    const form = forms.formRule(context.uid);
    if (form) {
      await writes.beforeFormWrite(context.uid, form, context.action, params);
      if (context.action === 'publish' || params.status === 'published') await writes.assertLabelsTranslated(context.uid, form, params);
      return next();
    }

    const rule = forms.answerRule(context.uid);
    if (!rule) return next();
    const actor = currentActor(strapi);
    writes.stripServerFields(rule, params, actor);
    writes.assertAnswersObject(rule, params);
    if (context.action === 'publish' || !writes.touchesAnswers(rule, context.action, params)) return next();
    const newFiles = actor.kind === 'stakeholder' ? await writes.newFileAnswers(context.uid, rule, params) : undefined;
    return strapi.db.transaction(async () => {
      const result = await next();
      const written = result as Written;
      const documentId = written?.documentId ?? params.documentId;
      const messageLocale = (strapi.requestContext.get()?.query as { locale?: unknown } | undefined)?.locale;
      if (documentId) {
        await writes.assertStoredAnswers(context.uid, rule, documentId, written?.locale ?? params.locale, {
          messageLocale: typeof messageLocale === 'string' ? messageLocale : params.locale,
          newFiles,
          userId: actor.kind === 'stakeholder' ? actor.userId : undefined,
        });
      }
      return result;
    });
  });

  for (const uid of Object.keys(config().forms)) {
    strapi
      .get('controllers')
      .extend(uid as never, (controller: Controller) =>
        Object.assign(Object.create(controller), { questionnaire: questionnaireAction(strapi, uid) }),
      );
  }
  for (const [uid, rule] of Object.entries(config().answering)) {
    // Core controllers keep their actions on the prototype: extend, don't copy.
    strapi.get('controllers').extend(uid as never, (controller: Controller) => {
      const wrapped = Object.fromEntries(
        READ_ACTIONS.filter((name) => typeof controller[name] === 'function').map((name) => [
          name,
          withAnswers(strapi, uid, rule, name, controller[name] as never),
        ]),
      );
      return Object.assign(Object.create(controller), wrapped, {
        submit: submitAction(strapi, uid, rule),
        carryForward: carryForwardAction(strapi, uid, rule),
      });
    });
  }
};

/** The account names its organization; an editor verifies the membership (the content manager's Users). */
function extendUser(strapi: Core.Strapi, membership: MembershipConfig) {
  if (!membership.target) return;
  const user = strapi.contentType('plugin::users-permissions.user') as unknown as { attributes: Record<string, unknown> };
  user.attributes[membership.organization] = { type: 'relation', relation: 'manyToOne', target: membership.target };
  user.attributes[membership.verified] = { type: 'boolean', default: false };
}
