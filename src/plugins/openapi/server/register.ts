import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered now, before Strapi registers the APIs' routes (at bootstrap): koa-router tries
  // routes in registration order, and no API route may take the document's path for its own.
  strapi.server.routes({ type: 'content-api', routes: getService(strapi, 'document').definitions() });
};
