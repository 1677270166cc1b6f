import { createHash } from 'crypto';

/**
 * Password reset codes that expire. users-permissions keeps a reset token forever and compares it
 * as stored; here the code mailed to the user carries its expiry, and the database keeps only a
 * hash of its secret part:
 *
 *   code (in the e-mail)   `<expiresAt, ms since epoch>.<secret, 64 hex digits>`
 *   stored (resetPasswordToken)   `<expiresAt>.<sha256 of the secret>`
 *
 * The expiry cannot be altered: a changed code no longer matches what is stored. A copy of the
 * database holds no usable code.
 */

const CODE = /^(\d{1,15})\.([0-9a-f]{64})$/;

export interface ResetCode {
  /** What the user receives. */
  code: string;
  /** What the database keeps, and looks the user up by. */
  stored: string;
  expiresAt: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `secret`: 32 random bytes as 64 hex digits (crypto.randomBytes(32).toString('hex')). */
export function issueResetCode(secret: string, now: number, lifetime: number): ResetCode {
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error('A reset code secret is 64 hex digits');
  if (!(lifetime > 0)) throw new Error('A reset code lifetime is a positive number of milliseconds');
  const expiresAt = now + lifetime;
  return { code: `${expiresAt}.${secret}`, stored: `${expiresAt}.${sha256(secret)}`, expiresAt };
}

/** The stored form of a code, or `null` when it is not a code at all. */
export function storedFormOf(code: string): string | null {
  const match = CODE.exec(code);
  return match ? `${match[1]}.${sha256(match[2])}` : null;
}

/** A code is usable up to and including its expiry instant; malformed codes are never usable. */
export function isExpired(code: string, now: number): boolean {
  const match = CODE.exec(code);
  return !match || now > Number(match[1]);
}
