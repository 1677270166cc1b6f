import type { Core } from '@strapi/strapi';
import { currentActor } from '../../shared/actor';
import { refused } from '../../shared/errors';
import { isTrusted } from '../../shared/trusted';
import type { SubmissionsConfig, SubmissionTypeConfig } from './config';
import { mineAction } from './controllers/mine';
import { getService } from './get-service';

const WRITES = new Set(['create', 'update', 'publish', 'clone']);
const READS = new Set(['findMany', 'findFirst', 'findOne']);

type Params = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
  populate?: unknown;
  filters?: unknown;
  sort?: unknown;
};
type Controller = Record<string, unknown>;
type UploadContext = { state: { user?: { id: number }; auth?: { strategy?: { name?: string } } }; query: { id?: unknown }; body: unknown };

/**
 * One Document Service middleware for every path (REST, the admin, code), declared before the
 * plugins that check what a submission points at (deadlines), so that nobody learns anything of
 * a submission that is not theirs: stakeholders write their own submissions, as drafts, with
 * their own files; everyone's new locale of a submission keeps its owner; stakeholders read their
 * own drafts without reaching anyone else's.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::submissions') as SubmissionsConfig;

  strapi.documents.use(async (context, next) => {
    const rule = config().types[context.uid];
    if (!rule) return next();
    const params = (context.params ?? {}) as Params;
    // Publishing a reviewed submission, by any path and whoever does it, is accepting it.
    const accepting = () =>
      Boolean(rule.review) && WRITES.has(context.action) && (context.action === 'publish' || params.status === 'published');
    const acceptance = { creating: context.action === 'create' };
    if (isTrusted()) return accepting() ? acceptAround(strapi, context.uid, rule, params, next, { ...acceptance, check: false }) : next();
    const actor = currentActor(strapi);

    if (READS.has(context.action)) {
      if (actor.kind !== 'stakeholder' || params.status !== 'draft') return next();
      const populate = getService(strapi, 'reads').restrictPopulate(context.uid, params, rule);
      const result = await next();
      await getService(strapi, 'reads').showPublishedRelations(context.uid, populate, result);
      return result;
    }
    if (!WRITES.has(context.action)) return next();

    const rules = getService(strapi, 'rules');
    const review = getService(strapi, 'review');
    let populate;
    let resubmitting;
    if (actor.kind === 'stakeholder') {
      if (context.action !== 'create') await rules.assertOwner(context.uid, rule, params.documentId, actor.userId);
      rules.applySubmitterRules(context.action, params, rule, actor.userId);
      if (rule.review && context.action === 'create' && params.data) params.data[rule.review.state] = 'submitted';
      if (rule.review && context.action === 'update' && params.documentId)
        resubmitting = await review.beforeSubmitterUpdate(context.uid, rule.review, params.documentId);
      await getService(strapi, 'uploads').assertOwnMedia(context.uid, params, actor.userId);
      populate = getService(strapi, 'reads').restrictPopulate(context.uid, params, rule);
    } else if (rule.review && (context.action === 'create' || context.action === 'update' || context.action === 'clone')) {
      await review.assertReviewFieldsUnchanged(
        context.uid,
        rule.review,
        context.action === 'create' ? undefined : params.documentId,
        params.data,
      );
    }
    if (context.action === 'update') await rules.inheritOwner(context.uid, rule, params);
    rules.validateShape(context.uid, context.action, params, rule);
    // After the submitter's rules: theirs is always a draft.
    const result = accepting() ? await acceptAround(strapi, context.uid, rule, params, next, { ...acceptance, check: true }) : await next();
    if (resubmitting !== undefined && params.documentId)
      await review.afterSubmitterUpdate(context.uid, rule.review!, params.documentId, resubmitting);
    if (populate) await getService(strapi, 'reads').showPublishedRelations(context.uid, populate, result);
    return result;
  });

  // `mine` on each submitted type's controller (the app's routes point at it).
  for (const [uid, rule] of Object.entries(config().types)) {
    // Core controllers keep their actions on the prototype: extend, don't copy.
    strapi
      .get('controllers')
      .extend(uid as never, (controller: Controller) =>
        Object.assign(Object.create(controller), { mine: mineAction(strapi, uid, rule.owner) }),
      );
  }

  // Files a stakeholder uploads are theirs to attach (and only theirs): recorded at upload.
  if (config().uploads) {
    strapi
      .get('controllers')
      .extend('plugin::upload.content-api' as never, (controller: Record<string, (ctx: UploadContext) => Promise<unknown>>) => ({
        ...controller,
        async upload(ctx: UploadContext) {
          const stakeholder = ctx.state.auth?.strategy?.name === 'users-permissions' ? ctx.state.user : undefined;
          const replaced = ctx.query.id;
          const uploads = getService(strapi, 'uploads');
          if (
            stakeholder &&
            replaced !== undefined &&
            !(typeof replaced === 'string' && /^\d{1,9}$/.test(replaced) && (await uploads.isOwn(stakeholder.id, Number(replaced))))
          ) {
            throw refused('MEDIA_NOT_OWNED', 'Only files you uploaded can be replaced');
          }
          await controller.upload.call(this, ctx);
          if (stakeholder && replaced === undefined) await uploads.record(stakeholder.id, ctx.body);
        },
      }));
  }
};

/**
 * Runs a publishing write and records the acceptance it is (refused for a rejected submission).
 * A document created published is written accepted: no second write of its rows.
 */
async function acceptAround<T>(
  strapi: Core.Strapi,
  uid: string,
  rule: SubmissionTypeConfig,
  params: Params,
  next: () => T,
  { check, creating }: { check: boolean; creating: boolean },
): Promise<Awaited<T>> {
  const review = getService(strapi, 'review');
  const before =
    params.documentId && check ? await review.beforePublish(uid, rule.review!, params.documentId) : { from: null, accepting: true };
  const written = creating && params.data !== undefined;
  if (written) Object.assign(params.data!, review.acceptedFields(rule.review!));
  const result = await next();
  const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
  if (documentId && before.accepting) await review.afterPublish(uid, rule.review!, documentId, before.from, { written });
  return result;
}
