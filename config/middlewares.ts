export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
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
