/**
 * Secrets and the first admin account.
 *
 * A fresh clone runs in development and test without a .env: the values below are documented
 * in the README as development-only. Production refuses to start while any of them is missing
 * or still one of these defaults.
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

export const DEV_ADMIN = { email: 'admin@wsis.local', password: 'WsisForum2012!' } as const;

/** Placeholders that scaffolds and .env.example ship with. */
const PLACEHOLDER = /^(replace-me|tobemodified|changeme|change-me)/i;

export const isProduction = (nodeEnv = process.env.NODE_ENV) => nodeEnv === 'production';

export class InsecureConfigurationError extends Error {
  constructor(message: string) {
    super(`Refusing to start in production: ${message}`);
    this.name = 'InsecureConfigurationError';
  }
}

export function readSecret(name: SecretName, environment: NodeJS.ProcessEnv = process.env): string {
  const value = environment[name]?.trim();
  if (!isProduction(environment.NODE_ENV)) return value || DEV_SECRETS[name];

  if (!value) throw new InsecureConfigurationError(`${name} is not set`);
  const parts = value.split(',').map((part) => part.trim());
  const devParts = DEV_SECRETS[name].split(',');
  if (parts.some((part) => !part || PLACEHOLDER.test(part) || devParts.includes(part))) {
    throw new InsecureConfigurationError(`${name} is a development default or a placeholder`);
  }
  return value;
}

export const readSecretList = (name: SecretName, environment: NodeJS.ProcessEnv = process.env) =>
  readSecret(name, environment).split(',').map((part) => part.trim());

/** The first admin account; in production only an explicit, non-default password is accepted. */
export function readAdminCredentials(environment: NodeJS.ProcessEnv = process.env) {
  const email = environment.ADMIN_EMAIL?.trim() || DEV_ADMIN.email;
  const password = environment.ADMIN_PASSWORD || DEV_ADMIN.password;
  if (isProduction(environment.NODE_ENV) && environment.ADMIN_PASSWORD !== undefined) {
    if (password === DEV_ADMIN.password || PLACEHOLDER.test(password)) {
      throw new InsecureConfigurationError('ADMIN_PASSWORD is the documented default or a placeholder');
    }
  }
  return { email, password };
}
