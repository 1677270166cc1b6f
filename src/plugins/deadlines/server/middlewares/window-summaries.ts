import type { Core, UID } from '@strapi/strapi';

type Entity = Record<string, unknown> & { documentId?: string };

/**
 * Content API responses carry each window source's computed window (state, effective deadline,
 * original deadline when extended, timezone), wherever the source appears: listed, found, or
 * populated inside another document (a consultation's phases).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx, next) => {
    await next();
    const route = ctx.state?.route as { info?: { type?: string }; handler?: string } | undefined;
    if (ctx.method !== 'GET' || route?.info?.type !== 'content-api' || ctx.status !== 200 || !ctx.body?.data) return;
    const uid = typeof route.handler === 'string' ? route.handler.split('.').slice(0, 2).join('.') : undefined;
    if (!uid || !strapi.contentTypes[uid as UID.ContentType]) return;

    const windows = strapi.plugin('deadlines').service('windows');
    const now = strapi.plugin('deadlines').service('clock').now();
    const visit = async (modelUid: string, entity: Entity | null | undefined, depth: number) => {
      if (!entity || typeof entity !== 'object' || depth > 3) return;
      if (windows.sourceConfig(modelUid) && entity.documentId) {
        const source = await windows.loadSource(modelUid, entity.documentId).catch(() => null);
        if (source) entity.window = windows.summarize(source.window, now);
      }
      const attributes = strapi.getModel(modelUid as UID.ContentType)?.attributes ?? {};
      for (const [name, attribute] of Object.entries(attributes) as [string, { type: string; target?: string }][]) {
        if (attribute.type !== 'relation' || !attribute.target || !(name in entity)) continue;
        const value = entity[name];
        for (const child of Array.isArray(value) ? value : [value]) await visit(attribute.target, child as Entity, depth + 1);
      }
    };
    const data = ctx.body.data as Entity | Entity[];
    for (const entity of Array.isArray(data) ? data : [data]) await visit(uid, entity, 0);
  };
