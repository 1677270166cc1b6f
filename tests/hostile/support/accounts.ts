import { randomBytes } from 'crypto';
import fc from 'fast-check';
import qs from 'qs';
import { linkIn, nextMessage, settle } from '../../helpers/mail';
import { PROTOTYPE_KEYS, objectOf, text } from './arbitraries';
import { fingerprinter, Violation } from './checks';
import type { Answer, HostileRequest } from './requests';
import type { Endpoint, EndpointSpec, Harness } from './run';
import { PASSWORD, type World } from './world';

// The account routes anyone can reach: registration, login, forgot-password, resending the
// confirmation, following the confirmation link and resetting a password. Their answers must not
// depend on whether an address has an account, must never carry a password hash or a token, and
// a refused request must create or change nothing (users, the outbox, the mailbox).

const OUTBOX_TABLE = 'accounts_outbox_messages';
const WRONG_CREDENTIALS = 'Invalid identifier or password';

/** Real confirmation tokens and reset codes, each good once: the generators use them among forged ones. */
export interface AccountTokens {
  confirmations: string[];
  resetCodes: string[];
  /** Tokens and codes that were accepted once already. */
  used: Set<string>;
}

const unique = () => `hostile-${randomBytes(5).toString('hex')}`;

/** Accounts made through the API, unconfirmed (their confirmation links) and confirmed (their reset codes). */
export async function plantAccountTokens(world: World, count = 12): Promise<AccountTokens> {
  const tokens: AccountTokens = { confirmations: [], resetCodes: [], used: new Set() };
  const request = () => world.app.request();
  for (let index = 0; index < count; index += 1) {
    const username = unique();
    const email = `${username}@wsis.test`;
    await request().post('/api/auth/local/register').send({ username, email, password: PASSWORD }).expect(200);
    const confirmation = linkIn(await nextMessage(world.strapi, email, /confirmation/i)).searchParams.get('confirmation')!;
    if (index % 2 === 0) {
      tokens.confirmations.push(confirmation);
      continue;
    }
    await request().get(`/api/auth/email-confirmation?confirmation=${confirmation}`).expect(302);
    await request().post('/api/auth/forgot-password').send({ email }).expect(200);
    const reset = await nextMessage(world.strapi, email, /reset/i);
    tokens.resetCodes.push(linkIn(reset).searchParams.get('code')!);
  }
  await settle(world.strapi);
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Generators

function addresses(world: World): fc.Arbitrary<unknown> {
  const fresh = fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 4, maxLength: 12 })
    .map((local) => `hostile-${local}@wsis.test`);
  return fc.oneof(
    { weight: 6, arbitrary: fresh },
    { weight: 3, arbitrary: fc.constantFrom(world.alice.email, world.bob.email, world.alice.email.toUpperCase(), ` ${world.bob.email} `) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<unknown>(
        'a@b',
        '@',
        'no-at-sign',
        'a@b..org',
        '"quoted"@wsis.test',
        'a@[127.0.0.1]',
        'ü@wsis.test',
        'a@wsis.test\r\nBcc: victim@example.org',
        'a@wsis.test, victim@example.org',
        '<a@wsis.test>',
        'a@wsis.test>',
        `${'a'.repeat(65)}@wsis.test`,
        `a@${'b'.repeat(250)}.org`,
        'A@WSIS.TEST',
        '',
        ' ',
      ),
    },
    { weight: 2, arbitrary: text({ maxLength: 1000, known: [], nul: true }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 1, true, [world.alice.email], { $ne: null }, { email: world.alice.email }) },
  );
}

function usernames(world: World): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.'), minLength: 3, maxLength: 20 })
        .map((name) => `u-${name}`),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        world.alice.username,
        world.bob.email,
        world.alice.username.toUpperCase(),
        ' padded ',
        'ab',
        'x'.repeat(256),
        'tab\tname',
        'admin',
      ),
    },
    { weight: 2, arbitrary: text({ maxLength: 1000, known: [], nul: true }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 12345, false, ['name'], { $gt: '' }) },
  );
}

function passwords(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(PASSWORD) },
    { weight: 4, arbitrary: fc.string({ minLength: 6, maxLength: 30 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        '',
        'short',
        'é'.repeat(37),
        'x'.repeat(72),
        'x'.repeat(73),
        '🇨🇭'.repeat(20),
        'x'.repeat(100_000),
      ),
    },
    { weight: 2, arbitrary: text({ maxLength: 5000, known: [], nul: true }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 123456, true, ['Geneva-2012'], { $ne: '' }) },
  );
}

/** Extra body keys: the ones users-permissions would take, the privileged ones, prototype keys. */
const extraKeys = fc.array(
  fc.tuple(
    fc.constantFrom(
      'role',
      'confirmed',
      'blocked',
      'provider',
      'id',
      'resetPasswordToken',
      'confirmationToken',
      'data',
      'email ',
      ...PROTOTYPE_KEYS,
    ),
    fc.constantFrom<unknown>(1, true, 'admin', { id: 1 }, null),
  ),
  { maxLength: 2 },
);

type Fields = Record<string, fc.Arbitrary<unknown>>;

/** A body made of `fields` (each sometimes left out), extra keys sometimes, in bent envelopes sometimes. */
function bodyOf(fields: Fields): fc.Arbitrary<HostileRequest['body']> {
  const object = fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.oneof({ weight: 8, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: extraKeys }),
    )
    .map(([record, extra]) => objectOf<unknown>([...(Object.entries(record) as [string, unknown][]), ...extra]));
  const complete = fc.record(fields);
  return fc.oneof(
    { weight: 6, arbitrary: complete.map((json) => ({ json })) },
    { weight: 3, arbitrary: object.map((json) => ({ json })) },
    { weight: 1, arbitrary: complete.map((json) => ({ json: { data: json } })) },
    { weight: 1, arbitrary: complete.map((json) => ({ raw: qs.stringify(json), contentType: 'application/x-www-form-urlencoded' })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 0, [{}]).map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { raw: '{"email":', contentType: 'application/json' },
        { raw: '', contentType: 'application/json' },
        { raw: 'email=a@wsis.test', contentType: 'text/plain' },
        { raw: `${'['.repeat(3000)}${']'.repeat(3000)}`, contentType: 'application/json' },
        { raw: `{"email":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json' },
      ),
    },
  );
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/** Confirmation tokens and reset codes: real ones sometimes, forged and malformed ones. */
function tokensFrom(pool: () => string[], shape: 'confirmation' | 'code'): fc.Arbitrary<unknown> {
  const forged =
    shape === 'code'
      ? fc.oneof(
          fc.constantFrom(
            `${Date.now() + 3_600_000}.${'0'.repeat(64)}`,
            `${Date.now() - 1}.${'a'.repeat(64)}`,
            '9'.repeat(20),
            'redeemed.x',
            `${Date.now() + 3_600_000}.`,
            '.',
          ),
          hex(64).map((secret) => `${Date.now() + 3_600_000}.${secret}`),
        )
      : fc.oneof(hex(40), fc.constantFrom('0'.repeat(40), 'null', 'undefined', 'true'));
  return fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((index) => pool()[index % Math.max(1, pool().length)] ?? 'none') },
    { weight: 4, arbitrary: forged },
    { weight: 2, arbitrary: text({ maxLength: 500, known: [], nul: true }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 1, ['a'], { $ne: null }, '', 'x'.repeat(201)) },
  );
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Strings of the request, trimmed and lower-cased as the server normalises addresses: echoed back, not leaked. */
function sentStrings(request: HostileRequest): string[] {
  const strings: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') strings.push(value, value.trim().toLowerCase());
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  if (request.body && 'json' in request.body) visit(request.body.json);
  if (request.body && 'raw' in request.body) visit(qs.parse(request.body.raw));
  return strings;
}

const PRIVATE = new Set(['password', 'resetPasswordToken', 'confirmationToken', 'submittedBy', 'contactEmail', 'moderatorNote']);

function expectExactly(answer: Answer, expected: unknown) {
  if (JSON.stringify(answer.json) !== JSON.stringify(expected))
    throw new Violation(`answered ${JSON.stringify(answer.json)} where ${JSON.stringify(expected)} was due`);
}

/** The body as the server parses it (JSON, or a form). */
function bodyJson(request: HostileRequest): Record<string, unknown> | undefined {
  const { body } = request;
  if (body && 'json' in body) return body.json as Record<string, unknown>;
  if (body && 'raw' in body && body.contentType === 'application/x-www-form-urlencoded')
    return qs.parse(body.raw) as Record<string, unknown>;
  return undefined;
}

/** The address as the server normalises it, when it is one it accepts. */
const normalised = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : undefined);

// ---------------------------------------------------------------------------------------------
// Endpoints

export function accountSpecs(tokens: () => AccountTokens): EndpointSpec[] {
  const writes = async (world: World) => {
    const fingerprint = await fingerprinter(world.strapi, { exclude: [OUTBOX_TABLE, 'strapi_sessions'] });
    const mailbox = world.strapi.plugin('accounts').service('mailbox');
    return {
      // Every message sent goes through the outbox to the local mailbox: its count is the outbox's work.
      fingerprint: async () => ({ ...(await fingerprint()), mailbox: String(mailbox.messages().length) }),
      settle: () => settle(world.strapi),
    };
  };
  // What was sent comes back (the address, normalised); a session answers with its account's address.
  const allowedSecrets = (request: HostileRequest, answer: Answer) => {
    const own = answer.status === 200 ? (answer.json as { user?: { email?: string } } | undefined)?.user?.email : undefined;
    return [...sentStrings(request), ...(own ? [own] : [])];
  };
  const profile = { privateKeys: PRIVATE, allowedSecrets };

  const spec = (
    name: string,
    build: (harness: Harness) => Promise<Partial<Endpoint> & { requests: fc.Arbitrary<HostileRequest> }>,
  ): EndpointSpec => ({
    name,
    build: async (harness) => ({ profile, writes: await writes(harness.world), refreshSecrets: 25, ...(await build(harness)) }),
  });
  const post =
    (path: string) =>
    (body: HostileRequest['body']): HostileRequest => ({ caller: 'anonymous', method: 'POST', path, body });

  return [
    spec('POST /api/auth/local/register', async ({ world }) => ({
      requests: bodyOf({ username: usernames(world), email: addresses(world), password: passwords() }).map(
        post('/api/auth/local/register'),
      ),
      expect: (request: HostileRequest, answer: Answer) => {
        // The same answer whether the address or the username has an account.
        if (answer.status === 200)
          expectExactly(answer, {
            email: normalised(bodyJson(request)?.email),
            sent: true,
          });
      },
    })),
    spec('POST /api/auth/local', async ({ world }) => ({
      requests: bodyOf({
        identifier: fc.oneof(addresses(world), usernames(world), fc.constantFrom(world.alice.email, world.bob.username)),
        password: passwords(),
      }).map(post('/api/auth/local')),
      expect: (request: HostileRequest, answer: Answer) => {
        const body = bodyJson(request);
        if (answer.status === 200) {
          const user = (answer.json as { user?: { email?: string } }).user;
          const owner = [world.alice, world.bob].find((person) => person.email === user?.email);
          if (!owner || body?.password !== PASSWORD) throw new Violation(`logged in as ${user?.email} with ${JSON.stringify(body)}`);
          return;
        }
        // Wrong credentials answer alike for every well-formed identifier, account or not.
        const wellFormed =
          body &&
          typeof body.identifier === 'string' &&
          body.identifier !== '' &&
          body.identifier.length <= 255 &&
          typeof body.password === 'string' &&
          body.password !== '' &&
          Buffer.byteLength(body.password) <= 1024;
        const error = (answer.json as { error?: { details?: { code?: string }; message?: string } } | undefined)?.error;
        if (
          answer.status === 400 &&
          wellFormed &&
          Object.keys(body).length === 2 &&
          error?.details?.code === 'INVALID_CREDENTIALS' &&
          error.message !== WRONG_CREDENTIALS
        ) {
          throw new Violation(`a well-formed login was refused with "${error.message}", not the one answer for wrong credentials`);
        }
      },
    })),
    spec('POST /api/auth/forgot-password', async ({ world }) => ({
      requests: bodyOf({ email: addresses(world) }).map(post('/api/auth/forgot-password')),
      expect: (_request: HostileRequest, answer: Answer) => {
        if (answer.status === 200) expectExactly(answer, { ok: true });
      },
    })),
    spec('POST /api/auth/send-email-confirmation', async ({ world }) => ({
      requests: bodyOf({ email: addresses(world) }).map(post('/api/auth/send-email-confirmation')),
      expect: (request: HostileRequest, answer: Answer) => {
        if (answer.status === 200)
          expectExactly(answer, {
            email: normalised(bodyJson(request)?.email),
            sent: true,
          });
      },
    })),
    spec('GET /api/auth/email-confirmation', async () => ({
      requests: fc
        .oneof(
          {
            weight: 8,
            arbitrary: tokensFrom(() => tokens().confirmations, 'confirmation').map((confirmation) => qs.stringify({ confirmation })),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              'confirmation',
              'confirmation[]=a',
              'confirmation=a&confirmation=b',
              'confirmation[$ne]=x',
              'token=x',
            ),
          },
        )
        .map((query): HostileRequest => ({ caller: 'anonymous', method: 'GET', path: '/api/auth/email-confirmation', query })),
      expect: (request: HostileRequest, answer: Answer) => {
        if (answer.status >= 400) return;
        const token = qs.parse(request.query ?? '').confirmation as string;
        if (!tokens().confirmations.includes(token))
          throw new Violation(`a confirmation token that was never issued was accepted (${answer.status})`);
        if (tokens().used.has(token)) throw new Violation('a confirmation link worked twice');
        tokens().used.add(token);
      },
    })),
    spec('POST /api/auth/reset-password', async () => ({
      requests: bodyOf({
        code: tokensFrom(() => tokens().resetCodes, 'code'),
        password: fc.oneof({ weight: 4, arbitrary: fc.constant('Tunis-2005!') }, { weight: 1, arbitrary: passwords() }),
        passwordConfirmation: fc.oneof({ weight: 4, arbitrary: fc.constant('Tunis-2005!') }, { weight: 1, arbitrary: passwords() }),
      }).map(post('/api/auth/reset-password')),
      expect: (request: HostileRequest, answer: Answer) => {
        if (answer.status >= 400) return;
        const code = bodyJson(request)?.code as string;
        if (!tokens().resetCodes.includes(code)) throw new Violation(`a reset code that was never issued was accepted (${answer.status})`);
        if (tokens().used.has(code)) throw new Violation('a reset code worked twice');
        tokens().used.add(code);
      },
    })),
  ];
}
