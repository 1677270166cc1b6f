import { bootApp, TestApp } from '../helpers/strapi';

const FOREIGN = 'https://evil.example';
const RATE_LIMIT = { enabled: true, interval: { min: 5 }, max: 3 };

/** Boots with these environment variables, read once when Strapi loads its configuration. */
async function bootWith(variables: Record<string, string>): Promise<TestApp> {
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await bootApp();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The users-permissions login rate limit (off in the test environment), on for one test. */
async function withRateLimit(app: TestApp, work: () => Promise<void>) {
  const previous = app.strapi.config.get('plugin::users-permissions.ratelimit');
  app.strapi.config.set('plugin::users-permissions.ratelimit', RATE_LIMIT);
  try {
    await work();
  } finally {
    app.strapi.config.set('plugin::users-permissions.ratelimit', previous);
  }
}

/** Failed logins until the limit, then one more: the statuses, e.g. [400, 400, 400, 429]. */
async function loginStatuses(app: TestApp, forwardedFor: (attempt: number) => string | undefined, attempts = RATE_LIMIT.max + 1) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const request = app.request().post('/api/auth/local');
    const header = forwardedFor(attempt);
    if (header) request.set('X-Forwarded-For', header);
    statuses.push((await request.send({ identifier: 'nobody@wsis.test', password: 'not-the-password' })).status);
  }
  return statuses;
}

const corsHeaders = (response: { headers: Record<string, string> }) => ({
  origin: response.headers['access-control-allow-origin'],
  credentials: response.headers['access-control-allow-credentials'],
});

describe('by default (test environment, no CORS_ORIGINS, no proxy)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('gives a foreign origin no Access-Control-Allow-Origin and no credentials, on a request or a preflight', async () => {
    const response = await app.request().get('/api/events').set('Origin', FOREIGN).expect(200);
    expect(corsHeaders(response)).toEqual({ origin: undefined, credentials: undefined });
    const preflight = await app.request().options('/api/auth/local').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST');
    expect(corsHeaders(preflight)).toEqual({ origin: undefined, credentials: undefined });
  });

  it("allows the server's own local origin in development and test", async () => {
    const response = await app.request().get('/api/events').set('Origin', 'http://localhost:1337').expect(200);
    expect(corsHeaders(response)).toEqual({ origin: 'http://localhost:1337', credentials: 'true' });
  });

  it('ignores X-Forwarded-For: a client cannot pick a fresh login rate-limit bucket by sending one', async () => {
    await withRateLimit(app, async () => {
      expect(await loginStatuses(app, (attempt) => `198.51.100.${attempt + 1}`)).toEqual([400, 400, 400, 429]);
    });
  });
});

describe('with CORS_ORIGINS and SERVER_PROXY=true', () => {
  const SITE = 'https://www.wsis.example';
  let app: TestApp;
  beforeAll(async () => {
    app = await bootWith({ CORS_ORIGINS: `${SITE}, https://admin.wsis.example`, SERVER_PROXY: 'true' });
  });
  afterAll(async () => {
    await app?.destroy();
  });

  it('allows exactly the configured origins, with credentials', async () => {
    const allowed = await app.request().get('/api/events').set('Origin', SITE).expect(200);
    expect(corsHeaders(allowed)).toEqual({ origin: SITE, credentials: 'true' });
    const preflight = await app
      .request()
      .options('/api/auth/local')
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(corsHeaders(preflight)).toEqual({ origin: SITE, credentials: 'true' });
    for (const origin of [FOREIGN, 'http://localhost:1337', `${SITE}.evil.example`]) {
      expect(corsHeaders(await app.request().get('/api/events').set('Origin', origin).expect(200))).toEqual({
        origin: undefined,
        credentials: undefined,
      });
    }
  });

  it('counts failed logins per client address from X-Forwarded-For', async () => {
    await withRateLimit(app, async () => {
      expect(await loginStatuses(app, () => '203.0.113.10')).toEqual([400, 400, 400, 429]);
      // Another client behind the same proxy has a bucket of its own.
      expect(await loginStatuses(app, () => '203.0.113.11', 1)).toEqual([400]);
    });
  });

  it('reads the address the proxy wrote, not what the client put before it', async () => {
    await withRateLimit(app, async () => {
      expect(await loginStatuses(app, (attempt) => `192.0.2.${attempt + 1}, 203.0.113.20`)).toEqual([400, 400, 400, 429]);
    });
  });
});
