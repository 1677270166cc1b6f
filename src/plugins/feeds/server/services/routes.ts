import type { Core, UID } from '@strapi/strapi';
import type { DescribedRoute, RouteDescriber } from '../../../shared/contracts';
import { describeFeedRoute, type RouteKind } from '../../domain/route-descriptions';
import type { FeedsConfig } from '../config';

export type { RouteKind };

export interface FeedRoute {
  kind: RouteKind;
  /** The configuration entry's name, also the controller action. */
  name: string;
  /** Under the REST prefix, in koa-router syntax (`/forum-editions/:slug/agenda.ics`). */
  path: string;
  /** The users-permissions action that grants the route, e.g. `plugin::feeds.calendars.events`. */
  action: string;
  /** The content type the route reads. */
  contentType: string;
}

export const ROUTE_KINDS = ['calendars', 'feeds', 'exports'] as const satisfies readonly RouteKind[];

/** Every route the plugin serves, as its configuration declares them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const names = (uid: string) => strapi.getModel(uid as UID.ContentType).info;

  const service = {
    list(): FeedRoute[] {
      const routes: FeedRoute[] = [];
      for (const kind of ROUTE_KINDS) {
        for (const [name, entry] of Object.entries(config()[kind] ?? {})) {
          routes.push({ kind, name, path: entry.path, action: `plugin::feeds.${kind}.${name}`, contentType: entry.contentType });
        }
      }
      return routes;
    },

    /** The users-permissions actions of every route: what the public needs to be granted. */
    actions(): string[] {
      return service.list().map((route) => route.action);
    },

    /**
     * The routes as Strapi route definitions. Each names its auth scope itself: it is registered
     * outside the plugin's `routes` (see register.ts), where Strapi would have derived it.
     */
    definitions() {
      return service.list().map((route) => ({
        method: 'GET' as const,
        path: route.path,
        handler: `${route.kind}.${route.name}`,
        info: { pluginName: 'feeds' },
        config: { auth: { scope: [route.action] } },
      }));
    },

    /** The routes with their formats and parameters, for an OpenAPI document (the `RouteDescriber` contract). */
    describedRoutes(): DescribedRoute[] {
      return service.list().map((route) => {
        const calendar = route.kind === 'calendars' ? config().calendars[route.name] : undefined;
        const parent = calendar?.parent
          ? { key: calendar.parent.key ?? 'slug', singularName: names(calendar.parent.contentType).singularName }
          : undefined;
        return describeFeedRoute({ ...route, model: names(route.contentType), parent, range: calendar?.range });
      });
    },
  };
  return service satisfies RouteDescriber;
};
