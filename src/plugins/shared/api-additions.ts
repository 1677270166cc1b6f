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

export interface ApiAdditions {
  fields?: AddedField[];
  parameters?: AddedParameter[];
  routeFields?: AddedRouteField[];
  errors?: AddedError[];
}

export interface ApiAdditionsDescriber {
  apiAdditions(): ApiAdditions;
}

/** The name of the service that describes a plugin's additions. */
export const API_ADDITIONS_SERVICE = 'openapi-additions';
