// Once per run: checks the compiled app exists, then boots it on a fresh database, which runs
// every boot step and the whole seed; each test file then starts from a copy of that database.
const fs = require('fs');
const path = require('path');
const { randomBytes } = require('crypto');
const { appDir, createDatabase, dropDatabase } = require('./database');

module.exports = async () => {
  const entry = path.resolve(appDir, 'dist/src/index.js');
  if (!fs.existsSync(entry)) throw new Error('dist/ is missing: run `npm test` (it compiles the app first) or `npm run compile`.');

  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const template = `wsis_template_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createDatabase(template);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  try {
    await strapi.load();
  } finally {
    await strapi.destroy();
  }
  process.env.WSIS_TEST_TEMPLATE = template;
  globalThis.__wsisTemplate = template;
  globalThis.__wsisDropTemplate = () => dropDatabase(template);
};
