import { readCorsOrigins } from '../src/environment/cors';

export default () => [
  'strapi::logger',
  'strapi::errors',
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
  'plugin::feeds.conditional-get',
];
