/**
 * What other plugins add to the content API's answers and parameters, as they describe it: a
 * plugin that puts a field into documents (the deadlines plugin's `window`) or teaches the core
 * routes a parameter (the translations plugin's `fallbackLocale`) provides a service named
 * `openapi-additions` (an `ApiAdditionsDescriber`, src/plugins/shared/api-additions.ts); this plugin
 * finds it on every loaded plugin and writes what it says into the document, where the schemas of
 * those types are.
 */
import type { AddedOperation, ApiAdditions } from '../../shared/api-additions';
import {
  addParameters,
  operationAt,
  pathParameter,
  pathParameterNames,
  type OpenApiDocument,
  type Operation,
  type Schema,
} from './openapi';

/** A content type as the additions need it: the name of its schema and the path of its REST list. */
export interface TypeLocation {
  uid: string;
  schemaName: string;
  /** `/events`; absent for types without REST routes (components, plugin types). */
  listPath?: string;
}

/** The object schema a 200 answers (each item's, for a list), following a reference into `components.schemas`. */
function answeredObject(document: OpenApiDocument, method: string, path: string): Schema | undefined {
  const response = operationAt(document, path, method)?.responses[200] as { content?: Record<string, { schema?: Schema }> } | undefined;
  let schema = response?.content?.['application/json']?.schema;
  if (schema?.type === 'array') schema = schema.items as Schema | undefined;
  const ref = typeof schema?.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : undefined;
  return ref ? (document.components?.schemas?.[ref] as Schema | undefined) : schema;
}

/** The operation of a core action, from the type's list path. */
const ACTION_ROUTES = {
  find: ['get', ''],
  findOne: ['get', '/{id}'],
  create: ['post', ''],
  update: ['put', '/{id}'],
  delete: ['delete', '/{id}'],
} as const;
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
};

/**
 * Writes the plugins' additions: fields into the shared schema of each type, parameters into its
 * find and findOne, fields of a route's answer into that answer's schema, and the `details.code`
 * of each refusal into the description of its status on the actions it concerns (a list the
 * reference page shows under each route).
 */
export function describeAdditions(document: OpenApiDocument, additions: ApiAdditions[], types: TypeLocation[]): void {
  const byUid = new Map(types.map((type) => [type.uid, type]));
  for (const { fields = [], parameters = [], routeFields = [], errors = [], operations = [] } of additions) {
    for (const added of operations) describeOperation(document, added, byUid);
    for (const { contentTypes, actions, status, code, description } of errors) {
      for (const uid of contentTypes) {
        const listPath = byUid.get(uid)?.listPath;
        if (!listPath) continue;
        for (const action of actions) {
          const [method, suffix] = ACTION_ROUTES[action];
          const operation = operationAt(document, `${listPath}${suffix}`, method);
          if (operation) listRefusal(operation, status, code, description);
        }
      }
    }
    for (const { method, path, name, schema } of routeFields) {
      const answered = answeredObject(document, method, path);
      if (answered?.properties) (answered.properties as Record<string, Schema>)[name] ??= schema;
    }
    for (const field of fields) {
      for (const uid of field.contentTypes) {
        const schema = document.components?.schemas?.[byUid.get(uid)?.schemaName ?? ''] as Schema | undefined;
        if (!schema?.properties) continue;
        (schema.properties as Record<string, Schema>)[field.name] ??= field.schema;
      }
    }
    for (const { contentTypes, actions, parameter } of parameters) {
      for (const uid of contentTypes) {
        const listPath = byUid.get(uid)?.listPath;
        if (!listPath) continue;
        for (const action of actions) {
          const operation = operationAt(document, action === 'find' ? listPath : `${listPath}/{id}`, 'get');
          if (operation) addParameters(operation, [parameter]);
        }
      }
    }
  }
}

/** Completes the generator's operation of a plugin's route: parameters, body, success answer, refusals. */
function describeOperation(document: OpenApiDocument, added: AddedOperation, byUid: Map<string, TypeLocation>): void {
  const operation = operationAt(document, added.path, added.method);
  if (!operation) return;
  operation.summary ??= added.summary;
  operation.description ??= added.description;
  addParameters(operation, [
    ...pathParameterNames(added.path).map((name) => pathParameter(name)),
    ...(added.parameters ?? []).map((parameter) => ({ ...parameter, required: false })),
  ]);
  if (added.requestBody) operation.requestBody ??= { required: true, content: { 'application/json': { schema: added.requestBody } } };
  const { response } = added;
  if ('sameAs' in response) {
    const listPath = byUid.get(response.sameAs.contentType)?.listPath;
    const found = listPath ? operationAt(document, `${listPath}/{id}`, 'get')?.responses[200] : undefined;
    if (found) operation.responses[response.status] = { ...(found as object), description: response.description };
  } else {
    operation.responses[response.status] = {
      description: response.description,
      content: { [response.mediaType]: { schema: response.schema } },
    };
  }
  for (const { status, code, description } of added.errors ?? []) listRefusal(operation, status, code, description);
}

/** A refusal's `details.code` in the description of its status (a list the reference page shows under the route). */
function listRefusal(operation: Operation, status: number, code: string, description: string): void {
  const response = (operation.responses[status] ??= { description: STATUS_TEXT[status] ?? 'Refused' }) as { description?: string };
  const text = response.description ?? '';
  if (!text.includes(`\`${code}\``)) response.description = `${text}${text.includes('\n- `') ? '\n' : '\n\n'}- \`${code}\`: ${description}`;
}
