// A stock Strapi 5 app with the project's content types and components, in a temporary folder:
// core factories only (no local plugins, custom middlewares, bootstrap or custom routes), Strapi's
// default configuration but for what both apps must share (database, secrets, REST page limits),
// and the project's node_modules through a symlink, so nothing is downloaded.
const fs = require('fs');
const path = require('path');

const CONFIG = {
  'server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`,
  'admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  'api.js': `module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };
`,
  'middlewares.js': `module.exports = [
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
];
`,
  'logger.js': `module.exports = ({ env }) => ({ level: env('LOG_LEVEL', 'http') });
`,
  'plugins.js': `module.exports = ({ env }) => ({ 'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } } });
`,
  // The project's database settings (config/database.ts), SQLite's WAL pragmas included.
  'database.js': `const path = require('path');
module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client === 'postgres')
    return {
      connection: {
        client,
        connection: {
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          schema: 'public',
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: 60000,
      },
    };
  return {
    connection: {
      client,
      connection: { filename: path.resolve(env('DATABASE_FILENAME')) },
      useNullAsDefault: true,
      pool: {
        afterCreate: (connection, done) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done(null, connection);
        },
      },
      acquireConnectionTimeout: 60000,
    },
  };
};
`,
};

const factory = (kind, uid) =>
  `const { factories } = require('@strapi/strapi');\nmodule.exports = factories.createCore${kind}('${uid}');\n`;

/**
 * A stock app's schema: custom fields belong to the project's plugins, so the stock app stores the
 * same column as their base type; the project's declared `indexes` are its own work, so the stock
 * app has only Strapi's default indexes.
 */
function stockSchema({ indexes: _indexes, ...schema }) {
  const attributes = Object.fromEntries(
    Object.entries(schema.attributes).map(([name, attribute]) => {
      if (attribute.type !== 'customField') return [name, attribute];
      const { customField: _customField, ...rest } = attribute;
      return [name, { ...rest, type: 'string' }];
    }),
  );
  return { ...schema, attributes };
}

function buildStockApp(projectDir, stockDir) {
  fs.rmSync(stockDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(stockDir, 'config'), { recursive: true });
  for (const [name, text] of Object.entries(CONFIG)) fs.writeFileSync(path.join(stockDir, 'config', name), text);
  const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  const dependencies = Object.fromEntries(
    ['@strapi/strapi', '@strapi/plugin-users-permissions'].map((name) => [name, project.dependencies[name]]),
  );
  fs.writeFileSync(
    path.join(stockDir, 'package.json'),
    JSON.stringify(
      { name: 'wsis-bench-stock', private: true, version: '0.0.0', dependencies, strapi: { telemetryDisabled: true } },
      null,
      2,
    ),
  );
  fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(stockDir, 'node_modules'), 'dir');
  fs.mkdirSync(path.join(stockDir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(stockDir, 'src/index.js'), 'module.exports = { register() {}, bootstrap() {} };\n');
  fs.mkdirSync(path.join(stockDir, 'public/uploads'), { recursive: true });

  const apis = path.join(projectDir, 'src/api');
  for (const api of fs.readdirSync(apis)) {
    const types = path.join(apis, api, 'content-types');
    if (!fs.existsSync(types)) continue;
    for (const type of fs.readdirSync(types)) {
      const schema = JSON.parse(fs.readFileSync(path.join(types, type, 'schema.json'), 'utf8'));
      const uid = `api::${api}.${type}`;
      const target = path.join(stockDir, 'src/api', api);
      fs.mkdirSync(path.join(target, 'content-types', type), { recursive: true });
      fs.writeFileSync(path.join(target, 'content-types', type, 'schema.json'), JSON.stringify(stockSchema(schema), null, 2));
      for (const [folder, kind] of [
        ['controllers', 'Controller'],
        ['services', 'Service'],
        ['routes', 'Router'],
      ]) {
        fs.mkdirSync(path.join(target, folder), { recursive: true });
        fs.writeFileSync(path.join(target, folder, `${type}.js`), factory(kind, uid));
      }
    }
  }
  fs.cpSync(path.join(projectDir, 'src/components'), path.join(stockDir, 'src/components'), {
    recursive: true,
    filter: (source) => !source.includes('__tests__'),
  });
  return stockDir;
}

module.exports = { buildStockApp };
