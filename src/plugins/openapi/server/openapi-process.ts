/**
 * Generates Strapi's OpenAPI document in a process of its own: @strapi/openapi is synchronous and
 * takes tens of seconds of CPU, which would stall every request of the server that asked for it.
 * Strapi is only registered here (no database, no server): routes and content types are all the
 * generator reads. The result goes straight to the cache file, so that the work is kept even if
 * the server that asked stopped meanwhile.
 *
 * Usage: node openapi-process.js <appDir> <distDir> <cacheFile> <fingerprint>
 */
import fs from 'fs';
import path from 'path';
import { generate } from '@strapi/openapi';
import { createStrapi } from '@strapi/strapi';

async function main() {
  const [appDir, distDir, cacheFile, fingerprint] = process.argv.slice(2);
  const strapi = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  await strapi.register();
  // Instantiates the API and plugin routers, as Strapi's bootstrap does before serving them.
  strapi.server.initRouting();
  const { document } = generate(strapi, { type: 'content-api' });
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  // Written aside, then renamed: another instance or test worker never reads half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify({ fingerprint, document }));
  fs.renameSync(partial, cacheFile);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
