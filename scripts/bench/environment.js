// What every benchmark script gives the servers it starts: the environment and a free port.
const net = require('net');
const path = require('path');

const projectDir = path.resolve(__dirname, '../..');

/** Production mode with throwaway secrets, the same for both apps; no demo seed, no cron, quiet logs. */
function sharedEnvironment() {
  // The project's one list of secrets (compiled: the bench runs after `npm run compile`).
  const { throwawaySecrets } = require(path.join(projectDir, 'dist/src/environment/secrets'));
  return {
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    SEED_DEMO_CONTENT: 'false',
    ...throwawaySecrets(),
    // The project's production mode asks for its mail settings; nothing is sent during the run.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '2525',
    EMAIL_FROM: 'WSIS bench <bench@example.org>',
    PUBLIC_URL: 'http://127.0.0.1',
    FRONTEND_URL: 'http://127.0.0.1',
  };
}

/**
 * The Node options `npm start` gives the production server (package.json): its heap budget. The bench
 * starts every server, stock's too, with them, so both collect garbage under the same budget.
 */
function startNodeOptions() {
  const start = require(path.join(projectDir, 'package.json')).scripts.start;
  const budget = /--max-old-space-size=\d+/.exec(start);
  if (!budget) throw new Error(`package.json's start script names no --max-old-space-size: ${start}`);
  return budget[0];
}

/** `--name=value` → ['--name', 'value']; `--name` → ['--name', undefined]. Split at the first `=`: a value may hold more. */
function splitOption(argument) {
  const equals = argument.indexOf('=');
  return equals === -1 ? [argument, undefined] : [argument.slice(0, equals), argument.slice(equals + 1)];
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

module.exports = { sharedEnvironment, startNodeOptions, splitOption, freePort };
