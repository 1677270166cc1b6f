import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from './services/actor';

const WRITES = new Set(['create', 'update', 'publish', 'clone']);
const READS = new Set(['findMany', 'findFirst', 'findOne']);

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown>; populate?: unknown };

/**
 * One Document Service middleware for every path (REST, the admin content manager, code):
 * submissions are checked against their window, window sources are validated (and changes to
 * their late submitters recorded), stakeholders read their own drafts without reaching anyone
 * else's.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('deadlines').service(name);

  strapi.documents.use(async (context, next) => {
    if (service('actor').isBypassed()) return next();
    const params = (context.params ?? {}) as Params;
    const rule = service('windows').windowedRule(context.uid);
    const actor: Actor = service('actor').current();

    if (READS.has(context.action)) {
      if (!rule || actor.kind !== 'stakeholder' || params.status !== 'draft') return next();
      const populate = service('submission-reads').restrictPopulate(context.uid, params, rule);
      const result = await next();
      await service('submission-reads').showPublishedRelations(context.uid, populate, result);
      return result;
    }
    if (!WRITES.has(context.action)) return next();

    if (service('windows').sourceConfig(context.uid) && context.action !== 'publish') {
      await service('sources').normalizeAndValidate(context.uid, params);
      const lateSubmitters = service('late-submitters');
      const before = await lateSubmitters.snapshot(context.uid, params.documentId, params.locale);
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      const locale = (result as { locale?: string } | null)?.locale ?? params.locale;
      if (documentId) await lateSubmitters.recordChange(context.uid, context.action === 'update' ? before : [], documentId, locale, actor, service('clock').now().toJSDate());
      return result;
    }
    if (!rule) return next();

    const enforcement = service('enforcement');
    let populate;
    if (actor.kind === 'stakeholder') {
      if (context.action !== 'create') await enforcement.assertOwner(context.uid, rule, params.documentId, actor);
      enforcement.applySubmitterRules(context, rule, actor);
      await service('uploads').assertOwnMedia(context.uid, params, actor.userId);
      populate = service('submission-reads').restrictPopulate(context.uid, params, rule);
    }
    if (context.action === 'update') await enforcement.inheritOwner(context.uid, rule, params);
    await enforcement.validateShape(context, rule);
    const now = service('clock').now();
    const verdict = await enforcement.check(context, rule, actor, now);
    const result = await strapi.db.transaction(async () => {
      const written = await next();
      const documentId = (written as { documentId?: string } | null)?.documentId ?? params.documentId;
      if (documentId) await enforcement.assertStoredTarget(context.uid, rule, verdict, documentId, (written as { locale?: string } | null)?.locale ?? params.locale);
      return written;
    });
    if (verdict.override && actor.kind === 'admin') {
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      await enforcement.recordOverride(context, actor, verdict, documentId, now);
    }
    if (populate) await service('submission-reads').showPublishedRelations(context.uid, populate, result);
    return result;
  });

  // Files a stakeholder uploads are theirs to attach (and only theirs): recorded at upload.
  strapi.get('controllers').extend('plugin::upload.content-api', (controller: Record<string, (ctx: unknown) => Promise<unknown>>) => ({
    ...controller,
    async upload(ctx: { state: { user?: { id: number }; auth?: { strategy?: { name?: string } } }; query: { id?: unknown }; body: unknown }) {
      const stakeholder = ctx.state.auth?.strategy?.name === 'users-permissions' ? ctx.state.user : undefined;
      const replaced = ctx.query.id;
      if (stakeholder && replaced !== undefined && !(typeof replaced === 'string' && /^\d{1,9}$/.test(replaced) && (await service('uploads').isOwn(stakeholder.id, Number(replaced))))) {
        throw new errors.PolicyError('Only files you uploaded can be replaced', { code: 'MEDIA_NOT_OWNED' });
      }
      await controller.upload.call(this, ctx);
      if (stakeholder && ctx.query.id === undefined) await service('uploads').record(stakeholder.id, ctx.body);
    },
  }));
};
