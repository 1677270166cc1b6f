import type { Core } from '@strapi/strapi';
import type { FeedsConfig } from '../config';

export type RouteKind = 'calendars' | 'feeds' | 'exports' | 'openapi';

export interface FeedRoute {
  kind: RouteKind;
  /** The configuration entry's name, also the controller action. */
  name: string;
  /** Under the REST prefix, in koa-router syntax (`/forum-editions/:slug/agenda.ics`). */
  path: string;
  /** The users-permissions action that grants the route, e.g. `plugin::feeds.calendars.events`. */
  action: string;
  /** The content type the route reads (none for the OpenAPI document). */
  contentType?: string;
}

/** Every route the plugin serves, as its configuration declares them. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  list(): FeedRoute[] {
    const config = strapi.config.get('plugin::feeds') as FeedsConfig;
    const routes: FeedRoute[] = [];
    for (const kind of ['calendars', 'feeds', 'exports'] as const) {
      for (const [name, entry] of Object.entries(config[kind] ?? {})) {
        routes.push({ kind, name, path: entry.path, action: `plugin::feeds.${kind}.${name}`, contentType: entry.contentType });
      }
    }
    if (config.openapi?.path) routes.push({ kind: 'openapi', name: 'document', path: config.openapi.path, action: 'plugin::feeds.openapi.document' });
    return routes;
  },

  /** The users-permissions actions of every route: what the public needs to be granted. */
  actions(): string[] {
    return this.list().map((route: FeedRoute) => route.action);
  },

  /**
   * The routes as Strapi route definitions. Each names its auth scope itself: it is registered
   * outside the plugin's `routes` (see register.ts), where Strapi would have derived it.
   */
  definitions() {
    return this.list().map((route: FeedRoute) => ({
      method: 'GET' as const,
      path: route.path,
      handler: `${route.kind}.${route.name}`,
      info: { pluginName: 'feeds' },
      config: { auth: { scope: [route.action] } },
    }));
  },
});
