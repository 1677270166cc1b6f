import { readCorsOrigins } from '../src/environment/cors';

export default () => [
  'strapi::logger',
  'strapi::errors',
  // A details.code on every 400 of the content API, Strapi's and koa's own included.
  'plugin::api-guard.error-codes',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: readCorsOrigins() } },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'plugin::api-guard.query-guard',
  // ETag, 304 and Cache-Control on every content-API GET: outside everything that shapes the body.
  'plugin::http-cache.conditional-get',
];
