import type { Core } from '@strapi/strapi';

const WRITES = new Set(['create', 'update', 'publish']);

/**
 * One Document Service middleware for every write path (REST, the admin content manager, code):
 * submissions are checked against their window, window sources are validated.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('deadlines').service(name);

  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || service('actor').isBypassed()) return next();
    const params = context.params as { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

    if (service('windows').sourceConfig(context.uid) && context.action !== 'publish') {
      await service('sources').normalizeAndValidate(context.uid, params);
      return next();
    }

    const rule = service('windows').windowedRule(context.uid);
    if (!rule) return next();

    const actor = service('actor').current();
    const enforcement = service('enforcement');
    if (actor.kind === 'stakeholder') {
      if (context.action !== 'create') await enforcement.assertOwner(context.uid, rule, params.documentId, actor);
      enforcement.applySubmitterRules(context, rule, actor);
    }
    await enforcement.validateShape(context, rule);
    const now = service('clock').now();
    const verdict = await enforcement.check(context, rule, actor, now);
    const result = await next();
    if (verdict.override && actor.kind === 'admin') {
      const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
      await enforcement.recordOverride(context, actor, verdict, documentId, now);
    }
    return result;
  });
};
