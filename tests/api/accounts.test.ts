import { randomBytes } from 'crypto';
import { bootApp, TestApp } from '../helpers/strapi';
import { superAdminToken } from '../helpers/auth';
import { eventually, linkIn, mailbox, messagesTo, nextMessage, outbox, settle } from '../helpers/mail';

const USER = 'plugin::users-permissions.user';
const OUTBOX = 'plugin::accounts.outbox-message';
const PASSWORD = 'Geneva-2012';
const SECOND_PASSWORD = 'Tunis-2005!';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.destroy();
});

const unique = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;
const addressFor = (name: string) => `${unique(name)}@wsis.test`;
const post = (path: string, body: unknown) =>
  app
    .request()
    .post(path)
    .send(body as object);
const login = (identifier: string, password: string) => post('/api/auth/local', { identifier, password });
const userWith = (email: string) => app.strapi.db.query(USER).findOne({ where: { email } });

/** Registers through the API and follows the confirmation link: a stakeholder who can log in. */
async function confirmedAccount(name: string) {
  const email = addressFor(name);
  const username = unique(name);
  await post('/api/auth/local/register', { email, username, password: PASSWORD }).expect(200);
  const confirmation = await nextMessage(app.strapi, email, /confirmation/i);
  const link = linkIn(confirmation);
  await app.request().get(`${link.pathname}${link.search}`).expect(302);
  return { email, username };
}

describe('mail in tests', () => {
  it('goes to the local mailbox on 127.0.0.1, never anywhere else', () => {
    const options = app.strapi.config.get('plugin::email.providerOptions') as { host: string; port: number };
    expect(app.strapi.config.get('plugin::email.provider')).toBe('nodemailer');
    expect(options).toEqual(expect.objectContaining({ host: '127.0.0.1', port: mailbox(app.strapi).address().port }));
    expect(options.port).toBeGreaterThan(0);
  });

  it('keeps the outbox out of the content manager', async () => {
    const token = await superAdminToken(app.strapi, app.request);
    const response = await app.request().get('/content-manager/content-types').set('Authorization', `Bearer ${token}`).expect(200);
    const outboxType = response.body.data.find((type: { uid: string }) => type.uid === OUTBOX);
    expect(outboxType?.isDisplayed ?? false).toBe(false);
  });
});

describe('registration needs a confirmed address', () => {
  it('registers, mails a confirmation link that works once, and only then lets the stakeholder log in', async () => {
    const email = addressFor('ada');
    const username = unique('ada');
    const registered = await post('/api/auth/local/register', { email: email.toUpperCase(), username, password: PASSWORD }).expect(200);
    expect(registered.body).toEqual({ email, sent: true });

    const confirmation = await nextMessage(app.strapi, email, /confirmation/i);
    // users-permissions' shipped sender (no-reply@strapi.io) gives way to EMAIL_FROM.
    expect(confirmation.from).toBe('"WSIS platform" <no-reply@wsis.local>');
    const refused = await login(email, PASSWORD).expect(400);
    expect(refused.body.error.message).toMatch(/not confirmed/);
    expect(refused.body.error.details.code).toBe('EMAIL_NOT_CONFIRMED');

    const link = linkIn(confirmation);
    expect(link.pathname).toBe('/api/auth/email-confirmation');
    const confirmed = await app.request().get(`${link.pathname}${link.search}`).expect(302);
    expect(confirmed.headers.location).toBe('http://localhost:3000/account-confirmed');

    const again = await app.request().get(`${link.pathname}${link.search}`).expect(400);
    expect(again.body.error).toEqual(
      expect.objectContaining({ status: 400, name: 'ValidationError', details: expect.objectContaining({ code: 'INVALID_CONFIRMATION' }) }),
    );

    const session = await login(email, PASSWORD).expect(200);
    expect(session.body.user).toEqual(expect.objectContaining({ email, username, confirmed: true }));
  });

  it('refuses the JWT of an unconfirmed account on the content API (401), and accepts it once confirmed', async () => {
    const email = addressFor('unconfirmed');
    await post('/api/auth/local/register', { email, username: unique('unconfirmed'), password: PASSWORD }).expect(200);
    const confirmation = await nextMessage(app.strapi, email, /confirmation/i);
    const user = await userWith(email);
    expect(user.confirmed).toBe(false);
    const jwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });

    await app.request().get('/api/stocktaking-entries/mine').set('Authorization', `Bearer ${jwt}`).expect(401);
    await app
      .request()
      .post('/api/stocktaking-entries')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ data: { title: 'Telecentres' } })
      .expect(401);

    const link = linkIn(confirmation);
    await app.request().get(`${link.pathname}${link.search}`).expect(302);
    await app.request().get('/api/stocktaking-entries/mine').set('Authorization', `Bearer ${jwt}`).expect(200);
  });

  it('answers a registration with a registered address exactly like a new one, and mails the owner a way in instead', async () => {
    const owner = await confirmedAccount('owner');
    const newcomer = addressFor('newcomer');

    const forExisting = await post('/api/auth/local/register', {
      email: owner.email,
      username: unique('intruder'),
      password: SECOND_PASSWORD,
    });
    const forNew = await post('/api/auth/local/register', { email: newcomer, username: unique('newcomer'), password: SECOND_PASSWORD });
    expect(forExisting.status).toBe(200);
    expect(forNew.status).toBe(forExisting.status);
    expect(forExisting.body).toEqual({ email: owner.email, sent: true });
    expect(forNew.body).toEqual({ email: newcomer, sent: true });
    expect(Object.keys(forExisting.headers).sort()).toEqual(Object.keys(forNew.headers).sort());

    const notice = await nextMessage(app.strapi, owner.email, /your account/i);
    expect(notice.text).toMatch(/already has one/);
    expect(linkIn(notice).href).toMatch(/^http:\/\/localhost:3000\/reset-password\?code=\d+\.[0-9a-f]{64}$/);
    await nextMessage(app.strapi, newcomer, /confirmation/i);

    // No second account, and the password given did not replace the owner's.
    expect(await app.strapi.db.query(USER).count({ where: { email: owner.email } })).toBe(1);
    await login(owner.email, SECOND_PASSWORD).expect(400);
    await login(owner.email, PASSWORD).expect(200);
  });

  it('gives the owner of an address pre-registered by someone else a reset link that sets their password and confirms it', async () => {
    const victim = addressFor('victim');
    await post('/api/auth/local/register', { email: victim, username: unique('squatter'), password: 'Squatter-1' }).expect(200);
    await nextMessage(app.strapi, victim, /confirmation/i);

    await post('/api/auth/local/register', { email: victim, username: unique('victim'), password: PASSWORD }).expect(200);
    const notice = await nextMessage(app.strapi, victim, /your account/i);
    const code = linkIn(notice).searchParams.get('code');
    const reset = await post('/api/auth/reset-password', { code, password: PASSWORD, passwordConfirmation: PASSWORD }).expect(200);
    expect(reset.body.user).toEqual(expect.objectContaining({ email: victim, confirmed: true }));

    await login(victim, 'Squatter-1').expect(400);
    await login(victim, PASSWORD).expect(200);
  });

  it('tells a registration with a taken username by e-mail, and creates nothing', async () => {
    const owner = await confirmedAccount('taken');
    const email = addressFor('second');
    const response = await post('/api/auth/local/register', { email, username: owner.username, password: PASSWORD }).expect(200);
    expect(response.body).toEqual({ email, sent: true });
    const notice = await nextMessage(app.strapi, email, /registration/i);
    expect(notice.text).toMatch(/username that is already taken/);
    expect(await userWith(email)).toBeNull();
  });

  it('answers send-email-confirmation alike for unknown, unconfirmed and confirmed addresses; only the unconfirmed one gets a link', async () => {
    const unconfirmed = addressFor('pending');
    await post('/api/auth/local/register', { email: unconfirmed, username: unique('pending'), password: PASSWORD }).expect(200);
    const first = await nextMessage(app.strapi, unconfirmed, /confirmation/i);
    const confirmed = (await confirmedAccount('done')).email;
    const unknown = addressFor('nobody');
    await settle(app.strapi);
    const before = mailbox(app.strapi).messages().length;

    const answers = await Promise.all(
      [unknown, unconfirmed, confirmed].map((email) => post('/api/auth/send-email-confirmation', { email })),
    );
    for (const [index, email] of [unknown, unconfirmed, confirmed].entries()) {
      expect(answers[index].status).toBe(200);
      expect(answers[index].body).toEqual({ email, sent: true });
    }

    const second = await nextMessage(app.strapi, unconfirmed, /confirmation/i, { after: first.id });
    await settle(app.strapi);
    expect(
      mailbox(app.strapi)
        .messages()
        .slice(before)
        .map((message) => message.envelope.to),
    ).toEqual([[unconfirmed]]);
    // The new link replaces the first one.
    const stale = linkIn(first);
    await app.request().get(`${stale.pathname}${stale.search}`).expect(400);
    const fresh = linkIn(second);
    await app.request().get(`${fresh.pathname}${fresh.search}`).expect(302);
  });
});

describe('password reset', () => {
  it('answers forgot-password for a known and an unknown address with the same status and body, and mails only the known one', async () => {
    const { email } = await confirmedAccount('forgetful');
    const unknown = addressFor('stranger');
    const known = await post('/api/auth/forgot-password', { email });
    const other = await post('/api/auth/forgot-password', { email: unknown });
    expect(known.status).toBe(200);
    expect(other.status).toBe(200);
    expect(known.body).toEqual({ ok: true });
    expect(other.body).toEqual(known.body);
    expect(other.text).toBe(known.text);

    const message = await nextMessage(app.strapi, email, /reset password/i);
    expect(linkIn(message).href).toMatch(/^http:\/\/localhost:3000\/reset-password\?code=\d+\.[0-9a-f]{64}$/);
    await settle(app.strapi);
    expect(messagesTo(app.strapi, unknown)).toEqual([]);
  });

  it('sets a new password with the link once; the same code then answers like an unknown one', async () => {
    const { email } = await confirmedAccount('resetter');
    await post('/api/auth/forgot-password', { email }).expect(200);
    const code = linkIn(await nextMessage(app.strapi, email, /reset password/i)).searchParams.get('code');

    // The database keeps a hash of the code's secret, not the code.
    const stored = (await userWith(email)).resetPasswordToken as string;
    expect(stored).not.toBe(code);
    expect(stored).not.toContain(code!.split('.')[1]);

    const reset = await post('/api/auth/reset-password', { code, password: SECOND_PASSWORD, passwordConfirmation: SECOND_PASSWORD }).expect(
      200,
    );
    expect(reset.body).toEqual(expect.objectContaining({ jwt: expect.any(String), user: expect.objectContaining({ email }) }));
    await login(email, SECOND_PASSWORD).expect(200);
    await login(email, PASSWORD).expect(400);

    const reused = await post('/api/auth/reset-password', { code, password: PASSWORD, passwordConfirmation: PASSWORD }).expect(400);
    const unknown = await post('/api/auth/reset-password', {
      code: `${Date.now() + 60_000}.${'0'.repeat(64)}`,
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    }).expect(400);
    expect(reused.body).toEqual(unknown.body);
    expect(reused.body.error).toEqual({
      status: 400,
      name: 'ValidationError',
      message: 'Incorrect code provided',
      details: { code: 'INVALID_CODE', field: 'code' },
    });
    await login(email, SECOND_PASSWORD).expect(200);
  });

  it('refuses an expired code with the same 400 as an unknown one', async () => {
    const { email } = await confirmedAccount('late');
    const lifetime = app.strapi.config.get('plugin::accounts.passwordReset.codeLifetime');
    expect(lifetime).toBe(60 * 60 * 1000);
    app.strapi.config.set('plugin::accounts.passwordReset.codeLifetime', 1);
    try {
      await post('/api/auth/forgot-password', { email }).expect(200);
      const code = linkIn(await nextMessage(app.strapi, email, /reset password/i)).searchParams.get('code');
      await new Promise((resolve) => setTimeout(resolve, 10));
      const expired = await post('/api/auth/reset-password', {
        code,
        password: SECOND_PASSWORD,
        passwordConfirmation: SECOND_PASSWORD,
      }).expect(400);
      const unknown = await post('/api/auth/reset-password', {
        code: `${Date.now() + 60_000}.${'1'.repeat(64)}`,
        password: SECOND_PASSWORD,
        passwordConfirmation: SECOND_PASSWORD,
      }).expect(400);
      expect(expired.body).toEqual(unknown.body);
      await login(email, PASSWORD).expect(200);
    } finally {
      app.strapi.config.set('plugin::accounts.passwordReset.codeLifetime', lifetime);
    }
  });
});

describe('the answer does not wait on account work', () => {
  it.each([
    ['forgot-password', 'password-reset', 'sendResetLink', () => ({ email: addressFor('slow') })],
    ['local/register', 'registration', 'register', () => ({ email: addressFor('slow'), username: unique('slow'), password: PASSWORD })],
    ['send-email-confirmation', 'registration', 'resendConfirmation', () => ({ email: addressFor('slow') })],
  ])(
    'POST /api/auth/%s answers while the account lookup, hashing and e-mail are still under way',
    async (route, serviceName, method, body) => {
      const service = app.strapi.plugin('accounts').service(serviceName);
      const original = service[method];
      let release: () => void = () => undefined;
      let started = false;
      service[method] = () => {
        started = true;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      };
      try {
        await post(`/api/auth/${route}`, body()).expect(200);
        await eventually(() => started, { what: 'the account work to start' });
      } finally {
        release();
        service[method] = original;
        await settle(app.strapi);
      }
    },
  );
});

describe('delivery never blocks or fails a request', () => {
  it('answers forgot-password 200 while the SMTP server is down, and delivers once it is back', async () => {
    const { email } = await confirmedAccount('patient');
    await settle(app.strapi);
    await mailbox(app.strapi).stop();
    try {
      await post('/api/auth/forgot-password', { email }).expect(200);
      await eventually(
        async () =>
          (await app.strapi.db.query(OUTBOX).findMany()).some((row) => row.message.to === email && row.attempts >= 2 && row.lastError),
        { what: 'two failed delivery attempts' },
      );
      expect(messagesTo(app.strapi, email).filter((message) => /reset password/i.test(message.subject))).toEqual([]);
    } finally {
      await mailbox(app.strapi).start();
    }
    const message = await nextMessage(app.strapi, email, /reset password/i);
    expect(linkIn(message).searchParams.get('code')).toMatch(/^\d+\.[0-9a-f]{64}$/);
    await eventually(async () => (await outbox(app.strapi).pending()) === 0, { what: 'the outbox to empty' });
  });

  it('drops a message after its last attempt, and logs it', async () => {
    const { email } = await confirmedAccount('unreachable');
    await settle(app.strapi);
    const maxAttempts = app.strapi.config.get('plugin::accounts.outbox.maxAttempts');
    const error = jest.spyOn(app.strapi.log, 'error');
    app.strapi.config.set('plugin::accounts.outbox.maxAttempts', 2);
    await mailbox(app.strapi).stop();
    try {
      await post('/api/auth/forgot-password', { email }).expect(200);
      await eventually(() => error.mock.calls.some(([line]) => String(line).includes(`to ${email} after 2 attempts`)), {
        what: 'the give-up log line',
      });
      expect(await outbox(app.strapi).pending()).toBe(0);
    } finally {
      error.mockRestore();
      app.strapi.config.set('plugin::accounts.outbox.maxAttempts', maxAttempts);
      await mailbox(app.strapi).start();
    }
    await settle(app.strapi);
    expect(messagesTo(app.strapi, email).filter((message) => /reset password/i.test(message.subject))).toEqual([]);
  });
});

describe('logging in', () => {
  it('answers wrong credentials alike for a known and an unknown account, after the same password check', async () => {
    const { email } = await confirmedAccount('login');
    const users = app.strapi.plugin('users-permissions').service('user');
    const checks = jest.spyOn(users, 'validatePassword');
    const known = await login(email, 'Wrong-password-1');
    const unknown = await login(addressFor('nobody'), 'Wrong-password-1');
    expect(checks).toHaveBeenCalledTimes(2);
    checks.mockRestore();
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(known.body);
    expect(known.body.error.details.code).toBe('INVALID_CREDENTIALS');
    await login(email, PASSWORD).expect(200);
  });
});

// Found by the hostile-input suite (tests/hostile): one login with the password "\udfff" (valid
// JSON) aborted the server process, bcryptjs 2.4.3 never returning on a lone surrogate.
describe('a password holding a lone surrogate', () => {
  const raw = (path: string, json: string) => app.request().post(path).set('Content-Type', 'application/json').send(json);

  it("is a wrong password at login (the admin's too) and registration takes it: the server keeps answering", async () => {
    const { email } = await confirmedAccount('surrogate');
    const refused = await raw('/api/auth/local', `{"identifier":"${email}","password":"\\udfff"}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.code).toBe('INVALID_CREDENTIALS');
    await raw('/api/auth/local', `{"identifier":"${addressFor('nobody')}","password":"pass\\ud800word"}`).expect(400);

    const newcomer = addressFor('surrogate-newcomer');
    await raw(
      '/api/auth/local/register',
      `{"email":"${newcomer}","username":"${unique('surrogate')}","password":"Geneva\\ud800-2012"}`,
    ).expect(200);
    await settle(app.strapi);
    expect(await userWith(newcomer)).toEqual(expect.objectContaining({ confirmed: false }));

    const token = await superAdminToken(app.strapi, app.request);
    expect(token).toEqual(expect.any(String));
    const admin = await app.strapi.db.query('admin::user').findOne({ where: {}, orderBy: { id: 'desc' } });
    await raw('/admin/login', `{"email":"${admin.email}","password":"\\udfff"}`).expect(400);
    await login(email, PASSWORD).expect(200);
  });
});

describe('malformed input answers 400 with a code, never 500', () => {
  const longAddress = `${'a'.repeat(64)}@${'b'.repeat(200)}.test`;
  it.each([
    ['forgot-password', { email: ['a@wsis.test'] }, 'INVALID_EMAIL'],
    ['forgot-password', { email: { $ne: '' } }, 'INVALID_EMAIL'],
    ['forgot-password', { email: 'not-an-address' }, 'INVALID_EMAIL'],
    ['forgot-password', { email: longAddress }, 'INVALID_EMAIL'],
    ['forgot-password', {}, 'INVALID_EMAIL'],
    ['forgot-password', [{ email: 'a@wsis.test' }], 'INVALID_BODY'],
    ['forgot-password', { email: 'a@wsis.test', url: 'https://evil.test' }, 'UNKNOWN_PARAMETERS'],
    ['send-email-confirmation', { email: 42 }, 'INVALID_EMAIL'],
    ['send-email-confirmation', { email: longAddress }, 'INVALID_EMAIL'],
    ['local/register', { email: { a: 1 }, username: 'someone', password: PASSWORD }, 'INVALID_EMAIL'],
    ['local/register', { email: 'x@wsis.test', username: ['someone'], password: PASSWORD }, 'INVALID_USERNAME'],
    ['local/register', { email: 'x@wsis.test', username: 'other@wsis.test', password: PASSWORD }, 'INVALID_USERNAME'],
    ['local/register', { email: 'x@wsis.test', username: 'someone', password: 123456789 }, 'INVALID_PASSWORD'],
    ['local/register', { email: 'x@wsis.test', username: 'someone', password: 'x'.repeat(73) }, 'INVALID_PASSWORD'],
    ['local/register', { email: 'x@wsis.test', username: 'someone', password: PASSWORD, confirmed: true }, 'UNKNOWN_PARAMETERS'],
    ['local/register', { email: 'x@wsis.test', username: 'someone', password: PASSWORD, role: 1 }, 'UNKNOWN_PARAMETERS'],
    ['reset-password', { code: { $ne: '' }, password: PASSWORD, passwordConfirmation: PASSWORD }, 'INVALID_CODE'],
    ['reset-password', { code: ['1.a'], password: PASSWORD, passwordConfirmation: PASSWORD }, 'INVALID_CODE'],
    ['reset-password', { code: 'x'.repeat(500), password: PASSWORD, passwordConfirmation: PASSWORD }, 'INVALID_CODE'],
    ['reset-password', { code: 'abc', password: PASSWORD, passwordConfirmation: 'other-password' }, 'PASSWORDS_DO_NOT_MATCH'],
    ['local', { identifier: { $ne: '' }, password: PASSWORD }, 'INVALID_CREDENTIALS'],
    ['local', { identifier: 'someone', password: ['x'] }, 'INVALID_CREDENTIALS'],
    ['local', { identifier: 'someone' }, 'INVALID_CREDENTIALS'],
    ['local', { identifier: 'someone', password: PASSWORD, provider: 'github' }, 'UNKNOWN_PARAMETERS'],
  ])('POST /api/auth/%s %j → %s', async (route, body, code) => {
    const response = await post(`/api/auth/${route}`, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 400, name: 'ValidationError', details: expect.objectContaining({ code }) }),
    });
    expect(response.body.error.message).toEqual(expect.any(String));
  });

  it.each([['confirmation[$ne]=x'], ['confirmation[]=a&confirmation[]=b'], ['confirmation='], ['']])(
    'GET /api/auth/email-confirmation?%s → 400 INVALID_CONFIRMATION',
    async (query) => {
      const response = await app.request().get(`/api/auth/email-confirmation?${query}`).expect(400);
      expect(response.body.error.details.code).toBe('INVALID_CONFIRMATION');
    },
  );

  it('sends nothing for refused input', async () => {
    await settle(app.strapi);
    expect(messagesTo(app.strapi, 'x@wsis.test')).toEqual([]);
    expect(await userWith('x@wsis.test')).toBeNull();
  });
});

describe("users-permissions' rate limit", () => {
  it('still answers 429 on the account routes once the limit is reached', async () => {
    const ratelimit = app.strapi.config.get('plugin::users-permissions.ratelimit');
    expect(ratelimit).toEqual(expect.objectContaining({ enabled: false }));
    app.strapi.config.set('plugin::users-permissions.ratelimit', { enabled: true, interval: 60_000, max: 3 });
    try {
      const email = addressFor('hammer');
      for (let attempt = 0; attempt < 3; attempt += 1) await post('/api/auth/forgot-password', { email }).expect(200);
      const limited = await post('/api/auth/forgot-password', { email }).expect(429);
      expect(limited.body.error.name).toBe('RateLimitError');
    } finally {
      app.strapi.config.set('plugin::users-permissions.ratelimit', ratelimit);
    }
  });
});
