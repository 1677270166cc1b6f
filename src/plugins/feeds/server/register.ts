import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered now, before Strapi registers the APIs' routes (at bootstrap): koa-router tries
  // routes in registration order, and `/events/calendar.ics` must be tried before the core
  // `/events/:id` takes `calendar.ics` for a documentId. As plugin `routes` they would come after.
  strapi.server.routes({ type: 'content-api', routes: getService(strapi, 'routes').definitions() });
};
