import type { Core } from '@strapi/strapi';
import { registerCustomFields } from './custom-fields';
import { getService } from './get-service';

const WRITES = new Set(['create', 'update', 'publish', 'clone']);

type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };
type Written = { documentId?: string; locale?: string } | null;

/**
 * One Document Service middleware for every write path (REST, the admin content manager, code):
 * windowed documents are checked against their window (and the window they are stored with must
 * be the one checked), window sources are validated and changes to their late submitters recorded.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerCustomFields(strapi);
  strapi.documents.use(async (context, next) => {
    if (!WRITES.has(context.action) || getService(strapi, 'actor').isBypassed()) return next();
    const params = (context.params ?? {}) as Params;
    const windows = getService(strapi, 'windows');
    const actor = getService(strapi, 'actor').current();
    const now = getService(strapi, 'clock').now();

    if (windows.sourceConfig(context.uid) && context.action !== 'publish') {
      await getService(strapi, 'sources').normalizeAndValidate(context.uid, params);
      const lateSubmitters = getService(strapi, 'late-submitters');
      const before = context.action === 'update' ? await lateSubmitters.snapshot(context.uid, params.documentId, params.locale) : [];
      const result = await next();
      const written = result as Written;
      const documentId = written?.documentId ?? params.documentId;
      if (documentId)
        await lateSubmitters.recordChange(context.uid, before, documentId, written?.locale ?? params.locale, actor, now.toJSDate());
      return result;
    }

    const rule = windows.windowedRule(context.uid);
    if (!rule) return next();
    // The late flag is the server's: only an editor sets it by hand.
    if (rule.lateFlag && actor.kind !== 'admin' && params.data) delete params.data[rule.lateFlag];
    const enforcement = getService(strapi, 'enforcement');
    const write = { uid: context.uid, action: context.action, params };
    const verdict = await enforcement.check(write, rule, actor, now);
    const result = await strapi.db.transaction(async () => {
      const done = await next();
      const written = done as Written;
      const documentId = written?.documentId ?? params.documentId;
      if (documentId) await enforcement.assertStoredTarget(context.uid, rule, verdict, documentId, written?.locale ?? params.locale);
      return done;
    });
    if (verdict.override && actor.kind === 'admin') {
      await enforcement.recordOverride(write, actor, verdict, (result as Written)?.documentId ?? params.documentId ?? '', now);
    }
    return result;
  });
};
