import SwaggerParser from '@apidevtools/swagger-parser';
import { bootApp, TestApp } from '../helpers/strapi';

let app: TestApp;
let document: Record<string, any>;
// The first generation after a schema change takes Strapi's generator tens of seconds of CPU
// (more when the machine is busy); later ones read the cache.
beforeAll(async () => {
  app = await bootApp();
  const response = await app.request().get('/api/openapi.json').expect(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  document = response.body;
}, 15 * 60_000);
afterAll(async () => {
  await app?.destroy();
});

/** What the router serves under /api, read from koa-router itself: `METHOD /path/{param}`. */
function servedRoutes(): string[] {
  const served = new Set<string>();
  for (const layer of app.strapi.server.listRoutes() as { path: string; methods: string[] }[]) {
    if (!layer.path.startsWith('/api/')) continue;
    for (const method of layer.methods) {
      if (method === 'HEAD') continue;
      served.add(`${method} ${layer.path.slice('/api'.length).replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...served].sort();
}

const parameterNames = (path: string, method = 'get') =>
  (document.paths[path]?.[method]?.parameters ?? []).map((parameter) => parameter.name);

describe('the OpenAPI document (GET /api/openapi.json)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });

  it('describes every route the app serves under /api, core, custom and plugin routes alike', () => {
    const routes = servedRoutes();
    expect(routes.length).toBeGreaterThan(80);
    const missing = routes.filter((route) => {
      const [method, path] = route.split(' ');
      return !document.paths[path]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /events/calendar.ics',
        'GET /forum-editions/{slug}/agenda.ics',
        'GET /consultations/{slug}/calendar.ics',
        'GET /publications/feed.xml',
        'GET /stocktaking-entries/feed.xml',
        'GET /stocktaking-entries/export.csv',
        'GET /openapi.json',
        'GET /stocktaking-calls/current',
        'GET /stocktaking-entries/mine',
        'POST /stocktaking-entries',
        'GET /i18n/locales',
      ]),
    );
  });

  it('puts the paths under the REST prefix', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api' })]);
  });

  it("describes the REST list's parameters, fallbackLocale on the list and findOne of localized types, q on their list", () => {
    expect(parameterNames('/events')).toEqual(
      expect.arrayContaining([
        'locale',
        'filters',
        'sort',
        'pagination[page]',
        'pagination[pageSize]',
        'populate',
        'fields',
        'status',
        'fallbackLocale',
        'q',
      ]),
    );
    expect(parameterNames('/events/{id}')).toEqual(expect.arrayContaining(['id', 'locale', 'populate', 'fields', 'fallbackLocale']));
    // findOne refuses `q` (400 INVALID_QUERY): the search is the list's.
    expect(parameterNames('/events/{id}')).not.toContain('q');
    const fallback = document.paths['/publications'].get.parameters.find((parameter) => parameter.name === 'fallbackLocale');
    expect(fallback.description).toMatch(/missing in `locale`/);
    const search = document.paths['/publications'].get.parameters.find((parameter) => parameter.name === 'q');
    expect(search.description).toMatch(/accent-insensitive/);
    // Organizations are not localized: no fallback there.
    expect(parameterNames('/organizations')).not.toContain('fallbackLocale');
    expect(parameterNames('/stocktaking-entries/mine')).toEqual(
      expect.arrayContaining(['filters', 'sort', 'populate', 'fields', 'locale']),
    );
  });

  it('describes the calendars, feeds and export with their formats and parameters', () => {
    expect(parameterNames('/events/calendar.ics')).toEqual(expect.arrayContaining(['locale', 'from', 'to', 'filters']));
    expect(parameterNames('/forum-editions/{slug}/agenda.ics')).toEqual(expect.arrayContaining(['slug', 'locale']));
    expect(document.paths['/forum-editions/{slug}/agenda.ics'].get.parameters.find((parameter) => parameter.name === 'slug')).toEqual(
      expect.objectContaining({ in: 'path', required: true }),
    );
    expect(parameterNames('/stocktaking-entries/export.csv')).toEqual(expect.arrayContaining(['locale', 'filters', 'sort', 'status']));
    expect(parameterNames('/publications/feed.xml')).toEqual(expect.arrayContaining(['locale', 'filters']));
    expect(Object.keys(document.paths['/events/calendar.ics'].get.responses[200].content)).toEqual(['text/calendar']);
    expect(Object.keys(document.paths['/publications/feed.xml'].get.responses[200].content)).toEqual(['application/rss+xml']);
    expect(Object.keys(document.paths['/stocktaking-entries/export.csv'].get.responses[200].content)).toEqual(['text/csv']);
    expect(document.paths['/stocktaking-entries/export.csv'].get.responses).toHaveProperty('304');
  });

  it('is served with a validator, like every public GET', async () => {
    const first = await app.request().get('/api/openapi.json').expect(200);
    await app.request().get('/api/openapi.json').set('If-None-Match', first.headers.etag).expect(304);
  });
});
