/**
 * Corrections of what Strapi's generator (@strapi/openapi 5.54.0, experimental) writes wrong, in
 * one place, each generic (per attribute kind, per component, per response shape) and each with a
 * note of what real responses do instead, so that it can be dropped when Strapi fixes it. The
 * contract tests (tests/api/openapi-contract.test.ts) validate real responses against the result:
 * drop a correction, run them, and they say whether Strapi still needs it.
 */
import { HTTP_METHODS, type OpenApiDocument, type Schema } from './openapi';

/** An attribute of a content type or component, as Strapi's schema declares it. */
export interface AttributeModel {
  type: string;
  required?: boolean;
  multiple?: boolean;
  relation?: string;
  repeatable?: boolean;
}

/** A content type or component whose schema the generator writes under `components.schemas[schemaName]`. */
export interface SchemaModel {
  /** Strapi's name for it (`transformUidToValidOpenApiName`): `ApiEventEventDocument`, `SharedVenueEntry`. */
  schemaName: string;
  kind: 'document' | 'component';
  attributes: Record<string, AttributeModel>;
}

const SCHEMAS = '#/components/schemas/';
export const ERROR_SCHEMA = 'Error';
export const LIST_META_SCHEMA = 'ListMeta';
export const DOCUMENT_META_SCHEMA = 'DocumentMeta';

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const withoutDialect = ({ $schema: _dialect, ...schema }: Schema) => schema;

/** Every operation of the document, with its method. */
function operations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

/** The JSON schema of each response of an operation, by status. */
function jsonResponses(responses: Record<string, unknown>): [string, Schema][] {
  return Object.entries(responses).flatMap(([status, response]) => {
    const schema = (response as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']?.schema;
    return isObject(schema) ? [[status, schema] as [string, Schema]] : [];
  });
}

/**
 * 1. The generator writes each type's schema under `components.schemas` and again, inlined, in
 * every response of the type's routes (the `data` of lists, findOne, create, update, delete).
 * Those copies become references to the shared schema, so that every correction below is made
 * once and a generated client has one type per content type.
 */
export function referenceSharedSchemas(document: OpenApiDocument): void {
  const shared = new Map<string, string>();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (isObject(schema)) shared.set(JSON.stringify(withoutDialect(schema)), name);
  }
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    if (node.type === 'object' && node.properties) {
      const name = shared.get(JSON.stringify(withoutDialect(node)));
      if (name) return { $ref: `${SCHEMAS}${name}` };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value)]));
  };
  for (const { operation } of operations(document)) {
    operation.responses = rewrite(operation.responses) as Record<string, unknown>;
  }
}

const pascal = (text: string) =>
  text
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * 1b. A plugin's routes (the upload plugin's `POST /upload`, `GET /upload/files`) declare the
 * documents of the plugin's own type with a hand-written schema that is not what they answer
 * (a file: `folderPath` required but never sent, `width`, `height` and `formats` null for a PDF,
 * `focalPoint`, `isUrlSigned` and `publishedAt` sent but forbidden). Such a schema (an object with
 * `documentId`, in an operation tagged with the plugin's name) becomes a reference to the type's
 * shared schema, derived from its model like every other and corrected below: the one of the
 * plugin's types it shares the most properties with, if that is at least half of them.
 */
export function referencePluginDocuments(document: OpenApiDocument): void {
  const shared = Object.entries(document.components?.schemas ?? {}).filter(
    ([name]) => name.startsWith('Plugin') && name.endsWith('Document'),
  );
  const propertyNames = (schema: Schema) => Object.keys((schema.properties as object | undefined) ?? {});
  const rewrite = (node: unknown, candidates: [string, unknown][]): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, candidates));
    if (!isObject(node)) return node;
    if (node.type === 'object' && isObject(node.properties) && node.properties.documentId) {
      const own = propertyNames(node);
      const [best] = candidates
        .map(([name, schema]) => ({ name, common: propertyNames(schema as Schema).filter((property) => own.includes(property)).length }))
        .sort((a, b) => b.common - a.common);
      if (best && best.common * 2 >= own.length) return { $ref: `${SCHEMAS}${best.name}` };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value, candidates)]));
  };
  for (const { operation } of operations(document)) {
    const candidates = shared.filter(([name]) => (operation.tags ?? []).some((tag) => name.startsWith(`Plugin${pascal(tag)}`)));
    if (candidates.length) operation.responses = rewrite(operation.responses, candidates) as Record<string, unknown>;
  }
}

/** The UUID pattern zod gives `documentId`. */
const UUID_PATTERN_START = '^([0-9a-fA-F]{8}-';
export const DOCUMENT_ID: Schema = {
  type: 'string',
  minLength: 1,
  description: 'The document ID: the same in every locale and in the draft and published versions (not a UUID).',
};

/**
 * 2. `documentId` (properties, and the `{id}` of findOne, update and delete) is declared a UUID
 * with zod's UUID pattern; Strapi generates 24-character cuid2 ids (`r8k37lwoibpye25g99y0183r`),
 * and a seed or an import may give others. Declared a non-empty string.
 */
export function correctDocumentIds(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(correctDocumentIds);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (isObject(value) && value.format === 'uuid' && String(value.pattern ?? '').startsWith(UUID_PATTERN_START)) {
      node[key] = { ...DOCUMENT_ID };
    } else {
      correctDocumentIds(value);
    }
  }
}

const acceptsNull = (schema: Schema): boolean =>
  schema.type === 'null' ||
  (Array.isArray(schema.type) && schema.type.includes('null')) ||
  (Array.isArray(schema.anyOf) && schema.anyOf.some((member) => isObject(member) && acceptsNull(member))) ||
  Object.keys(schema).every((key) => ['description', 'default', 'readOnly', 'writeOnly', 'deprecated', 'title'].includes(key));

/** A schema that also accepts null, its annotations kept outside. */
export function nullable(schema: Schema): Schema {
  if (acceptsNull(schema)) return schema;
  const { description, default: byDefault, readOnly, ...value } = schema;
  return {
    ...(description !== undefined ? { description } : {}),
    ...(byDefault !== undefined ? { default: byDefault } : {}),
    ...(readOnly !== undefined ? { readOnly } : {}),
    anyOf: [value, { type: 'null' }],
  };
}

/** Attribute kinds that hold one value (or one document, file, component): null when empty. Lists are `[]` instead. */
function holdsOne(attribute: AttributeModel): boolean {
  if (attribute.type === 'relation') return !/Many$/.test(attribute.relation ?? '');
  if (attribute.type === 'media') return !attribute.multiple;
  if (attribute.type === 'component') return !attribute.repeatable;
  return attribute.type !== 'dynamiczone';
}

/**
 * 3. Per attribute kind: an attribute that is not `required` answers `null` when empty (text,
 * dates, enumerations, numbers, JSON, a to-one relation, a single file, a single component), but
 * the generator declares it non-null (`type: string`, a bare enum or `$ref`). Lists (to-many
 * relations, multiple media, repeatable components, dynamic zones) answer `[]` and stay as they are.
 */
export function correctNullability(document: OpenApiDocument, models: SchemaModel[]): void {
  for (const model of models) {
    const schema = document.components?.schemas?.[model.schemaName] as Schema | undefined;
    const properties = schema?.properties as Record<string, Schema> | undefined;
    if (!properties) continue;
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (isObject(properties[name]) && !attribute.required && holdsOne(attribute)) properties[name] = nullable(properties[name]);
    }
  }
}

/**
 * 4. `required` lists every required attribute (and `publishedAt`, and a file's `related`), but
 * `fields` and `populate[x][fields]` choose which attributes come back, drafts have no
 * `publishedAt`, and a file's `related` is never sent: a response guarantees only `id` and
 * `documentId` of a document, and `id` of a component.
 */
export function correctRequired(document: OpenApiDocument, models: SchemaModel[]): void {
  for (const model of models) {
    const schema = document.components?.schemas?.[model.schemaName] as Schema | undefined;
    if (!schema?.properties) continue;
    schema.required = model.kind === 'document' ? ['id', 'documentId'] : ['id'];
  }
}

export const COMPONENT_ID: Schema = { type: 'integer', description: 'The id of this component instance (its row).' };
export const DOCUMENT_ROW_ID: Schema = { type: 'integer', description: 'The id of this version of the document (its row).' };

/**
 * 5. Component schemas (`SharedVenueEntry`) have no `id` and forbid other properties, yet every
 * component in a response carries its `id`. A document's `id` is declared `string | number`; it
 * is an integer (the row's id) on SQLite and PostgreSQL alike.
 */
export function correctIds(document: OpenApiDocument, models: SchemaModel[]): void {
  for (const model of models) {
    const schema = document.components?.schemas?.[model.schemaName] as Schema | undefined;
    const properties = schema?.properties as Record<string, Schema> | undefined;
    if (!schema || !properties) continue;
    if (model.kind === 'component') schema.properties = { id: { ...COMPONENT_ID }, ...properties };
    else if (properties.id) properties.id = { ...DOCUMENT_ROW_ID };
  }
}

export const LIST_META: Schema = {
  type: 'object',
  description:
    'The page: `page`/`pageSize` (with `pageCount` and `total` unless `pagination[withCount]=false`), or `start`/`limit` (with `total`), as the request asked.',
  properties: {
    pagination: {
      anyOf: [
        {
          type: 'object',
          properties: {
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            pageCount: { type: 'integer' },
            total: { type: 'integer' },
          },
          required: ['page', 'pageSize'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { start: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
          required: ['start', 'limit'],
          additionalProperties: false,
        },
      ],
    },
  },
  required: ['pagination'],
};
export const DOCUMENT_META: Schema = { type: 'object', description: 'Empty for a single document.' };

/**
 * 6. Response envelopes `{ data }` forbid other properties and have no `meta`, yet every core
 * list answers `meta.pagination` and every single-document answer `meta: {}`.
 */
export function correctEnvelopes(document: OpenApiDocument): void {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  schemas[LIST_META_SCHEMA] ??= LIST_META;
  schemas[DOCUMENT_META_SCHEMA] ??= DOCUMENT_META;
  for (const { operation } of operations(document)) {
    for (const [status, schema] of jsonResponses(operation.responses)) {
      const properties = schema.properties as Record<string, Schema> | undefined;
      if (!status.startsWith('2') || !properties?.data || properties.meta) continue;
      const list = properties.data.type === 'array';
      properties.meta = { $ref: `${SCHEMAS}${list ? LIST_META_SCHEMA : DOCUMENT_META_SCHEMA}` };
      schema.required = [...new Set([...((schema.required as string[] | undefined) ?? []), ...(list ? ['meta'] : [])])];
    }
  }
}

/**
 * 7. Create answers 201 (the core controllers' `create`, the upload plugin's new files), declared
 * as 200. A POST that declares a 200 body also declares it as 201; the 200 stays (an upload that
 * replaces a file, the accounts routes answer 200).
 */
export function correctCreatedStatus(document: OpenApiDocument): void {
  for (const { method, operation } of operations(document)) {
    if (method === 'post' && operation.responses[200] && !operation.responses[201]) {
      operation.responses[201] = { ...(operation.responses[200] as object), description: 'Created' };
    }
  }
}

export const ERROR: Schema = {
  type: 'object',
  description:
    'Every refusal of the content API: `error.details.code` says which rule refused the request (the README lists them by status).',
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        name: { type: 'string', description: 'ValidationError, ForbiddenError, NotFoundError, UnauthorizedError, ApplicationError...' },
        message: { type: 'string' },
        details: {
          type: 'object',
          properties: { code: { type: 'string', description: 'A stable code: INVALID_QUERY, DRAFTS_NOT_VISIBLE, WINDOW_CLOSED...' } },
        },
      },
      required: ['status', 'name', 'message'],
    },
  },
  required: ['data', 'error'],
};

/**
 * 8. Error responses (4xx, 5xx) are declared without a body; Strapi answers each in its envelope
 * `{ data: null, error: { status, name, message, details } }` as JSON. Applied to every operation,
 * those the plugin describes included, after they are all in the document.
 */
export function describeErrorBodies(document: OpenApiDocument): void {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  schemas[ERROR_SCHEMA] ??= ERROR;
  for (const { operation } of operations(document)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!/^[45]/.test(status) || !isObject(response) || response.content) continue;
      operation.responses[status] = { ...response, content: { 'application/json': { schema: { $ref: `${SCHEMAS}${ERROR_SCHEMA}` } } } };
    }
  }
}

/** A sort schema's enumeration of field names, each also with its direction. */
function withDirections(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDirections);
  if (!isObject(node)) return node;
  if (node.type === 'string' && Array.isArray(node.enum) && node.enum.every((value) => typeof value === 'string')) {
    const fields = node.enum as string[];
    return { ...node, enum: fields.flatMap((field) => (/:(asc|desc)$/.test(field) ? [field] : [field, `${field}:asc`, `${field}:desc`])) };
  }
  // The object form (`{ title: 'asc' }`) keeps its names and its asc/desc values as they are.
  if (node.type === 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withDirections(value)]));
}

/**
 * 9. The `sort` parameter's string forms enumerate bare field names, yet `sort=startsAt:asc`
 * (the form Strapi's docs and this README use) is what clients send: each name is also listed with
 * `:asc` and `:desc`, so that a typed client accepts it.
 */
export function correctSortParameters(document: OpenApiDocument): void {
  for (const { operation } of operations(document)) {
    for (const parameter of operation.parameters ?? []) {
      if (parameter.name === 'sort' && parameter.in === 'query') parameter.schema = withDirections(parameter.schema) as Schema;
    }
  }
}

/** The JSON schema of each operation's request body. */
function requestBodies(document: OpenApiDocument): Schema[] {
  return operations(document).flatMap(({ operation }) => {
    const schema = (operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.['application/json']
      ?.schema;
    return isObject(schema) ? [schema] : [];
  });
}

const BOOLEAN_STRINGS = ['0', '1', 't', 'true', 'f', 'false'];
/** Where the request schema takes Strapi's boolean strings, a JSON boolean too. */
function withBooleans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withBooleans);
  if (!isObject(node)) return node;
  if (node.type === 'string' && Array.isArray(node.enum) && BOOLEAN_STRINGS.every((value) => (node.enum as unknown[]).includes(value))) {
    return { anyOf: [{ type: 'boolean' }, node] };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withBooleans(value)]));
}

/**
 * 11. Request bodies of create and update (`{ data }`): attributes that have a default (an
 * enumeration's, a boolean's: `activityType`, `late`, `reviewState`) and `publishedAt` (the
 * server sets it from `status`) are declared required, so a typed client must send fields Strapi
 * fills in itself; booleans are declared as Strapi's boolean strings only (`"true"`, `"0"`...),
 * yet JSON `true` and `false` are what clients send. Required only without a default; booleans too.
 */
export function correctRequestBodies(document: OpenApiDocument): void {
  for (const body of requestBodies(document)) {
    const data = (body.properties as Record<string, Schema> | undefined)?.data;
    if (!isObject(data) || !isObject(data.properties)) continue;
    const properties = data.properties as Record<string, Schema>;
    if (Array.isArray(data.required)) {
      data.required = (data.required as string[]).filter((name) => name !== 'publishedAt' && properties[name]?.default === undefined);
    }
    data.properties = withBooleans(properties) as Schema;
  }
}

/**
 * 10. Fields Strapi's own plugins put into answers outside their models: the upload plugin marks
 * each file it answers with `isUrlSigned` (whether a private provider signed its URL).
 */
export const STRAPI_ADDED_FIELDS: { schemaName: string; name: string; schema: Schema }[] = [
  {
    schemaName: 'PluginUploadFileDocument',
    name: 'isUrlSigned',
    schema: { type: 'boolean', description: "Whether the upload provider signed the file's URL (private buckets)." },
  },
];

export function describeStrapiAddedFields(document: OpenApiDocument): void {
  for (const { schemaName, name, schema } of STRAPI_ADDED_FIELDS) {
    const properties = (document.components?.schemas?.[schemaName] as Schema | undefined)?.properties as Record<string, Schema> | undefined;
    if (properties) properties[name] ??= schema;
  }
}

/** Every correction of the generator's output, in order (errors come last: `describeErrorBodies`). */
export function correctGeneratorOutput(document: OpenApiDocument, models: SchemaModel[]): void {
  referenceSharedSchemas(document);
  referencePluginDocuments(document);
  correctDocumentIds(document);
  correctNullability(document, models);
  correctRequired(document, models);
  correctIds(document, models);
  correctEnvelopes(document);
  correctCreatedStatus(document);
  describeStrapiAddedFields(document);
  correctSortParameters(document);
  correctRequestBodies(document);
}
