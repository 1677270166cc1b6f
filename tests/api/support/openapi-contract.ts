import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Operation } from 'openapi-backend';
import type { Response } from 'supertest';

/**
 * Checks real responses against an OpenAPI 3.1 document, as a client generated from it would
 * read them: the route must be described, the status declared for it, the content type among the
 * declared ones, and a JSON body valid against the declared schema, formats included.
 *
 * Routing (path templates, methods) and the body's schema per status come from openapi-backend;
 * its validators are Ajv's JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with ajv-formats, in
 * strict-format mode, and every error is kept (allErrors).
 */
export interface Violation {
  request: string;
  status: number;
  /** Stable across runs: operation, status and what failed where (array indexes folded). */
  kind: string;
  message: string;
}

const ajv2020 = () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return ajv;
};

export async function contractChecker(document: Record<string, unknown>) {
  const api = new OpenAPIBackend({
    definition: structuredClone(document) as never,
    apiRoot: '/api',
    validate: true,
    // The document's own structure is checked elsewhere (tests/api/openapi.test.ts, swagger-parser).
    strict: false,
    // quick: no check of the document against openapi-backend's OpenAPI 3.0 meta-schema (it is 3.1), validators compiled when first used.
    quick: true,
    customizeAjv: () => ajv2020(),
  });
  await api.init();

  const violations: Violation[] = [];
  let checked = 0;

  function declaredResponse(operation: Operation, status: number): { key: string; response: Record<string, any> } | undefined {
    const responses = (operation.responses ?? {}) as Record<string, Record<string, any>>;
    for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
      if (responses[key]) return { key, response: responses[key] };
    }
    return undefined;
  }

  /** Checks one response; returns its violations (also kept for the run's summary). */
  function check(response: Response): Violation[] {
    checked += 1;
    const request = (response as unknown as { req: { method: string; path: string } }).req;
    const url = new URL(request.path, 'http://localhost');
    const label = `${request.method} ${decodeURIComponent(url.pathname + url.search)}`;
    const found: Violation[] = [];
    const add = (kind: string, message: string) => found.push({ request: label, status: response.status, kind, message });

    const operation = api.router.matchOperation({ method: request.method, path: url.pathname, headers: {} });
    if (!operation) {
      add(`${request.method} ${url.pathname}: not described`, 'no operation describes this route');
    } else {
      const at = `${operation.method.toUpperCase()} ${operation.path} ${response.status}`;
      const declared = declaredResponse(operation, response.status);
      const mediaType = String(response.headers['content-type'] ?? '')
        .split(';')[0]
        .trim();
      const hasBody = response.status !== 204 && response.status !== 304 && Number(response.headers['content-length'] ?? 1) !== 0;
      if (!declared) {
        add(`${at}: status not declared`, `status ${response.status} is not among ${Object.keys(operation.responses ?? {}).join(', ')}`);
      } else if (hasBody) {
        const content = (declared.response.content ?? {}) as Record<string, { schema?: unknown }>;
        if (!content[mediaType]) {
          add(`${at}: content type not declared`, `${mediaType || 'no content type'} is not among [${Object.keys(content).join(', ')}]`);
        } else if (mediaType === 'application/json' && content[mediaType].schema) {
          const result = api.validator.validateResponse(response.body, operation, response.status);
          for (const error of result.errors ?? []) {
            const where = error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*');
            add(`${at}: ${where} ${error.keyword}`, `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
          }
        }
      }
    }
    violations.push(...found);
    return found;
  }

  return {
    check,
    /** The run so far: requests checked, violations, and their kinds. */
    summary() {
      return { checked, violations: violations.length, kinds: new Set(violations.map((violation) => violation.kind)).size };
    },
    violations: () => violations,
  };
}
