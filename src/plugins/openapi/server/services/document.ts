import type { Core, UID } from '@strapi/strapi';
import { transformUidToValidOpenApiName } from '@strapi/utils';
import { provider, type DescribedRoute } from '../../../shared/contracts';
import { API_ADDITIONS_SERVICE, type ApiAdditionsDescriber } from '../../../shared/api-additions';
import { describeAdditions, type TypeLocation } from '../../domain/additions';
import { correctGeneratorOutput, describeErrorBodies, type SchemaModel } from '../../domain/corrections';
import {
  describeCustomCollectionRoutes,
  describeRoute,
  describeServedRoutes,
  describeServer,
  type ApiModel,
} from '../../domain/descriptions';
import { dropGenerationTimeDefaults, type OpenApiDocument } from '../../domain/openapi';
import type { OpenApiConfig } from '../config';
import { getService } from '../get-service';

/** The users-permissions action that grants the document's route. */
const ACTION = 'plugin::openapi.openapi.document';

/**
 * The OpenAPI 3.1 document of the whole content API. Strapi's generator (the `generator`
 * service) describes the routes of the APIs and plugins; this completes it with what it cannot
 * see: the routes other plugins serve outside Strapi's route lists (`routesFrom`, each a
 * `RouteDescriber`), the parameters of localized lists, custom collection routes, and any other
 * route the router serves. Routes are fixed once the server is mounted: built once, then kept.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let built: Promise<string> | null = null;
  const config = () => strapi.config.get('plugin::openapi') as OpenApiConfig;
  const prefix = () => String(strapi.config.get('api.rest.prefix', '/api'));

  const apiModels = (): ApiModel[] =>
    Object.values(strapi.contentTypes)
      .filter((model) => model.uid.startsWith('api::') && model.kind === 'collectionType')
      .map((model) => ({ pluralName: model.info.pluralName }));

  /** Every content type and component, under the schema name Strapi's generator gives it. */
  const schemaModels = (): (SchemaModel & TypeLocation)[] =>
    [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)].map((model) => ({
      uid: model.uid,
      schemaName: transformUidToValidOpenApiName(model.uid),
      kind: model.modelType === 'component' ? ('component' as const) : ('document' as const),
      attributes: model.attributes as SchemaModel['attributes'],
      ...(model.modelType === 'contentType' && model.uid.startsWith('api::') && model.kind === 'collectionType'
        ? { listPath: `/${model.info.pluralName}` }
        : {}),
    }));

  /** What loaded plugins add to answers and parameters, each as it describes it (an `openapi-additions` service). */
  const additions = () =>
    Object.keys(strapi.plugins)
      .map((name) => strapi.plugin(name).service(API_ADDITIONS_SERVICE) as ApiAdditionsDescriber | undefined)
      .filter((describer): describer is ApiAdditionsDescriber => typeof describer?.apiAdditions === 'function')
      .map((describer) => describer.apiAdditions());

  /** This document's own route, described like the others. */
  const ownRoute = (path: string): DescribedRoute => ({
    method: 'get',
    path,
    operationId: 'openapi/document',
    summary: 'This OpenAPI document',
    description: 'The OpenAPI 3.1 document of the content API.',
    tag: 'openapi',
    response: { mediaType: 'application/json', schema: { type: 'object' } },
    parameters: [],
  });

  function describedRoutes(): DescribedRoute[] {
    const { routesFrom, path } = config();
    const described = routesFrom.flatMap((plugin) => provider(strapi, plugin, 'routes').describedRoutes());
    return path ? [...described, ownRoute(path)] : described;
  }

  const listPathOf = (route: DescribedRoute) =>
    route.listParameters ? `/${strapi.getModel(route.listParameters.contentType as UID.ContentType).info.pluralName}` : undefined;

  async function build(): Promise<OpenApiDocument> {
    const document = await getService(strapi, 'generator').generated();
    dropGenerationTimeDefaults(document);
    const models = schemaModels();
    correctGeneratorOutput(document, models);
    const { title, description } = config();
    describeServer(document, { title, description, url: `${String(strapi.config.get('server.url', '')).replace(/\/+$/, '')}${prefix()}` });
    describeAdditions(document, additions(), models);
    describeCustomCollectionRoutes(document, apiModels());
    for (const route of describedRoutes()) describeRoute(document, route, listPathOf(route));
    describeServedRoutes(document, strapi.server.listRoutes() as { path: string; methods: string[] }[], prefix());
    describeErrorBodies(document);
    return document;
  }

  return {
    /** The document's route as a Strapi route definition (none when `path` is null). */
    definitions() {
      const { path } = config();
      if (!path) return [];
      return [
        {
          method: 'GET' as const,
          path,
          handler: 'openapi.document',
          info: { pluginName: 'openapi' },
          config: { auth: { scope: [ACTION] } },
        },
      ];
    },

    /** The users-permissions actions of its route: what the public needs to be granted. */
    actions(): string[] {
      return config().path ? [ACTION] : [];
    },

    /** The document as sent: built on the first request, then kept (its ETag is the http-cache plugin's, from these bytes). */
    serialized(): Promise<string> {
      built ??= build()
        .then((document) => JSON.stringify(document))
        .catch((error: unknown) => {
          built = null;
          throw error;
        });
      return built;
    },
  };
};
