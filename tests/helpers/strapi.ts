import path from 'path';
import { randomBytes } from 'crypto';
import supertest from 'supertest';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

const { createDatabase, dropDatabase, useDatabase } = require('./database');

export interface TestApp {
  strapi: Core.Strapi;
  request: () => supertest.Agent;
  /** Stops Strapi, keeps the database: the next `boot()` of the same app reuses it. */
  stop: () => Promise<void>;
  /** Boots a new Strapi instance on the same database (a second boot). */
  reboot: () => Promise<TestApp>;
  destroy: () => Promise<void>;
}

async function start(databaseName: string): Promise<TestApp> {
  useDatabase(databaseName);
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.mount();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await strapi.destroy();
  };
  return {
    strapi,
    request: () => supertest.agent(strapi.server.httpServer),
    stop,
    reboot: async () => {
      await stop();
      return start(databaseName);
    },
    destroy: async () => {
      await stop();
      await dropDatabase(databaseName);
    },
  };
}

/**
 * Boots the compiled app on a database of its own (SQLite file or PostgreSQL database): a copy of
 * the run's seeded template (tests/helpers/global-setup.js), or an empty one with `{ empty: true }`.
 */
export async function bootApp({ empty = false }: { empty?: boolean } = {}): Promise<TestApp> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const name = `wsis_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await createDatabase(name, empty ? undefined : process.env.WSIS_TEST_TEMPLATE);
  return start(name);
}
