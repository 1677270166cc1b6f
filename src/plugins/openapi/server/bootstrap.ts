import type { Core } from '@strapi/strapi';
import { provider } from '../../shared/contracts';
import type { OpenApiConfig } from './config';
import { getService } from './get-service';
import { registerReference } from './reference';

/** The plugins named in `routesFrom` must describe their routes (a `routes` service, a `RouteDescriber`). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::openapi') as OpenApiConfig;
  for (const plugin of config.routesFrom) provider(strapi, plugin, 'routes');
  registerReference(strapi);
  if (config.buildOnStart && config.path !== null) {
    // Not awaited: the server answers meanwhile; a request for the document waits for this build.
    getService(strapi, 'document')
      .serialized()
      .catch((error: unknown) => strapi.log.error(`[openapi] Building the document at start failed: ${String(error)}`));
  }
};
