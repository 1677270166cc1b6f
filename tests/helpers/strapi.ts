import fs from 'fs';
import path from 'path';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import supertest from 'supertest';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';

export const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

export const databaseClient = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

const adminConnection = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: 'postgres',
  });

async function createDatabase(name: string) {
  if (databaseClient === 'sqlite') {
    fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
    process.env.DATABASE_FILENAME = path.join(appDir, '.tmp', `${name}.db`);
    return;
  }
  const client = adminConnection();
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  process.env.DATABASE_NAME = name;
}

async function dropDatabase(name: string) {
  if (databaseClient === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${process.env.DATABASE_FILENAME}${suffix}`, { force: true });
    return;
  }
  const client = adminConnection();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

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

/** Boots the compiled app on a fresh database of its own (SQLite file or PostgreSQL database). */
export async function bootApp(): Promise<TestApp> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const name = `wsis_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await createDatabase(name);
  return start(name);
}
