import { randomBytes } from 'crypto';
import path from 'path';

/**
 * Secrets and the first admin account.
 *
 * A fresh clone runs in development and test without a .env: the values below are documented
 * in the README as development-only. Any other environment is production mode: it refuses to
 * start while a secret is missing, shorter than MIN_SECRET_LENGTH, a placeholder or one of these.
 */

export const DEV_SECRETS = {
  APP_KEYS: 'wsis-dev-app-key-1,wsis-dev-app-key-2',
  API_TOKEN_SALT: 'wsis-dev-api-token-salt',
  ADMIN_JWT_SECRET: 'wsis-dev-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'wsis-dev-transfer-token-salt',
  ENCRYPTION_KEY: 'wsis-dev-encryption-key',
  JWT_SECRET: 'wsis-dev-users-permissions-jwt-secret',
} as const;

export type SecretName = keyof typeof DEV_SECRETS;

/** Fresh random secrets for a production-mode start that is thrown away after (browser tests, the benchmark). */
export function throwawaySecrets(): Record<SecretName, string> {
  const secret = () => randomBytes(32).toString('base64');
  const names = Object.keys(DEV_SECRETS) as SecretName[];
  return Object.fromEntries(names.map((name) => [name, name === 'APP_KEYS' ? `${secret()},${secret()}` : secret()])) as Record<
    SecretName,
    string
  >;
}

export const DEV_ADMIN = { email: 'admin@wsis.local', password: 'WsisForum2012!' } as const;

/** Characters per secret, and per key of APP_KEYS (`openssl rand -base64 32` gives 44). */
export const MIN_SECRET_LENGTH = 32;

const DEVELOPMENT_ENVIRONMENTS = ['development', 'test'];

/** Placeholders that scaffolds and .env.example ship with. */
const PLACEHOLDER = /^(replace-me|tobemodified|changeme|change-me)/i;

/** `strapi start` (what `npm start` runs): `node_modules/.bin/strapi start` or `.../bin/strapi.js start`. */
const isStrapiStart = (argv: string[]) => /^strapi(\.js)?$/.test(path.basename(argv[1] ?? '')) && argv[2] === 'start';

/**
 * Whether this process may run on the development defaults (published secrets, the default admin,
 * the demo seed): only with NODE_ENV development or test, and never under `strapi start`, because
 * Strapi replaces an unset NODE_ENV with 'development' as soon as @strapi/core loads
 * (core/dist/configuration/index.js), before any code of the app can tell that it was unset.
 */
export function usesDevelopmentDefaults(environment: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): boolean {
  return DEVELOPMENT_ENVIRONMENTS.includes(environment.NODE_ENV ?? '') && !isStrapiStart(argv);
}

export class InsecureConfigurationError extends Error {
  constructor(message: string, environment: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv) {
    const mode = isStrapiStart(argv) ? 'strapi start' : `NODE_ENV=${environment.NODE_ENV ?? ''}`;
    super(`Refusing to start in production mode (${mode}): ${message}`);
    this.name = 'InsecureConfigurationError';
  }
}

export function readSecret(name: SecretName, environment: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): string {
  const value = environment[name]?.trim();
  if (usesDevelopmentDefaults(environment, argv)) return value || DEV_SECRETS[name];

  const refuse = (problem: string) => new InsecureConfigurationError(`${name} ${problem}`, environment, argv);
  if (!value) throw refuse('is not set');
  const parts = value.split(',').map((part) => part.trim());
  const devParts = DEV_SECRETS[name].split(',');
  if (parts.some((part) => !part || PLACEHOLDER.test(part) || devParts.includes(part)))
    throw refuse('is a development default or a placeholder');
  if (parts.some((part) => part.length < MIN_SECRET_LENGTH))
    throw refuse(`is shorter than ${MIN_SECRET_LENGTH} characters${parts.length > 1 ? ' (each key)' : ''}`);
  return value;
}

export const readSecretList = (name: SecretName, environment: NodeJS.ProcessEnv = process.env) =>
  readSecret(name, environment)
    .split(',')
    .map((part) => part.trim());

/** The first admin account; in production mode only an explicit, non-default password is accepted. */
export function readAdminCredentials(environment: NodeJS.ProcessEnv = process.env) {
  const email = environment.ADMIN_EMAIL?.trim() || DEV_ADMIN.email;
  const password = environment.ADMIN_PASSWORD || DEV_ADMIN.password;
  if (!usesDevelopmentDefaults(environment) && environment.ADMIN_PASSWORD !== undefined) {
    if (password === DEV_ADMIN.password || PLACEHOLDER.test(password)) {
      throw new InsecureConfigurationError('ADMIN_PASSWORD is the documented default or a placeholder', environment);
    }
  }
  return { email, password };
}
