import { addOperation, addParameters, minimalOperation, parametersOf, servedOperations, toOpenApiPath, type OpenApiDocument } from '../openapi';

describe('OpenAPI edits', () => {
  it('turns koa-router parameters into OpenAPI templates', () => {
    expect(toOpenApiPath('/forum-editions/:slug/agenda.ics')).toBe('/forum-editions/{slug}/agenda.ics');
    expect(toOpenApiPath('/connect/(.*)')).toBe('/connect/(.*)');
  });

  it('lists what a router serves under the prefix, GET implying HEAD, router-level layers ignored', () => {
    const layers = [
      { path: '/api/events', methods: ['HEAD', 'GET'] },
      { path: '/api/events/:id', methods: ['PUT'] },
      { path: '/api([^/]*)', methods: [] },
      { path: '/admin/login', methods: ['POST'] },
      { path: '/_health', methods: ['GET'] },
    ];
    expect(servedOperations(layers, '/api')).toEqual([
      { path: '/events', method: 'get' },
      { path: '/events/{id}', method: 'put' },
    ]);
  });

  it('adds operations and parameters without replacing what is described', () => {
    const document: OpenApiDocument = { openapi: '3.1.0', info: {}, paths: { '/events': { get: { responses: {}, parameters: [{ name: 'locale', in: 'query', schema: { type: 'string', description: 'kept' } }] } } } };
    expect(addOperation(document, '/events', 'GET', minimalOperation('/events', 'get', 'x'))).toBe(false);
    addParameters(document.paths['/events'].get, [
      { name: 'locale', in: 'query', schema: { type: 'integer' } },
      { name: 'q', in: 'query', schema: { type: 'string' } },
    ]);
    expect(document.paths['/events'].get.parameters!.map((parameter) => [parameter.name, parameter.schema.type])).toEqual([
      ['locale', 'string'],
      ['q', 'string'],
    ]);
    expect(addOperation(document, '/events/{id}', 'get', minimalOperation('/events/{id}', 'get', 'x'))).toBe(true);
    expect(document.paths['/events/{id}'].get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });

  it('copies bracketed parameters by their root name', () => {
    const operation = { responses: {}, parameters: [{ name: 'pagination[page]', in: 'query' as const, schema: {} }, { name: 'filters', in: 'query' as const, schema: {} }, { name: 'sort', in: 'query' as const, schema: {} }] };
    expect(parametersOf(operation, ['pagination', 'filters']).map((parameter) => parameter.name)).toEqual(['pagination[page]', 'filters']);
  });
});
