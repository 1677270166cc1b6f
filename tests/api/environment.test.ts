import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { appDir } from '../helpers/strapi';

const PRODUCTION_SECRETS = {
  APP_KEYS: 'prod-app-key-one-a1b2c3d4e5f6a7b8c9d0,prod-app-key-two-f6e5d4c3b2a1f0e9d8c7',
  API_TOKEN_SALT: 'prod-api-token-salt-9f8e7d6c5b4a3928',
  ADMIN_JWT_SECRET: 'prod-admin-jwt-secret-6c5b4a392817',
  TRANSFER_TOKEN_SALT: 'prod-transfer-token-salt-3a2b1c0d9e',
  ENCRYPTION_KEY: 'prod-encryption-key-0f1e2d3c4b5a6978',
  JWT_SECRET: 'prod-users-permissions-jwt-secret-7a8b9c',
};
// Account e-mail: a relay (nothing listens there: booting sends nothing), a sender, the links' origins.
const PRODUCTION_MAIL = {
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '2525',
  EMAIL_FROM: 'WSIS <no-reply@wsis.example.org>',
  PUBLIC_URL: 'https://cms.wsis.example.org',
  FRONTEND_URL: 'https://wsis.example.org',
};
const PRODUCTION = { ...PRODUCTION_SECRETS, ...PRODUCTION_MAIL };
const DEVELOPMENT_JWT_SECRET = 'wsis-dev-users-permissions-jwt-secret';

const prefix = path.join(appDir, '.tmp', `environment-${process.pid}-${Date.now()}`);
const databases: string[] = [];
/** A database file of its own: every boot starts from nothing unless it names a database. */
const freshDatabase = () => {
  databases.push(`${prefix}-${databases.length}.db`);
  return databases[databases.length - 1];
};
/** Shared by the development boots and the production boot that finds their admin. */
const developmentDatabase = freshDatabase();
afterAll(() => {
  for (const file of databases) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
});

const baseEnv = () => ({
  PATH: process.env.PATH!,
  HOME: process.env.HOME ?? '/tmp',
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: 'info',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: freshDatabase(),
});

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, {
    cwd: appDir,
    env: { ...baseEnv(), ...env },
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const line = output.split('\n').find((candidate) => candidate.startsWith('RESULT '));
  return { status: result.status, output, result: line ? JSON.parse(line.slice(7)) : undefined };
}

/** Boots the app in a child process with exactly these variables (no .env is read in tests). */
const boot = (env: Record<string, string>) => run(process.execPath, [path.join(__dirname, '../helpers/boot-once.js')], env);

/** What `npm start` runs, `strapi start`, as a server would run it (on any free port); it keeps running unless it refuses to start. */
const npmStart = (env: Record<string, string>) =>
  run(process.execPath, [path.join(appDir, 'node_modules/.bin/strapi'), 'start'], { PORT: '0', ...env });

describe('production mode refuses to start insecurely', () => {
  it.each(['production', 'staging', 'Production'])('with NODE_ENV=%s and no secrets', (nodeEnv) => {
    const { status, output } = boot({ NODE_ENV: nodeEnv });
    expect(status).not.toBe(0);
    expect(output).toContain(`Refusing to start in production mode (NODE_ENV=${nodeEnv}): `);
    expect(output).toMatch(/[A-Z_]+ is not set/);
  });

  it('under `npm start` without NODE_ENV (Strapi would take it for development) and without secrets', () => {
    const { status, output } = npmStart({});
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start in production mode \(strapi start\): [A-Z_]+ is not set/);
  });

  it('under `npm start` even with NODE_ENV=development, which is what Strapi sets when it is missing', () => {
    const { status, output } = npmStart({ NODE_ENV: 'development' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start in production mode \(strapi start\): [A-Z_]+ is not set/);
  });

  it('with the documented development secrets', () => {
    const { status, output } = boot({
      NODE_ENV: 'production',
      APP_KEYS: 'wsis-dev-app-key-1,wsis-dev-app-key-2',
      API_TOKEN_SALT: 'wsis-dev-api-token-salt',
      ADMIN_JWT_SECRET: 'wsis-dev-admin-jwt-secret',
      TRANSFER_TOKEN_SALT: 'wsis-dev-transfer-token-salt',
      ENCRYPTION_KEY: 'wsis-dev-encryption-key',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start in production mode \(NODE_ENV=production\): \w+ is a development default/);
  });

  it('with the placeholders of .env.example', () => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, JWT_SECRET: 'replace-me' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/JWT_SECRET is a development default or a placeholder/);
  });

  it('with a secret, or one of the APP_KEYS, shorter than 32 characters', () => {
    const shortSecret = boot({ NODE_ENV: 'staging', ...PRODUCTION, JWT_SECRET: 'x'.repeat(31) });
    expect(shortSecret.status).not.toBe(0);
    expect(shortSecret.output).toMatch(/JWT_SECRET is shorter than 32 characters/);
    const shortKey = boot({ NODE_ENV: 'staging', ...PRODUCTION, APP_KEYS: `${'k'.repeat(32)},${'k'.repeat(31)}` });
    expect(shortKey.status).not.toBe(0);
    expect(shortKey.output).toMatch(/APP_KEYS is shorter than 32 characters \(each key\)/);
  });

  it('with the default admin password in the environment', () => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, ADMIN_PASSWORD: 'WsisForum2012!' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/ADMIN_PASSWORD is the documented default/);
  });

  it.each(['SMTP_HOST', 'EMAIL_FROM', 'PUBLIC_URL', 'FRONTEND_URL'])('without %s (account e-mail would not work)', (name) => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, [name]: '' });
    expect(status).not.toBe(0);
    expect(output).toContain(`Refusing to start in production mode (NODE_ENV=production): ${name} is not set`);
  });
});

describe('development and production boots', () => {
  it('development creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD once, and says so once', () => {
    const first = boot({ NODE_ENV: 'development', DATABASE_FILENAME: developmentDatabase });
    expect(first.status).toBe(0);
    expect(first.result.admins).toEqual(['admin@wsis.local']);
    expect(first.output).toContain('Created the first admin user admin@wsis.local with password "WsisForum2012!"');
    expect(first.result.events).toBeGreaterThan(0);

    // A JWT anyone can sign with the published development secret is valid here, as it should be in development only.
    const second = boot({
      NODE_ENV: 'development',
      DATABASE_FILENAME: developmentDatabase,
      ADMIN_EMAIL: 'someone.else@wsis.local',
      BOOT_CHECK_JWT: DEVELOPMENT_JWT_SECRET,
    });
    expect(second.status).toBe(0);
    expect(second.result.admins).toEqual(['admin@wsis.local']);
    expect(second.output).not.toContain('Created the first admin user');
    expect(second.result.jwt).toEqual({ forged: 200, issued: 200 });
  });

  it('development keeps mail as .eml files under .tmp/mail and sends nothing on', () => {
    const to = `boot-check-${process.pid}@wsis.test`;
    const { status, result, output } = boot({ NODE_ENV: 'development', BOOT_ONCE_MAIL_TO: to });
    expect(status).toBe(0);
    expect(output).toMatch(/mail is kept by the local mailbox \(SMTP 127\.0\.0\.1:\d+, files in \.tmp\/mail\)/);
    expect(result.mail).toEqual([{ to: [to], file: expect.stringContaining(path.join(appDir, '.tmp', 'mail')) }]);
    const eml = fs.readFileSync(result.mail[0].file, 'utf8');
    fs.rmSync(result.mail[0].file);
    expect(eml).toMatch(/^Subject: Boot check$/m);
    expect(eml).toContain('Kept, not sent.');
  });

  it('production refuses while an admin still has the documented default password', () => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, DATABASE_FILENAME: developmentDatabase });
    expect(status).not.toBe(0);
    expect(output).toMatch(/admin user admin@wsis.local still has the documented default password/);
  });

  it.each(['production', 'staging'])('NODE_ENV=%s starts with real secrets, without demo content or a created admin', (nodeEnv) => {
    const { status, result, output } = boot({ NODE_ENV: nodeEnv, ...PRODUCTION });
    expect(output).not.toContain('BOOT FAILED');
    expect(status).toBe(0);
    expect(result).toEqual({ admins: [], events: 0 });
  });

  it('production mode never accepts a users-permissions JWT signed with the development secret', () => {
    // Without JWT_SECRET it does not start (it used to start on the published secret and accept the forged JWT)...
    const { JWT_SECRET, ...withoutJwtSecret } = PRODUCTION;
    const missing = boot({ NODE_ENV: 'staging', ...withoutJwtSecret, BOOT_CHECK_JWT: DEVELOPMENT_JWT_SECRET });
    expect(missing.status).not.toBe(0);
    expect(missing.output).toMatch(/Refusing to start in production mode \(NODE_ENV=staging\): JWT_SECRET is not set/);
    expect(missing.result).toBeUndefined();
    // ...and with its own secret, a JWT signed with the development one is refused.
    const configured = boot({ NODE_ENV: 'staging', ...PRODUCTION, JWT_SECRET, BOOT_CHECK_JWT: DEVELOPMENT_JWT_SECRET });
    expect(configured.output).not.toContain('BOOT FAILED');
    expect(configured.result.jwt).toEqual({ forged: 401, issued: 200 });
  });
});
