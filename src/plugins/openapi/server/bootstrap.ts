import type { Core } from '@strapi/strapi';
import { provider } from '../../shared/contracts';
import type { OpenApiConfig } from './config';

/** The plugins named in `routesFrom` must describe their routes (a `routes` service, a `RouteDescriber`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  for (const plugin of (strapi.config.get('plugin::openapi') as OpenApiConfig).routesFrom) provider(strapi, plugin, 'routes');
};
