import type { DescribedRoute } from '../../../shared/contracts';
import { describeCustomCollectionRoutes, describeRoute, describeServedRoutes, describeServer, routeOperation } from '../descriptions';
import type { OpenApiDocument, Operation } from '../openapi';

const query = (name: string, description = name) => ({ name, in: 'query' as const, description, schema: { type: 'string' } });

const list: Operation = {
  responses: {},
  parameters: [query('locale', 'from the list'), query('filters'), query('sort'), query('pagination[page]')],
};
const documentWith = (paths: OpenApiDocument['paths']): OpenApiDocument => ({ openapi: '3.1.0', info: { title: 'Generated' }, paths });

const calendar: DescribedRoute = {
  method: 'get',
  path: '/forum-editions/:slug/agenda.ics',
  operationId: 'feeds/calendars/agenda',
  summary: 'iCalendar (RFC 5545) of forum-sessions',
  description: 'Sessions',
  tag: 'forum-session',
  response: { mediaType: 'text/calendar', schema: { type: 'string' } },
  parameters: [
    { name: 'slug', in: 'path', description: 'The slug of the forum-edition, in any locale.' },
    { name: 'from', in: 'query', description: 'From' },
    { name: 'locale', in: 'query', description: 'Own locale' },
  ],
  listParameters: { contentType: 'api::forum-session.forum-session', names: ['locale', 'filters'] },
};

describe('routes described by other plugins', () => {
  it("puts a route's own parameters first, then the list's, which replace own ones of the same name", () => {
    const operation = routeOperation(calendar, list);
    expect(operation.parameters).toEqual([
      {
        name: 'slug',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description: 'The slug of the forum-edition, in any locale.',
      },
      { name: 'from', in: 'query', description: 'From', schema: { type: 'string' } },
      query('locale', 'from the list'),
      query('filters'),
    ]);
    expect(Object.keys(operation.responses)).toEqual(['200', '304', '400', '403', '404']);
    expect(operation.responses[200]).toEqual(expect.objectContaining({ content: { 'text/calendar': { schema: { type: 'string' } } } }));
  });

  it('keeps its own parameters when there is no list to copy from', () => {
    expect(routeOperation(calendar, undefined).parameters!.map((parameter) => parameter.name)).toEqual(['slug', 'from', 'locale']);
  });

  it('adds the route under its OpenAPI path, leaving an operation already described alone', () => {
    const document = documentWith({ '/forum-sessions': { get: list } });
    describeRoute(document, calendar, '/forum-sessions');
    expect(document.paths['/forum-editions/{slug}/agenda.ics'].get.operationId).toBe('feeds/calendars/agenda');
    describeRoute(document, { ...calendar, operationId: 'other' }, '/forum-sessions');
    expect(document.paths['/forum-editions/{slug}/agenda.ics'].get.operationId).toBe('feeds/calendars/agenda');
  });
});

describe('what Strapi does not describe', () => {
  it("gives a custom collection route described without query parameters or answer the list's", () => {
    const page = { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
    const document = documentWith({
      '/stocktaking-entries': {
        get: { responses: { 200: page }, parameters: [query('fields'), query('filters'), query('pagination[page]')] },
      },
      '/stocktaking-entries/mine': { get: { responses: { 403: { description: 'Forbidden' } } } },
      '/stocktaking-entries/{id}': { get: { responses: {} } },
    });
    describeCustomCollectionRoutes(document, [{ pluralName: 'stocktaking-entries' }]);
    expect(document.paths['/stocktaking-entries/mine'].get.parameters!.map((parameter) => parameter.name)).toEqual(['fields', 'filters']);
    expect(document.paths['/stocktaking-entries/mine'].get.responses).toEqual({ 200: page, 403: { description: 'Forbidden' } });
    expect(document.paths['/stocktaking-entries/{id}'].get.parameters).toBeUndefined();
  });

  it('lists every other served route, and names the server and security', () => {
    const document = documentWith({ '/events': { get: { responses: {} } } });
    describeServedRoutes(
      document,
      [
        { path: '/api/events', methods: ['HEAD', 'GET'] },
        { path: '/api/hooks/:id', methods: ['POST'] },
      ],
      '/api',
    );
    expect(Object.keys(document.paths)).toEqual(['/events', '/hooks/{id}']);
    describeServer(document, { title: 'Content API', url: '/api' });
    expect(document.info).toEqual({ title: 'Content API' });
    expect(document.servers).toEqual([{ url: '/api', description: 'Content API' }]);
    expect(document.security).toEqual([{}, { bearerAuth: [] }]);
  });
});
