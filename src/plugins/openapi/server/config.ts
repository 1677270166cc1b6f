export interface OpenApiConfig {
  /** Path of the document under the REST prefix; null serves none. */
  path: string | null;
  /** Replace the generated document's `info.title` and `info.description`. */
  title?: string;
  description?: string;
  /**
   * Plugins that serve routes outside Strapi's route lists (registered with
   * `strapi.server.routes()`), described by their `routes` service, a `RouteDescriber`
   * (src/plugins/shared/contracts.ts).
   */
  routesFrom: string[];
  /**
   * Build the document when the server starts, in the background, rather than on the first
   * request (which otherwise waits for the generator: 20-60 s on 2 cores after a schema change).
   */
  buildOnStart?: boolean;
  /** Path of the API reference page (Swagger UI of the document, assets served by the app); null serves none. */
  referencePath?: string | null;
}

export default {
  default: { path: '/openapi.json', routesFrom: [], referencePath: '/api-reference' } satisfies OpenApiConfig,
  validator(config: OpenApiConfig) {
    if (config.path !== null && (typeof config.path !== 'string' || !config.path.startsWith('/')))
      throw new Error('openapi: `path` starts with / (or is null: no document)');
    if (!Array.isArray(config.routesFrom) || config.routesFrom.some((plugin) => typeof plugin !== 'string'))
      throw new Error('openapi: `routesFrom` lists plugin names');
    if (config.referencePath !== undefined && config.referencePath !== null && !/^\/[A-Za-z0-9/_-]+$/.test(String(config.referencePath)))
      throw new Error('openapi: `referencePath` is a path such as /api-reference (or null: no page)');
    if (config.buildOnStart !== undefined && typeof config.buildOnStart !== 'boolean')
      throw new Error('openapi: `buildOnStart` is true or false');
  },
};
