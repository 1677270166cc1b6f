// Once per run of the browser suite: starts the BUILT app (`npx strapi start`, the admin served from
// dist/build) as a child process on a fresh SQLite file, with a local SMTP server for its mail, waits
// for /_health, then makes the accounts the scenarios use through the HTTP APIs only:
// the super admin (POST /admin/register-admin), an "Editor (WSIS)" and a "Translator (fr)" admin user
// (POST /admin/users, then POST /admin/register with the registration token; the translator's
// interface language set to French through PUT /admin/users/me) and a stakeholder who registers,
// confirms the e-mailed link and logs in (POST /api/auth/local/register, GET the link, POST /api/auth/local).
// What the tests need (URL, credentials, tokens) is written to a JSON file named by WSIS_BROWSER_STATE.
const { spawn } = require('child_process');
const { randomBytes } = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { startMailbox } = require('./support/mailbox');

const appDir = path.resolve(__dirname, '../..');
const artifacts = path.join(appDir, 'artifacts', 'browser');
const BOOT_TIMEOUT = 240_000;

const password = (name) => `${name}-${randomBytes(4).toString('hex')}-Wsis2012`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * `strapi start` is production mode for this app whatever NODE_ENV says (src/environment/secrets.ts:
 * the published development secrets, the default admin and the local mailbox are refused under it),
 * so the run gives it what production needs: its own random secrets, an SMTP relay (ours, on
 * 127.0.0.1), a sender, its public URL and the site's, and SEED_DEMO_CONTENT=true for the demo seed.
 * NODE_ENV=test picks config/env/test (no rate limit on the account routes, the outbox polled every 100 ms).
 */
function serverEnvironment({ port, smtpPort, databaseFile }) {
  // The project's one list of secrets, from the built app.
  const { throwawaySecrets } = require(path.join(appDir, 'dist/src/environment/secrets'));
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DATABASE_|ADMIN_|SMTP_|SEED_|UPLOAD_|S3_|PUBLIC_URL$|FRONTEND_URL$|EMAIL_)/.test(name),
    ),
  );
  return {
    ...inherited,
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    FRONTEND_URL: 'http://127.0.0.1:3000',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    SEED_DEMO_CONTENT: 'true',
    ...throwawaySecrets(),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'WSIS platform <no-reply@wsis.test>',
  };
}

const tail = (file, lines = 40) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '');

async function waitForHealth(baseUrl, child, logFile) {
  const deadline = Date.now() + BOOT_TIMEOUT;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`strapi start exited (${child.exitCode ?? child.signalCode}) before answering /_health:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204 || response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`strapi start did not answer /_health within ${BOOT_TIMEOUT / 1000} s:\n${tail(logFile)}`);
}

/** Stops the server's whole process group (npx, then node): SIGTERM, then SIGKILL after 10 s. */
async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function call(baseUrl, method, url, { token, body, expect } = {}) {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  if (expect && response.status !== expect)
    throw new Error(`${method} ${url}: ${response.status} instead of ${expect}: ${text.slice(0, 500)}`);
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, headers: response.headers, body: json && text ? JSON.parse(text) : text };
}

/** A new admin user with the role of that code, through the invitation flow the admin's "Invite user" uses. */
async function inviteAdmin(baseUrl, superToken, roles, { email, firstname, roleCode }) {
  const role = roles.find((candidate) => candidate.code === roleCode);
  if (!role) throw new Error(`No admin role with the code ${roleCode}: ${roles.map((candidate) => candidate.code).join(', ')}`);
  const created = await call(baseUrl, 'POST', '/admin/users', {
    token: superToken,
    body: { email, firstname, lastname: 'Browser', roles: [role.id] },
    expect: 201,
  });
  const secretWord = password(firstname);
  const registered = await call(baseUrl, 'POST', '/admin/register', {
    body: { registrationToken: created.body.data.registrationToken, userInfo: { firstname, lastname: 'Browser', password: secretWord } },
    expect: 200,
  });
  return { email, password: secretWord, id: created.body.data.id, token: registered.body.data.token, roleCode };
}

async function makeAccounts(baseUrl, mailbox) {
  const superAdmin = { email: 'super@wsis.test', password: password('Super') };
  const registered = await call(baseUrl, 'POST', '/admin/register-admin', {
    body: { email: superAdmin.email, password: superAdmin.password, firstname: 'Super', lastname: 'Admin' },
    expect: 200,
  });
  superAdmin.token = registered.body.data.token;
  const roles = (await call(baseUrl, 'GET', '/admin/roles', { token: superAdmin.token, expect: 200 })).body.data;

  const editor = await inviteAdmin(baseUrl, superAdmin.token, roles, {
    email: 'editor@wsis.test',
    firstname: 'Editor',
    roleCode: 'wsis-editor',
  });
  const translator = await inviteAdmin(baseUrl, superAdmin.token, roles, {
    email: 'traductrice@wsis.test',
    firstname: 'Traductrice',
    roleCode: 'translator-fr',
  });
  await call(baseUrl, 'PUT', '/admin/users/me', { token: translator.token, body: { preferedLanguage: 'fr' }, expect: 200 });

  const stakeholder = { email: 'stakeholder@wsis.test', username: 'browser-stakeholder', password: password('Stakeholder') };
  await call(baseUrl, 'POST', '/api/auth/local/register', {
    body: { email: stakeholder.email, username: stakeholder.username, password: stakeholder.password },
    expect: 200,
  });
  const message = await mailbox.next(stakeholder.email, /confirm/i);
  const link = /https?:\/\/[^\s<>"']+/.exec(message.text);
  if (!link) throw new Error(`No link in the confirmation message: ${message.text}`);
  const confirmation = new URL(link[0]);
  await call(baseUrl, 'GET', `${confirmation.pathname}${confirmation.search}`, { expect: 302 });
  const session = await call(baseUrl, 'POST', '/api/auth/local', {
    body: { identifier: stakeholder.email, password: stakeholder.password },
    expect: 200,
  });
  stakeholder.jwt = session.body.jwt;
  stakeholder.id = session.body.user.id;
  return { superAdmin, editor, translator, stakeholder };
}

module.exports = async () => {
  for (const file of ['dist/src/index.js', 'dist/build/index.html']) {
    if (!fs.existsSync(path.join(appDir, file))) {
      throw new Error(`${file} is missing: run \`npm run test:browser\` (it builds the app and the admin first) or \`npm run build\`.`);
    }
  }
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsis-browser-'));
  const logFile = path.join(tmpDir, 'strapi.log');
  const mailbox = await startMailbox();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn('npx', ['strapi', 'start'], {
    cwd: appDir,
    env: serverEnvironment({ port, smtpPort: mailbox.port, databaseFile: path.join(tmpDir, 'data.db') }),
    stdio: ['ignore', log, log],
    // Its own process group: teardown stops npx and the node process under it together.
    detached: true,
  });
  fs.closeSync(log);
  globalThis.__wsisBrowser = { child, mailbox, tmpDir, logFile, stopServer };
  // A run interrupted before globalTeardown (Ctrl-C, a crash) leaves no server behind.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  try {
    await waitForHealth(baseUrl, child, logFile);
    const booted = Date.now() - started;
    const accounts = await makeAccounts(baseUrl, mailbox);
    const stateFile = path.join(tmpDir, 'state.json');
    fs.writeFileSync(stateFile, JSON.stringify({ baseUrl, artifacts, logFile, bootMs: booted, ...accounts }, null, 2));
    process.env.WSIS_BROWSER_STATE = stateFile;
    console.log(`\n[browser] strapi start on ${baseUrl}: /_health after ${(booted / 1000).toFixed(1)} s (fresh database, demo seed)`);
  } catch (error) {
    await stopServer(child);
    await mailbox.close();
    fs.copyFileSync(logFile, path.join(artifacts, 'strapi.log'));
    throw error;
  }
};
