/**
 * The bodies of the account routes (register, forgot-password, send-email-confirmation,
 * reset-password), checked before anything else happens. Nothing here depends on which accounts
 * exist: every request gets the same answer for the same input.
 */

export type InputCode =
  | 'INVALID_BODY'
  | 'UNKNOWN_PARAMETERS'
  | 'INVALID_EMAIL'
  | 'INVALID_USERNAME'
  | 'INVALID_PASSWORD'
  | 'PASSWORDS_DO_NOT_MATCH'
  | 'INVALID_CODE'
  | 'INVALID_CONFIRMATION'
  | 'INVALID_CREDENTIALS';

export interface InputProblem {
  code: InputCode;
  message: string;
  /** The parameter at fault, when there is one. */
  field?: string;
}

export type Failure = { ok: false; problem: InputProblem };
export type Checked<T> = { ok: true; value: T } | Failure;

export const failed = <T>(checked: Checked<T>): checked is Failure => checked.ok === false;

// RFC 5321: 254 characters in a forward path, 64 in the local part.
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
// users-permissions' user schema: email minLength 6, username minLength 3, password minLength 6.
const EMAIL_MIN_LENGTH = 6;
export const USERNAME_MIN_LENGTH = 3;
// Database column of the username (varchar 255).
export const USERNAME_MAX_LENGTH = 255;
export const PASSWORD_MIN_LENGTH = 6;
// bcrypt reads 72 bytes and ignores the rest: a longer password would be silently truncated.
export const PASSWORD_MAX_BYTES = 72;
// A reset code is `<expiry>.<64 hex digits>` (reset-codes.ts), a confirmation token 40 hex digits:
// anything much longer is neither.
const CODE_MAX_LENGTH = 200;

// The HTML specification's e-mail address grammar (what browsers accept in <input type="email">),
// with at least one dot in the domain: addresses on a bare host name cannot be delivered to.
const EMAIL_ADDRESS = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = <T>(code: InputCode, message: string, field?: string): Checked<T> => ({
  ok: false,
  problem: field ? { code, message, field } : { code, message },
});

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object whose keys are all among `allowed`. */
export function checkBody(body: unknown, allowed: readonly string[]): Checked<Record<string, unknown>> {
  if (!isPlainObject(body)) return problem('INVALID_BODY', 'The request body must be a JSON object.');
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    return problem('UNKNOWN_PARAMETERS', `Unknown parameters: ${unknown.join(', ')}. Expected: ${allowed.join(', ')}.`);
  }
  return ok(body);
}

/** An e-mail address, trimmed and lower-cased (users-permissions stores and looks addresses up in lower case). */
export function checkEmail(value: unknown, field = 'email'): Checked<string> {
  if (typeof value !== 'string') return problem('INVALID_EMAIL', `\`${field}\` must be an e-mail address (a string).`, field);
  const email = value.trim().toLowerCase();
  if (email.length < EMAIL_MIN_LENGTH || email.length > EMAIL_MAX_LENGTH) {
    return problem(
      'INVALID_EMAIL',
      `\`${field}\` must be an e-mail address of ${EMAIL_MIN_LENGTH} to ${EMAIL_MAX_LENGTH} characters.`,
      field,
    );
  }
  if (!EMAIL_ADDRESS.test(email) || email.indexOf('@') > LOCAL_PART_MAX_LENGTH) {
    return problem('INVALID_EMAIL', `\`${field}\` is not a valid e-mail address.`, field);
  }
  return ok(email);
}

/**
 * A username. One that looks like an e-mail address must be the account's own address: a username
 * equal to someone else's address would let its owner's login identifier reach another account,
 * and refusing it would tell that the address has an account.
 */
export function checkUsername(value: unknown, email: string): Checked<string> {
  if (typeof value !== 'string') return problem('INVALID_USERNAME', '`username` must be a string.', 'username');
  if (value.length < USERNAME_MIN_LENGTH || value.length > USERNAME_MAX_LENGTH) {
    return problem(
      'INVALID_USERNAME',
      `\`username\` must be ${USERNAME_MIN_LENGTH} to ${USERNAME_MAX_LENGTH} characters long.`,
      'username',
    );
  }
  if (value.trim() !== value || CONTROL_CHARACTERS.test(value)) {
    return problem('INVALID_USERNAME', '`username` must not start or end with spaces or contain control characters.', 'username');
  }
  if (value.includes('@') && value.toLowerCase() !== email) {
    return problem('INVALID_USERNAME', '`username` may only contain "@" when it is the e-mail address itself.', 'username');
  }
  return ok(value);
}

export function checkPassword(value: unknown, field = 'password'): Checked<string> {
  if (typeof value !== 'string') return problem('INVALID_PASSWORD', `\`${field}\` must be a string.`, field);
  if (value.length < PASSWORD_MIN_LENGTH) {
    return problem('INVALID_PASSWORD', `\`${field}\` must be at least ${PASSWORD_MIN_LENGTH} characters long.`, field);
  }
  if (Buffer.byteLength(value, 'utf8') > PASSWORD_MAX_BYTES) {
    return problem('INVALID_PASSWORD', `\`${field}\` must be at most ${PASSWORD_MAX_BYTES} bytes long (UTF-8).`, field);
  }
  return ok(value);
}

export interface Registration {
  email: string;
  username: string;
  password: string;
  /** Further user attributes the project accepts at registration (users-permissions' `register.allowedFields`). */
  extra: Record<string, unknown>;
}

export function checkRegistration(body: unknown, allowedFields: readonly string[] = []): Checked<Registration> {
  const checked = checkBody(body, ['username', 'email', 'password', ...allowedFields]);
  if (failed(checked)) return checked;
  const { username, email, password, ...extra } = checked.value;
  const address = checkEmail(email);
  if (failed(address)) return address;
  const name = checkUsername(username, address.value);
  if (failed(name)) return name;
  const secret = checkPassword(password);
  if (failed(secret)) return secret;
  return ok({ email: address.value, username: name.value, password: secret.value, extra });
}

/** `{ email }`: forgot-password and send-email-confirmation. */
export function checkAddressRequest(body: unknown): Checked<{ email: string }> {
  const checked = checkBody(body, ['email']);
  if (failed(checked)) return checked;
  const email = checkEmail(checked.value.email);
  return failed(email) ? email : ok({ email: email.value });
}

export interface PasswordReset {
  code: string;
  password: string;
}

export function checkPasswordReset(body: unknown): Checked<PasswordReset> {
  const checked = checkBody(body, ['code', 'password', 'passwordConfirmation']);
  if (failed(checked)) return checked;
  const { code, password, passwordConfirmation } = checked.value;
  if (typeof code !== 'string' || code === '' || code.length > CODE_MAX_LENGTH) {
    return problem('INVALID_CODE', '`code` must be the code from the password reset e-mail.', 'code');
  }
  const secret = checkPassword(password);
  if (failed(secret)) return secret;
  if (typeof passwordConfirmation !== 'string') {
    return problem('INVALID_PASSWORD', '`passwordConfirmation` must be a string.', 'passwordConfirmation');
  }
  if (passwordConfirmation !== secret.value) {
    return problem('PASSWORDS_DO_NOT_MATCH', '`password` and `passwordConfirmation` differ.', 'passwordConfirmation');
  }
  return ok({ code, password: secret.value });
}

/** The query of the confirmation link: `?confirmation=<token>`. */
export function checkConfirmation(query: unknown): Checked<{ confirmation: string }> {
  const confirmation = isPlainObject(query) ? query.confirmation : undefined;
  if (typeof confirmation !== 'string' || confirmation === '' || confirmation.length > CODE_MAX_LENGTH) {
    return problem('INVALID_CONFIRMATION', '`confirmation` must be the token from the confirmation e-mail.', 'confirmation');
  }
  return ok({ confirmation });
}

export interface Login {
  identifier: string;
  password: string;
}

/** `{ identifier, password }`: the local login. The password is not checked against the rules here. */
export function checkLogin(body: unknown): Checked<Login> {
  const checked = checkBody(body, ['identifier', 'password']);
  if (failed(checked)) return checked;
  const { identifier, password } = checked.value;
  if (typeof identifier !== 'string' || identifier === '' || identifier.length > USERNAME_MAX_LENGTH) {
    return problem('INVALID_CREDENTIALS', '`identifier` must be the e-mail address or username of the account.', 'identifier');
  }
  if (typeof password !== 'string' || password === '' || Buffer.byteLength(password) > 1024) {
    return problem('INVALID_CREDENTIALS', '`password` must be the password of the account.', 'password');
  }
  return ok({ identifier, password });
}
