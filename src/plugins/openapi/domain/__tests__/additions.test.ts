import { describeAdditions } from '../additions';
import type { OpenApiDocument } from '../openapi';

const document = (): OpenApiDocument => ({
  openapi: '3.1.0',
  info: {},
  components: { schemas: { ApiCallCallDocument: { type: 'object', properties: { title: { type: 'string' } } } } },
  paths: {
    '/calls': { get: { responses: {} } },
    '/calls/{id}': { get: { responses: {} } },
    '/locales': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { code: {} } } } } } },
        },
      },
    },
  },
});
const types = [
  { uid: 'api::call.call', schemaName: 'ApiCallCallDocument', listPath: '/calls' },
  { uid: 'api::entry.entry', schemaName: 'ApiEntryEntryDocument', listPath: '/entries' },
];
const query = (name: string) => ({ name, in: 'query' as const, schema: { type: 'string' } });

describe('what other plugins add, as they describe it', () => {
  it("puts an added field into the type's shared schema, and a parameter on the actions named", () => {
    const described = document();
    describeAdditions(
      described,
      [
        { fields: [{ contentTypes: ['api::call.call', 'api::entry.entry'], name: 'window', schema: { type: 'object' } }] },
        {
          parameters: [
            { contentTypes: ['api::call.call'], actions: ['find', 'findOne'], parameter: query('fallbackLocale') },
            { contentTypes: ['api::call.call'], actions: ['find'], parameter: query('q') },
          ],
        },
      ],
      types,
    );
    expect((described.components!.schemas.ApiCallCallDocument as any).properties.window).toEqual({ type: 'object' });
    expect(described.paths['/calls'].get.parameters!.map((parameter) => parameter.name)).toEqual(['fallbackLocale', 'q']);
    expect(described.paths['/calls/{id}'].get.parameters!.map((parameter) => parameter.name)).toEqual(['fallbackLocale']);
  });

  it("adds a field to each item of a route's answer", () => {
    const described = document();
    describeAdditions(
      described,
      [{ routeFields: [{ method: 'get', path: '/locales', name: 'direction', schema: { enum: ['ltr', 'rtl'] } }] }],
      types,
    );
    const item = (described.paths['/locales'].get.responses[200] as any).content['application/json'].schema.items;
    expect(item.properties).toEqual({ code: {}, direction: { enum: ['ltr', 'rtl'] } });
  });

  it('lists the details.code of each refusal under its status, on the actions it concerns, once', () => {
    const described = document();
    described.paths['/calls/{id}'].get.responses = { 400: { description: 'Bad request' } };
    const refusal = { contentTypes: ['api::call.call'], status: 400 as const, description: 'why' };
    describeAdditions(
      described,
      [
        { errors: [{ ...refusal, actions: ['find', 'findOne'], code: 'INVALID_QUERY' }] },
        {
          errors: [
            { ...refusal, actions: ['findOne'], code: 'INVALID_FALLBACK' },
            { ...refusal, actions: ['findOne'], code: 'INVALID_QUERY' },
          ],
        },
      ],
      types,
    );
    expect((described.paths['/calls/{id}'].get.responses[400] as any).description).toBe(
      'Bad request\n\n- `INVALID_QUERY`: why\n- `INVALID_FALLBACK`: why',
    );
    expect((described.paths['/calls'].get.responses[400] as any).description).toBe('Bad request\n\n- `INVALID_QUERY`: why');
  });

  it("completes a plugin route's operation: path parameters, body, its own answer or a type's findOne answer, refusals", () => {
    const described = document();
    described.paths['/calls/{id}'].get.responses[200] = { content: { 'application/json': { schema: { type: 'object' } } } };
    described.paths['/calls/{documentId}/form'] = { get: { responses: {} } };
    described.paths['/calls/{documentId}/copy'] = { post: { responses: {} } };
    describeAdditions(
      described,
      [
        {
          operations: [
            {
              method: 'get',
              path: '/calls/{documentId}/form',
              summary: 'Form',
              description: 'The form',
              parameters: [{ ...query('locale'), description: 'Locale' }],
              response: { status: 200, description: 'A schema', mediaType: 'application/schema+json', schema: { type: 'object' } },
              errors: [{ status: 404, code: 'NOT_FOUND', description: 'no such call' }],
            },
            {
              method: 'post',
              path: '/calls/{documentId}/copy',
              summary: 'Copy',
              description: 'A copy',
              requestBody: { type: 'object' },
              response: { status: 201, description: 'The copy', sameAs: { contentType: 'api::call.call', action: 'findOne' } },
            },
            {
              method: 'get',
              path: '/nowhere',
              summary: 'x',
              description: 'x',
              response: { status: 200, description: 'x', mediaType: 'text/plain', schema: {} },
            },
          ],
        },
      ],
      types,
    );
    const form = described.paths['/calls/{documentId}/form'].get;
    expect(form.parameters!.map((parameter) => [parameter.name, parameter.in])).toEqual([
      ['documentId', 'path'],
      ['locale', 'query'],
    ]);
    expect(form.responses[200]).toEqual({
      description: 'A schema',
      content: { 'application/schema+json': { schema: { type: 'object' } } },
    });
    expect((form.responses[404] as { description: string }).description).toContain('- `NOT_FOUND`: no such call');
    const copy = described.paths['/calls/{documentId}/copy'].post;
    expect(copy.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { type: 'object' } } } });
    expect(copy.responses[201]).toEqual({ description: 'The copy', content: { 'application/json': { schema: { type: 'object' } } } });
    expect(described.paths['/nowhere']).toBeUndefined();
  });
});
