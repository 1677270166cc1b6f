import type { Core } from '@strapi/strapi';

/** Writes that change what a reader of the content API sees. */
const CONTENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const isContent = (uid: string) => uid.startsWith('api::') || uid === 'plugin::upload.file';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered now, before Strapi registers the APIs' routes (at bootstrap): koa-router tries
  // routes in registration order, and `/events/calendar.ics` must be tried before the core
  // `/events/:id` takes `calendar.ics` for a documentId. As plugin `routes` they would come after.
  strapi.server.routes({ type: 'content-api', routes: strapi.plugin('feeds').service('routes').definitions() });

  // One Document Service middleware: every write path (REST, the admin, code) moves the content version.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (CONTENT_WRITES.has(context.action) && isContent(context.uid)) await strapi.plugin('feeds').service('contentVersion').bump();
    return result;
  });
};
