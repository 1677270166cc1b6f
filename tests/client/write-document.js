// Writes the OpenAPI document the app serves (GET /api/openapi.json) to .tmp/openapi-client/,
// from the compiled app booted once on a throwaway SQLite database: what a developer's client
// generator reads. Then `openapi-typescript` makes the types and `tsc` compiles the client
// (npm run check:client).
const fs = require('fs');
const os = require('os');
const path = require('path');

const appDir = path.resolve(__dirname, '../..');
// Under .tmp/ (ignored by git, lint and format): made anew by every check.
const output = path.join(appDir, '.tmp', 'openapi-client', 'openapi.json');

async function main() {
  if (!fs.existsSync(path.join(appDir, 'dist/src/index.js'))) throw new Error('dist/ is missing: run `npm run compile` first');
  const database = path.join(os.tmpdir(), `wsis-openapi-client-${process.pid}.db`);
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = database;
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  try {
    await strapi.load();
    const document = await strapi.plugin('openapi').service('document').serialized();
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, document);
    console.log(`Wrote ${path.relative(appDir, output)} (${Buffer.byteLength(document)} bytes)`);
  } finally {
    await strapi.destroy();
    for (const file of [database, `${database}-wal`, `${database}-shm`]) fs.rmSync(file, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
