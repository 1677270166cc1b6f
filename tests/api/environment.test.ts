import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { appDir } from '../helpers/strapi';

const PRODUCTION_SECRETS = {
  APP_KEYS: 'prod-key-a1b2c3,prod-key-d4e5f6',
  API_TOKEN_SALT: 'prod-api-token-salt-9f8e7d',
  ADMIN_JWT_SECRET: 'prod-admin-jwt-secret-6c5b4a',
  TRANSFER_TOKEN_SALT: 'prod-transfer-salt-3a2b1c',
  ENCRYPTION_KEY: 'prod-encryption-key-0f1e2d',
  JWT_SECRET: 'prod-jwt-secret-7a8b9c',
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

const database = path.join(appDir, '.tmp', `environment-${process.pid}-${Date.now()}.db`);
afterAll(() => fs.rmSync(database, { force: true }));

/** Boots the app in a child process with exactly these variables (no .env is read in tests). */
function boot(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(__dirname, '../helpers/boot-once.js')], {
    cwd: appDir,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'info', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const line = output.split('\n').find((candidate) => candidate.startsWith('RESULT '));
  return { status: result.status, output, result: line ? JSON.parse(line.slice(7)) : undefined };
}

describe('production refuses to start insecurely', () => {
  it('without secrets', () => {
    const { status, output } = boot({ NODE_ENV: 'production' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start in production: \w+ is not set/);
  });

  it('with the documented development secrets', () => {
    const { status, output } = boot({
      NODE_ENV: 'production',
      APP_KEYS: 'wsis-dev-app-key-1,wsis-dev-app-key-2',
      API_TOKEN_SALT: 'wsis-dev-api-token-salt', ADMIN_JWT_SECRET: 'wsis-dev-admin-jwt-secret',
      TRANSFER_TOKEN_SALT: 'wsis-dev-transfer-token-salt', ENCRYPTION_KEY: 'wsis-dev-encryption-key', JWT_SECRET: 'wsis-dev-users-permissions-jwt-secret',
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Refusing to start in production: \w+ is a development default/);
  });

  it('with the placeholders of .env.example', () => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, JWT_SECRET: 'replace-me' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/JWT_SECRET is a development default or a placeholder/);
  });

  it('with the default admin password in the environment', () => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, ADMIN_PASSWORD: 'WsisForum2012!' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/ADMIN_PASSWORD is the documented default/);
  });

  it.each(['SMTP_HOST', 'EMAIL_FROM', 'PUBLIC_URL', 'FRONTEND_URL'])('without %s (account e-mail would not work)', (name) => {
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, [name]: '' });
    expect(status).not.toBe(0);
    expect(output).toContain(`Refusing to start in production: ${name} is not set`);
  });
});

describe('development and production boots', () => {
  it('development creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD once, and says so once', () => {
    const first = boot({ NODE_ENV: 'development' });
    expect(first.status).toBe(0);
    expect(first.result.admins).toEqual(['admin@wsis.local']);
    expect(first.output).toContain('Created the first admin user admin@wsis.local with password "WsisForum2012!"');
    expect(first.result.events).toBeGreaterThan(0);

    const second = boot({ NODE_ENV: 'development', ADMIN_EMAIL: 'someone.else@wsis.local' });
    expect(second.status).toBe(0);
    expect(second.result.admins).toEqual(['admin@wsis.local']);
    expect(second.output).not.toContain('Created the first admin user');
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
    const { status, output } = boot({ NODE_ENV: 'production', ...PRODUCTION });
    expect(status).not.toBe(0);
    expect(output).toMatch(/admin user admin@wsis.local still has the documented default password/);
  });

  it('production starts with real secrets, without demo content or a created admin', () => {
    const fresh = `${database}.production`;
    const { status, result, output } = boot({ NODE_ENV: 'production', ...PRODUCTION, DATABASE_FILENAME: fresh });
    fs.rmSync(fresh, { force: true });
    expect(output).not.toContain('BOOT FAILED');
    expect(status).toBe(0);
    expect(result).toEqual({ admins: [], events: 0 });
  });
});
