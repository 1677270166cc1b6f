import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/** Writes that change what a reader of the content API sees. */
const CONTENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const isContent = (uid: string) => uid.startsWith('api::') || uid === 'plugin::upload.file';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // One Document Service middleware: every write path (REST, the admin, code) moves the content version.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (CONTENT_WRITES.has(context.action) && isContent(context.uid)) await getService(strapi, 'content-version').bump();
    return result;
  });
};
