import {
  checkAddressRequest,
  checkBody,
  checkConfirmation,
  checkEmail,
  checkPassword,
  checkPasswordReset,
  checkRegistration,
  checkUsername,
} from '../account-input';

const codeOf = (checked: { ok: boolean; problem?: { code: string } }) => (checked.ok ? 'ok' : checked.problem!.code);

describe('checkEmail', () => {
  it('trims and lower-cases an address', () => {
    expect(checkEmail('  Alice.Smith@ITU.int ')).toEqual({ ok: true, value: 'alice.smith@itu.int' });
  });

  it.each([
    ['not an address', 'nope'],
    ['no domain dot', 'someone@localhost'],
    ['two @', 'a@b@wsis.test'],
    ['a space inside', 'some one@wsis.test'],
    ['an empty string', ''],
    ['a number', 5],
    ['an array', ['a@wsis.test']],
    ['an object', { $ne: 'a@wsis.test' }],
    ['null', null],
    ['too long (255 characters)', `${'a'.repeat(60)}@${'b'.repeat(189)}.test`],
    ['a local part over 64 characters', `${'a'.repeat(65)}@wsis.test`],
  ])('refuses %s', (_label, value) => {
    expect(codeOf(checkEmail(value))).toBe('INVALID_EMAIL');
  });

  it('accepts an address of exactly 254 characters', () => {
    const address = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(56)}.test`;
    expect(address).toHaveLength(254);
    expect(codeOf(checkEmail(address))).toBe('ok');
  });
});

describe('checkUsername', () => {
  it('accepts a plain username and the address itself', () => {
    expect(codeOf(checkUsername('alice', 'alice@wsis.test'))).toBe('ok');
    expect(codeOf(checkUsername('Alice@WSIS.test', 'alice@wsis.test'))).toBe('ok');
  });

  it('refuses a username that is another address (it would be a login identifier for that address)', () => {
    expect(codeOf(checkUsername('bob@wsis.test', 'alice@wsis.test'))).toBe('INVALID_USERNAME');
  });

  it.each([['ab'], ['x'.repeat(256)], [' alice'], ['ali\nce'], [42], [['alice']], [{}]])('refuses %p', (value) => {
    expect(codeOf(checkUsername(value, 'alice@wsis.test'))).toBe('INVALID_USERNAME');
  });
});

describe('checkPassword', () => {
  it('accepts 6 characters up to 72 bytes', () => {
    expect(codeOf(checkPassword('secret'))).toBe('ok');
    expect(codeOf(checkPassword('x'.repeat(72)))).toBe('ok');
  });

  it('refuses what bcrypt would truncate: over 72 bytes, counted in UTF-8', () => {
    expect(codeOf(checkPassword('x'.repeat(73)))).toBe('INVALID_PASSWORD');
    // 24 Chinese characters are 72 bytes; 25 are 75.
    expect(codeOf(checkPassword('密'.repeat(24)))).toBe('ok');
    expect(codeOf(checkPassword('密'.repeat(25)))).toBe('INVALID_PASSWORD');
  });

  it.each([['short'], [123456], [null], [['secret1']]])('refuses %p', (value) => {
    expect(codeOf(checkPassword(value))).toBe('INVALID_PASSWORD');
  });
});

describe('checkBody', () => {
  it.each([[null], ['text'], [[1, 2]], [7]])('refuses a body that is not an object: %p', (body) => {
    expect(codeOf(checkBody(body, ['email']))).toBe('INVALID_BODY');
  });

  it('names the unknown parameters', () => {
    const checked = checkBody({ email: 'a@wsis.test', role: 1, confirmed: true }, ['email']);
    expect(checked).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'UNKNOWN_PARAMETERS', message: expect.stringContaining('role, confirmed') }),
    });
  });
});

describe('checkRegistration', () => {
  const valid = { email: 'New.Person@wsis.test', username: 'newperson', password: 'Geneva-2012' };

  it('gives the normalised address, the username and the password', () => {
    expect(checkRegistration(valid)).toEqual({
      ok: true,
      value: { email: 'new.person@wsis.test', username: 'newperson', password: 'Geneva-2012', extra: {} },
    });
  });

  it('refuses fields the server sets (role, confirmed) unless the project allows them', () => {
    expect(codeOf(checkRegistration({ ...valid, confirmed: true }))).toBe('UNKNOWN_PARAMETERS');
    expect(checkRegistration({ ...valid, organization: 'ITU' }, ['organization'])).toEqual({
      ok: true,
      value: expect.objectContaining({ extra: { organization: 'ITU' } }),
    });
  });

  it('reports the first problem, with the field', () => {
    expect(checkRegistration({ ...valid, email: 'nope' })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'INVALID_EMAIL', field: 'email' }),
    });
    expect(checkRegistration({ ...valid, password: 'abc' })).toEqual({
      ok: false,
      problem: expect.objectContaining({ code: 'INVALID_PASSWORD', field: 'password' }),
    });
  });
});

describe('checkAddressRequest', () => {
  it('takes one address and nothing else', () => {
    expect(checkAddressRequest({ email: 'A@wsis.test' })).toEqual({ ok: true, value: { email: 'a@wsis.test' } });
    expect(codeOf(checkAddressRequest({ email: 'a@wsis.test', url: 'https://evil.test' }))).toBe('UNKNOWN_PARAMETERS');
    expect(codeOf(checkAddressRequest({}))).toBe('INVALID_EMAIL');
  });
});

describe('checkPasswordReset', () => {
  const valid = { code: '1700000000000.abc', password: 'Geneva-2012', passwordConfirmation: 'Geneva-2012' };

  it('needs a code and the same password twice', () => {
    expect(checkPasswordReset(valid)).toEqual({ ok: true, value: { code: valid.code, password: 'Geneva-2012' } });
    expect(codeOf(checkPasswordReset({ ...valid, passwordConfirmation: 'Geneva-2013' }))).toBe('PASSWORDS_DO_NOT_MATCH');
  });

  it.each([[''], [5], [{ $ne: '' }], [['a']], ['x'.repeat(201)]])('refuses the code %p', (code) => {
    expect(codeOf(checkPasswordReset({ ...valid, code }))).toBe('INVALID_CODE');
  });
});

describe('checkConfirmation', () => {
  it('takes the token of the confirmation link', () => {
    expect(checkConfirmation({ confirmation: 'a'.repeat(40) })).toEqual({ ok: true, value: { confirmation: 'a'.repeat(40) } });
  });

  it.each([[{}], [{ confirmation: '' }], [{ confirmation: ['a', 'b'] }], [{ confirmation: { $ne: 'x' } }], [undefined]])(
    'refuses %p',
    (query) => {
      expect(codeOf(checkConfirmation(query))).toBe('INVALID_CONFIRMATION');
    },
  );
});
