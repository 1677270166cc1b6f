import { execFile, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import { generate } from '@strapi/openapi';
import type { Core, UID } from '@strapi/strapi';
import { strongEtag } from '../../domain/conditional';
import {
  addOperation,
  addParameters,
  dropGenerationTimeDefaults,
  minimalOperation,
  operationAt,
  parametersOf,
  pathParameter,
  servedOperations,
  toOpenApiPath,
  type OpenApiDocument,
  type Parameter,
} from '../../domain/openapi';
import type { FeedsConfig } from '../config';
import type { FeedRoute } from './routes';

const FALLBACK_LOCALE: Parameter = {
  name: 'fallbackLocale',
  in: 'query',
  description: 'A locale whose content fills the documents and fields missing in `locale`.',
  schema: { type: 'string' },
};
const SEARCH: Parameter = {
  name: 'q',
  in: 'query',
  description: 'Case- and accent-insensitive search in the localized title and description.',
  schema: { type: 'string' },
};
const LOCALE: Parameter = { name: 'locale', in: 'query', description: 'A configured locale code; default: the default locale.', schema: { type: 'string' } };
const RANGE: Parameter[] = ['from', 'to'].map((name) => ({
  name,
  in: 'query',
  description: `${name === 'from' ? 'Items ending on or after' : 'Items starting on or before'} this date (YYYY-MM-DD, a whole day in Geneva time) or ISO 8601 date-time.`,
  schema: { type: 'string' },
}));
/** Query parameters that a custom collection route (`/<plural>/mine`) takes from its list. */
const LIST_LIKE = ['fields', 'filters', 'sort', 'populate', 'locale'];

const CONDITIONAL_HEADERS = {
  ETag: { description: 'Validator of this representation; send it back in If-None-Match.', schema: { type: 'string' } },
  'Last-Modified': { description: 'When the newest document in the response changed, where known.', schema: { type: 'string' } },
  'Cache-Control': { description: '`public, max-age=60` without credentials; `private, no-store` with them.', schema: { type: 'string' } },
};
const ERRORS = {
  304: { description: 'Not modified: If-None-Match matched the ETag.' },
  400: { description: 'Bad request: unknown or private field, bad operator, malformed date range, unknown locale.' },
  403: { description: 'Forbidden (for example `status=draft` without an API token).' },
  404: { description: 'Not found (for example an unknown slug).' },
};
const FORMATS: Record<FeedRoute['kind'], { mime: string; summary: string }> = {
  calendars: { mime: 'text/calendar', summary: 'iCalendar (RFC 5545)' },
  feeds: { mime: 'application/rss+xml', summary: 'RSS 2.0 feed' },
  exports: { mime: 'text/csv', summary: 'CSV export (UTF-8 with BOM), streamed' },
  openapi: { mime: 'application/json', summary: 'This OpenAPI document' },
};

/**
 * The OpenAPI 3.1 document of the whole content API. Strapi's generator (@strapi/openapi)
 * describes the routes of the APIs and plugins; this completes it with what it cannot see: the
 * plugin's own routes, the parameters of localized lists, custom collection routes, and any other
 * route the router serves. Routes are fixed once the server is mounted: built once, then cached.
 *
 * Strapi's generator is slow (20-30 s of CPU for this app on 2 cores, nearly all of it in zod's
 * JSON Schema conversion) and synchronous: it runs in a child process (openapi-process.ts) so
 * that the server keeps answering, and its output is kept on disk under `.strapi/openapi/`,
 * keyed by a fingerprint of the content types and routes: it runs again only when they change.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let built: Promise<{ json: string; etag: string }> | null = null;
  let child: ChildProcess | null = null;
  let stopped = false;
  const config = () => strapi.config.get('plugin::feeds') as FeedsConfig;
  const prefix = () => String(strapi.config.get('api.rest.prefix', '/api'));

  const apiTypes = () =>
    Object.values(strapi.contentTypes).filter((model) => model.uid.startsWith('api::') && model.kind === 'collectionType') as unknown as {
      uid: string;
      info: { pluralName: string; singularName: string };
      pluginOptions?: { i18n?: { localized?: boolean } };
    }[];

  function describeLocalizedLists(document: OpenApiDocument) {
    for (const model of apiTypes()) {
      if (!model.pluginOptions?.i18n?.localized) continue;
      for (const path of [`/${model.info.pluralName}`, `/${model.info.pluralName}/{id}`]) {
        const operation = operationAt(document, path, 'get');
        if (operation) addParameters(operation, [FALLBACK_LOCALE, SEARCH]);
      }
    }
  }

  function describeCustomCollectionRoutes(document: OpenApiDocument) {
    for (const model of apiTypes()) {
      const list = operationAt(document, `/${model.info.pluralName}`, 'get');
      for (const [path, item] of Object.entries(document.paths)) {
        const custom = path.startsWith(`/${model.info.pluralName}/`) && !path.includes('{') && path.split('/').length === 3;
        const operation = item.get;
        if (!custom || !operation || (operation.parameters ?? []).some((parameter) => parameter.in === 'query')) continue;
        addParameters(operation, parametersOf(list, LIST_LIKE));
      }
    }
  }

  function describePluginRoutes(document: OpenApiDocument, routes: FeedRoute[]) {
    for (const route of routes) {
      const path = toOpenApiPath(route.path);
      const model = route.contentType ? (strapi.getModel(route.contentType as UID.ContentType) as unknown as { info: { pluralName: string; singularName: string } }) : null;
      const list = model ? operationAt(document, `/${model.info.pluralName}`, 'get') : undefined;
      const parameters: Parameter[] = [];
      if (route.kind === 'calendars') {
        const calendar = config().calendars[route.name];
        if (calendar.parent) {
          const parent = strapi.getModel(calendar.parent.contentType as UID.ContentType).info.singularName;
          parameters.push(pathParameter(calendar.parent.key ?? 'slug', `The ${calendar.parent.key ?? 'slug'} of the ${parent}, in any locale.`));
        }
        if (calendar.range) parameters.push(...RANGE);
      }
      if (route.kind !== 'openapi') {
        const fromList = parametersOf(list, route.kind === 'exports' ? ['locale', 'filters', 'sort', 'status'] : ['locale', 'filters']);
        parameters.push(...(fromList.some((parameter) => parameter.name === 'locale') ? [] : [LOCALE]), ...fromList);
      }
      const format = FORMATS[route.kind];
      addOperation(document, path, 'get', {
        operationId: `feeds/${route.kind}/${route.name}`,
        summary: `${format.summary}${model ? ` of ${model.info.pluralName}` : ''}`,
        description: describe(route),
        tags: [model?.info.singularName ?? 'openapi'],
        parameters,
        responses: {
          200: { description: 'OK', headers: CONDITIONAL_HEADERS, content: { [format.mime]: { schema: route.kind === 'openapi' ? { type: 'object' } : { type: 'string' } } } },
          ...ERRORS,
        },
      });
    }
  }

  function describe(route: FeedRoute): string {
    switch (route.kind) {
      case 'calendars':
        return 'Published items as iCalendar events: stable UIDs, DTSTAMP, whole days as DATE values, times with their TZID and VTIMEZONE, titles in `locale` (items not translated yet in the default locale).';
      case 'feeds':
        return 'The newest published documents, per locale, with their file as enclosure.';
      case 'exports':
        return 'Every document matching the same `filters` and `sort` as the REST list, one row each, multi-valued fields joined with "; ", cells starting with = + - @ prefixed with an apostrophe. Published only, unless an API token asks for `status=draft`. The ETag is weak: it changes with any change to content.';
      default:
        return 'The OpenAPI 3.1 document of the content API.';
    }
  }

  /** What Strapi's generator reads: content types, components and the declared routes. */
  function fingerprint(): string {
    type Route = { method?: string; path?: string; handler?: unknown; info?: { type?: string }; request?: { query?: object; params?: object } };
    const routers = [
      ...Object.values(strapi.apis).flatMap((api) => Object.values(api.routes ?? {})),
      ...Object.values(strapi.plugins).flatMap((plugin) => (Array.isArray(plugin.routes) ? [{ routes: plugin.routes }] : Object.values(plugin.routes ?? {}))),
    ] as { routes?: Route[] }[];
    const routes = routers.flatMap((router) => router.routes ?? []).map((route) => [
      route.method,
      route.path,
      typeof route.handler === 'string' ? route.handler : typeof route.handler,
      route.info?.type,
      Object.keys(route.request?.query ?? {}),
      Object.keys(route.request?.params ?? {}),
    ]);
    const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)].map((model) => [
      model.uid,
      model.attributes,
      (model as { options?: unknown }).options,
      (model as { pluginOptions?: unknown }).pluginOptions,
    ]);
    const version = (strapi.config.get('info.strapi') as string | undefined) ?? '';
    return createHash('sha1').update(JSON.stringify({ version, models, routes })).digest('hex');
  }

  const cacheFile = () => path.join(strapi.dirs.app.root, '.strapi', 'openapi', 'feeds-content-api.json');

  async function readCache(key: string): Promise<OpenApiDocument | null> {
    try {
      const cached = JSON.parse(await fs.promises.readFile(cacheFile(), 'utf8')) as { fingerprint: string; document: OpenApiDocument };
      return cached.fingerprint === key ? cached.document : null;
    } catch {
      return null;
    }
  }

  /** Strapi's document, from the disk cache when nothing it reads has changed, else from a child process. */
  async function generated(): Promise<OpenApiDocument> {
    const key = fingerprint();
    const cached = await readCache(key);
    if (cached) return cached;
    try {
      await generateInChildProcess(key);
      const document = await readCache(key);
      if (document) return document;
      throw new Error('the child process wrote no document');
    } catch (error) {
      if (stopped) throw error;
      strapi.log.warn(`[feeds] OpenAPI generation in a child process failed (${(error as Error).message}); generating in this process`);
      return generate(strapi, { type: 'content-api' }).document as unknown as OpenApiDocument;
    }
  }

  function generateInChildProcess(key: string): Promise<void> {
    const script = path.join(__dirname, '..', 'openapi-process.js');
    const args = [script, strapi.dirs.app.root, strapi.dirs.dist.root, cacheFile(), key];
    return new Promise<void>((resolve, reject) => {
      child = execFile(process.execPath, args, { cwd: strapi.dirs.app.root, timeout: 10 * 60_000 }, (error, _stdout, stderr) => {
        child = null;
        if (error) reject(new Error(`${error.message}${stderr ? `: ${String(stderr).trim().split('\n').pop()}` : ''}`));
        else resolve();
      });
    });
  }

  async function build(): Promise<OpenApiDocument> {
    const document = await generated();
    dropGenerationTimeDefaults(document);
    const { title, description } = config().openapi ?? {};
    document.info = { ...document.info, ...(title ? { title } : {}), ...(description ? { description } : {}) };
    // Paths are relative to the REST prefix; a relative server URL resolves against this document's own URL.
    document.servers = [{ url: `${String(strapi.config.get('server.url', '')).replace(/\/+$/, '')}${prefix()}`, description: 'Content API' }];
    // Every route is readable with or without a token; what each role may call is its permissions' business.
    document.security = [{}, { bearerAuth: [] }];

    describeLocalizedLists(document);
    describeCustomCollectionRoutes(document);
    describePluginRoutes(document, strapi.plugin('feeds').service('routes').list());
    for (const { path, method } of servedOperations(strapi.server.listRoutes() as { path: string; methods: string[] }[], prefix())) {
      addOperation(document, path, method, minimalOperation(path, method, 'other'));
    }
    return document;
  }

  return {
    /** Stops a generation under way (the server is shutting down). Synchronous code ignores SIGTERM. */
    stop() {
      stopped = true;
      child?.kill('SIGKILL');
    },

    async document(): Promise<OpenApiDocument> {
      return JSON.parse((await this.serialized()).json);
    },

    /** The document as sent, with its strong ETag: built on the first request, then kept. */
    serialized(): Promise<{ json: string; etag: string }> {
      built ??= build()
        .then((document) => {
          const json = JSON.stringify(document);
          return { json, etag: strongEtag(json) };
        })
        .catch((error) => {
          built = null;
          throw error;
        });
      return built;
    },
  };
};
