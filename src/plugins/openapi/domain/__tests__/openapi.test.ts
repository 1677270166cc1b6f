import {
  addOperation,
  addParameters,
  dropGenerationTimeDefaults,
  minimalOperation,
  parametersOf,
  servedOperations,
  toOpenApiPath,
  type OpenApiDocument,
} from '../openapi';

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
    const document: OpenApiDocument = {
      openapi: '3.1.0',
      info: {},
      paths: {
        '/events': {
          get: { responses: {}, parameters: [{ name: 'locale', in: 'query', schema: { type: 'string', description: 'kept' } }] },
        },
      },
    };
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
    const operation = {
      responses: {},
      parameters: [
        { name: 'pagination[page]', in: 'query' as const, schema: {} },
        { name: 'filters', in: 'query' as const, schema: {} },
        { name: 'sort', in: 'query' as const, schema: {} },
      ],
    };
    expect(parametersOf(operation, ['pagination', 'filters']).map((parameter) => parameter.name)).toEqual(['pagination[page]', 'filters']);
  });
});

describe('generation-time defaults', () => {
  it('drops instants frozen at generation and keeps real defaults', () => {
    const document = {
      a: {
        properties: {
          publishedAt: { type: 'string', default: '2026-11-29T13:12:25.484Z' },
          timezone: { type: 'string', default: 'Europe/Zurich' },
        },
      },
      list: [{ default: '2011-01-01T00:00:00Z' }],
    };
    dropGenerationTimeDefaults(document);
    expect(document.a.properties.publishedAt).toEqual({ type: 'string' });
    expect(document.a.properties.timezone.default).toBe('Europe/Zurich');
    expect(document.list[0]).toEqual({});
  });
});
