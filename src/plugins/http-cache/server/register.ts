import type { Core } from '@strapi/strapi';
import { afterCommit } from '../../shared/write-transaction';
import { getService } from './get-service';
import { isCoreRead } from './utils/request';

/** Writes that change what a reader of the content API sees. */
const CONTENT_WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
// Uploaded files are written through the query engine: bootstrap's lifecycles move the version for them.
const isContent = (uid: string) => uid.startsWith('api::');

type Route = { method?: string; handler?: unknown; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { routes?: Route[] };
type RouterInput = Router | ((deps: { strapi: Core.Strapi }) => Router);

/** The route-level short-circuit goes first among the middlewares of a router's core `find` and `findOne` routes. */
function withResponseCache(router: Router): Router {
  for (const route of router.routes ?? []) {
    if (route.method?.toUpperCase() !== 'GET' || !isCoreRead(route.handler)) continue;
    route.config = { ...route.config, middlewares: ['plugin::http-cache.response-cache', ...(route.config?.middlewares ?? [])] };
  }
  return router;
}

/**
 * Strapi composes a content-API route as route info, authentication, authorisation, policies, the
 * route's middlewares, then the controller (core's compose-endpoint): a route middleware is the
 * place that is after every refusal and before the query. Every `api::` router becomes a factory,
 * which Strapi instantiates at routing as it does its own function-like routers: the routes are
 * built then (after every plugin's register, the custom fields their schemas use included), not here.
 */
function attachResponseCache(strapi: Core.Strapi) {
  for (const api of Object.values(strapi.apis) as { routes?: Record<string, RouterInput> }[]) {
    const routers = api.routes ?? {};
    for (const [name, input] of Object.entries(routers)) {
      routers[name] = (deps) => withResponseCache(typeof input === 'function' ? input(deps) : input);
    }
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  attachResponseCache(strapi);
  // One Document Service middleware: every write path (REST, the admin, code) moves the content
  // version, once the write is committed (why: README, "The content version").
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (CONTENT_WRITES.has(context.action) && isContent(context.uid)) await afterCommit(() => getService(strapi, 'content-version').bump());
    return result;
  });
};
