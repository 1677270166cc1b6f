/**
 * Pure edits of an OpenAPI 3.1 document: the one Strapi generates from its routes is completed
 * with the routes it does not see and the parameters it does not know.
 */

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
  schema: Schema;
  style?: string;
  explode?: boolean;
  [extension: `x-${string}`]: unknown;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** `/forum-editions/:slug/agenda.ics` → `/forum-editions/{slug}/agenda.ics` (koa-router to OpenAPI). */
export function toOpenApiPath(routerPath: string): string {
  return routerPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function pathParameterNames(openApiPath: string): string[] {
  return [...openApiPath.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/** The operation at a path and method, if the document has it. */
export function operationAt(document: OpenApiDocument, path: string, method: string): Operation | undefined {
  return document.paths[path]?.[method.toLowerCase()];
}

/** Adds an operation unless the document already describes that path and method. */
export function addOperation(document: OpenApiDocument, path: string, method: string, operation: Operation): boolean {
  const key = method.toLowerCase();
  document.paths[path] ??= {};
  if (document.paths[path][key]) return false;
  document.paths[path][key] = operation;
  return true;
}

/** Adds query parameters an operation lacks; a parameter it already has is left as it is. */
export function addParameters(operation: Operation, parameters: Parameter[]): void {
  operation.parameters ??= [];
  for (const parameter of parameters) {
    if (!operation.parameters.some((existing) => existing.name === parameter.name && existing.in === parameter.in)) {
      operation.parameters.push(parameter);
    }
  }
}

/** Parameters of another operation, by name (to document a route that takes the same ones). */
export function parametersOf(operation: Operation | undefined, names: string[]): Parameter[] {
  return (operation?.parameters ?? []).filter((parameter) =>
    names.some((name) => parameter.name === name || parameter.name.startsWith(`${name}[`)),
  );
}

export const pathParameter = (name: string, description?: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  ...(description ? { description } : {}),
});

/**
 * A route that the router serves but nothing described: an operation with its path parameters,
 * so that every served route is at least listed.
 */
export function minimalOperation(path: string, method: string, tag: string): Operation {
  const parameters = pathParameterNames(path).map((name) => pathParameter(name));
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    tags: [tag],
    ...(parameters.length ? { parameters } : {}),
    responses: {
      200: { description: 'OK' },
      400: { description: 'Bad request' },
      401: { description: 'Unauthorized' },
      403: { description: 'Forbidden' },
      404: { description: 'Not found' },
    },
  };
}

/** The routes a router serves under a prefix, as OpenAPI paths and lower-case methods (HEAD is implied by GET). */
export function servedOperations(layers: { path: string; methods: string[] }[], prefix: string): { path: string; method: string }[] {
  const served = new Map<string, { path: string; method: string }>();
  for (const layer of layers) {
    if (!layer.path.startsWith(`${prefix}/`) || layer.methods.length === 0) continue;
    const path = toOpenApiPath(layer.path.slice(prefix.length));
    for (const method of layer.methods.map((name) => name.toLowerCase())) {
      if (method === 'head' || !(HTTP_METHODS as readonly string[]).includes(method)) continue;
      served.set(`${method} ${path}`, { path, method });
    }
  }
  return [...served.values()];
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Strapi's generator writes the time of generation as the `default` of date-time fields
 * (`publishedAt`): meaningless to a reader, and it would change the document at every generation.
 */
export function dropGenerationTimeDefaults(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(dropGenerationTimeDefaults);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.default === 'string' && INSTANT.test(schema.default)) delete schema.default;
  Object.values(schema).forEach(dropGenerationTimeDefaults);
}
