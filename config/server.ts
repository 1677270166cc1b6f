import type { Core } from '@strapi/strapi';
import { readSecretList } from '../src/environment/secrets';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy (SERVER_PROXY=true) the client's address, protocol and host come from its
  // X-Forwarded-* headers; of X-Forwarded-For only the last SERVER_PROXY_HOPS entries, those the
  // proxies wrote, count (a client can send any value in the others).
  proxy: { koa: env.bool('SERVER_PROXY', false), maxIpsCount: env.int('SERVER_PROXY_HOPS', 1) },
  app: {
    keys: readSecretList('APP_KEYS'),
  },
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});
