import type { Core, UID } from '@strapi/strapi';
import { getService } from './get-service';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** One Document Service middleware: REST, the content manager and code all pass through it. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as { data?: Record<string, unknown>; locale?: string; documentId?: string };
    if (params.data && typeof params.data === 'object') {
      const slugs = getService(strapi, 'slugs');
      if (slugs.slugFields(context.uid as UID.ContentType).length > 0) {
        await slugs.fillSlugs(context.uid, params.data, { locale: params.locale, documentId: params.documentId });
      }
    }
    return next();
  });
};
