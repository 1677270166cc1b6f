/**
 * What a plugin adds to the content API's answers and parameters outside the content types'
 * schemas (a computed field, a parameter its controllers learn), for the OpenAPI document. A
 * plugin describes it in a service named `openapi-additions` (an `ApiAdditionsDescriber`); the
 * openapi plugin reads it from every loaded plugin that provides one, no configuration needed.
 */

/** A JSON Schema 2020-12 (the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

/** A field a plugin adds to documents of some content types, wherever they appear (listed, found, populated). */
export interface AddedField {
  contentTypes: string[];
  name: string;
  /** Its value; `description` says when it is there. */
  schema: JsonSchema;
}

/** A query parameter a plugin teaches the core `find` and/or `findOne` of some content types. */
export interface AddedParameter {
  contentTypes: string[];
  actions: ('find' | 'findOne')[];
  parameter: { name: string; in: 'query'; description: string; schema: JsonSchema };
}

/** A field a plugin adds to what one route answers: to the object, or to each item of the list. */
export interface AddedRouteField {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path under the REST prefix (`/i18n/locales`). */
  path: string;
  name: string;
  schema: JsonSchema;
}

/** A refusal a plugin answers on the core actions of some content types, with its `details.code`. */
export interface AddedError {
  contentTypes: string[];
  actions: ('find' | 'findOne' | 'create' | 'update' | 'delete')[];
  status: 400 | 401 | 403 | 404 | 409 | 413 | 429;
  code: string;
  /** When it is answered. */
  description: string;
}

/**
 * A route a plugin serves in Strapi's route lists (the app declares it, or the plugin), which
 * Strapi's generator lists without parameters or a success answer: what it takes and answers.
 */
export interface AddedOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path under the REST prefix (`/stocktaking-calls/{documentId}/questionnaire`); its path parameters are strings. */
  path: string;
  summary: string;
  description: string;
  parameters?: { name: string; in: 'query'; description: string; schema: JsonSchema }[];
  /** The JSON body it reads. */
  requestBody?: JsonSchema;
  /** Its success: a body of its own, or the same as the findOne answer of a content type (`sameAs`). */
  response: { status: 200 | 201; description: string } & (
    { mediaType: string; schema: JsonSchema } | { sameAs: { contentType: string; action: 'findOne' } }
  );
  /** Its refusals, by `details.code`. */
  errors?: { status: 400 | 401 | 403 | 404; code: string; description: string }[];
}

/** A refusal a plugin answers on the writes (create and update) of some content types. */
export const writeRefusal = (contentTypes: string[], status: AddedError['status'], code: string, description: string): AddedError => ({
  contentTypes,
  actions: ['create', 'update'],
  status,
  code,
  description,
});

export interface ApiAdditions {
  fields?: AddedField[];
  parameters?: AddedParameter[];
  routeFields?: AddedRouteField[];
  errors?: AddedError[];
  operations?: AddedOperation[];
}

export interface ApiAdditionsDescriber {
  apiAdditions(): ApiAdditions;
}

/** The name of the service that describes a plugin's additions. */
export const API_ADDITIONS_SERVICE = 'openapi-additions';
