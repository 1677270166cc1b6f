/**
 * What the plugin adds to the document Strapi generates, as pure edits: the parameters and answer
 * of custom collection routes, the routes other plugins describe, a minimal operation for any
 * other served route, and the document's servers and security.
 */
import type { DescribedParameter, DescribedRoute } from '../../shared/contracts';
import {
  addOperation,
  addParameters,
  minimalOperation,
  operationAt,
  parametersOf,
  pathParameter,
  servedOperations,
  toOpenApiPath,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from './openapi';

/** A collection type of the REST API, as the descriptions need it. */
export interface ApiModel {
  pluralName: string;
}

/** Query parameters that a custom collection route (`/<plural>/mine`) takes from its list. */
const LIST_LIKE = ['fields', 'filters', 'sort', 'populate', 'locale'];

const CONDITIONAL_HEADERS = {
  ETag: { description: 'Validator of this representation; send it back in If-None-Match.', schema: { type: 'string' } },
  'Last-Modified': { description: 'When the newest document in the response changed, where known.', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=60` without credentials; `private, no-store` with them.', schema: { type: 'string' } },
};
const ERRORS = {
  304: { description: 'Not modified: If-None-Match matched the ETag.' },
  400: { description: 'Bad request: unknown or private field, bad operator, malformed date range, unknown locale.' },
  403: { description: 'Forbidden (for example `status=draft` without an API token).' },
  404: { description: 'Not found (for example an unknown slug).' },
};

/** Title and description from configuration, the content API's server, optional bearer security. */
export function describeServer(
  document: OpenApiDocument,
  { title, description, url }: { title?: string; description?: string; url: string },
): void {
  document.info = { ...document.info, ...(title ? { title } : {}), ...(description ? { description } : {}) };
  // Paths are relative to the REST prefix; a relative server URL resolves against this document's own URL.
  document.servers = [{ url, description: 'Content API' }];
  // Every route is readable with or without a token; what each role may call is its permissions' business.
  document.security = [{}, { bearerAuth: [] }];
}

/**
 * Custom collection routes (`/stocktaking-entries/mine`, `/stocktaking-calls/current`) that Strapi
 * described without query parameters or without a 200: the list's query parameters, and the
 * list's answer (a page of documents of the type in the core envelope, as their controllers answer
 * through `transformResponse`).
 */
export function describeCustomCollectionRoutes(document: OpenApiDocument, models: ApiModel[]): void {
  for (const model of models) {
    const list = operationAt(document, `/${model.pluralName}`, 'get');
    for (const [path, item] of Object.entries(document.paths)) {
      const custom = path.startsWith(`/${model.pluralName}/`) && !path.includes('{') && path.split('/').length === 3;
      const operation = item.get;
      if (!custom || !operation) continue;
      if (!(operation.parameters ?? []).some((parameter) => parameter.in === 'query'))
        addParameters(operation, parametersOf(list, LIST_LIKE));
      if (!operation.responses[200] && list?.responses[200]) operation.responses = { 200: list.responses[200], ...operation.responses };
    }
  }
}

const toParameter = ({ name, in: location, description }: DescribedParameter): Parameter =>
  location === 'path' ? pathParameter(name, description) : { name, in: location, description, schema: { type: 'string' } };

/**
 * The operation of a route another plugin describes: its own parameters, then those it takes from
 * `list` (the REST list of its content type, when it has one), which replace own ones of the same
 * name; its format; validators and errors as every content-API read has them.
 */
export function routeOperation(route: DescribedRoute, list: Operation | undefined): Operation {
  const fromList = route.listParameters ? parametersOf(list, route.listParameters.names) : [];
  const own = route.parameters.filter(
    (parameter) => !fromList.some((copied) => copied.name === parameter.name && copied.in === parameter.in),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    parameters: [...own.map(toParameter), ...fromList],
    responses: {
      200: { description: 'OK', headers: CONDITIONAL_HEADERS, content: { [route.response.mediaType]: { schema: route.response.schema } } },
      ...ERRORS,
    },
  };
}

/** Adds a described route; `listPath` is the REST list of its `listParameters.contentType`. */
export function describeRoute(document: OpenApiDocument, route: DescribedRoute, listPath: string | undefined): void {
  const list = listPath ? operationAt(document, listPath, 'get') : undefined;
  addOperation(document, toOpenApiPath(route.path), route.method, routeOperation(route, list));
}

/** A minimal operation for every route the router serves under `prefix` that nothing described. */
export function describeServedRoutes(document: OpenApiDocument, layers: { path: string; methods: string[] }[], prefix: string): void {
  for (const { path, method } of servedOperations(layers, prefix)) {
    addOperation(document, path, method, minimalOperation(path, method, 'other'));
  }
}
