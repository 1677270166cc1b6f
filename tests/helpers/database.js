// Test databases: one seeded template per run (made in globalSetup), one copy of it per test file.
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const appDir = path.resolve(__dirname, '../..');
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
const sqliteFile = (name) => path.join(appDir, '.tmp', `${name}.db`);

async function admin(sql) {
  const connection = new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: 'postgres',
  });
  await connection.connect();
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Points the app's configuration (read at boot) at the database `name`. */
function useDatabase(name) {
  if (client === 'sqlite') process.env.DATABASE_FILENAME = sqliteFile(name);
  else process.env.DATABASE_NAME = name;
}

async function createDatabase(name, template) {
  if (client === 'sqlite') {
    fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
    if (template) {
      for (const suffix of ['', '-wal']) {
        if (fs.existsSync(`${sqliteFile(template)}${suffix}`))
          fs.copyFileSync(`${sqliteFile(template)}${suffix}`, `${sqliteFile(name)}${suffix}`);
      }
    }
  } else {
    await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    // Test data need no durability: commits do not wait for the disk (seeding is thousands of them).
    await admin(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  }
  useDatabase(name);
}

async function dropDatabase(name) {
  if (client === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${sqliteFile(name)}${suffix}`, { force: true });
  } else {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

module.exports = { appDir, client, createDatabase, dropDatabase, useDatabase };
