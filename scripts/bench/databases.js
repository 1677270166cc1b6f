// One fresh database per app and run: a SQLite file in the run's folder, or a PostgreSQL database
// on 127.0.0.1:5432 (user postgres, trust auth) created here and dropped at the end.
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const pgSettings = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || '',
});

async function postgres(sql, database = 'postgres') {
  const client = new Client({ ...pgSettings(), database });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** @returns {{ env: Record<string, string>, size: () => Promise<number>, analyze: () => Promise<void>, drop: () => Promise<void> }} */
async function createDatabase(kind, name, folder) {
  if (kind === 'sqlite') {
    const filename = path.join(folder, `${name}.db`);
    const files = ['', '-wal', '-shm', '-journal'].map((suffix) => `${filename}${suffix}`);
    files.forEach((file) => fs.rmSync(file, { force: true }));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      size: async () => files.reduce((total, file) => total + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0),
      analyze: async () => {},
      drop: async () => files.forEach((file) => fs.rmSync(file, { force: true })),
    };
  }
  await postgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await postgres(`CREATE DATABASE "${name}"`);
  const settings = pgSettings();
  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_NAME: name,
      DATABASE_HOST: settings.host,
      DATABASE_PORT: String(settings.port),
      DATABASE_USERNAME: settings.user,
      DATABASE_PASSWORD: settings.password,
    },
    size: async () => Number((await postgres(`SELECT pg_database_size('${name}') AS size`)).rows[0].size),
    // Fresh bulk-loaded tables: planner statistics before the load, as a database in service has them.
    analyze: async () => {
      await postgres('VACUUM ANALYZE', name);
    },
    drop: async () => {
      await postgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

module.exports = { createDatabase };
