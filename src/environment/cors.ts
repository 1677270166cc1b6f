import { usesDevelopmentDefaults } from './secrets';

/**
 * The origins whose pages may call this server from a browser, with credentials (CORS):
 * CORS_ORIGINS, a comma-separated list of origins. Without it, this server's own local origins in
 * development and test, and none in production mode: same-origin requests, the admin's included,
 * need no CORS, and Strapi's default would hand any origin the credentials of its visitors.
 */
export function readCorsOrigins(environment: NodeJS.ProcessEnv = process.env): string[] {
  const configured = environment.CORS_ORIGINS?.trim();
  if (!configured) {
    const port = environment.PORT || '1337';
    return usesDevelopmentDefaults(environment) ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : [];
  }
  return configured
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map(assertOrigin);
}

function assertOrigin(value: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  // A wildcard, a path or a trailing slash never equals the Origin header a browser sends.
  if (origin !== value) throw new Error(`CORS_ORIGINS: "${value}" is not an origin such as https://www.example.org`);
  return origin;
}
