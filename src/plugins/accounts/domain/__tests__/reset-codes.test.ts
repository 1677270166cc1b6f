import { isExpired, issueResetCode, storedFormOf } from '../reset-codes';

const SECRET = 'ab'.repeat(32);
const NOW = Date.UTC(2011, 8, 5, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

describe('reset codes', () => {
  it('carry their expiry, and the database keeps a hash of the secret only', () => {
    const issued = issueResetCode(SECRET, NOW, HOUR);
    expect(issued.expiresAt).toBe(NOW + HOUR);
    expect(issued.code).toBe(`${NOW + HOUR}.${SECRET}`);
    expect(issued.stored).toMatch(new RegExp(`^${NOW + HOUR}\\.[0-9a-f]{64}$`));
    expect(issued.stored).not.toContain(SECRET);
  });

  it('find their stored form again', () => {
    const issued = issueResetCode(SECRET, NOW, HOUR);
    expect(storedFormOf(issued.code)).toBe(issued.stored);
  });

  it('cannot be extended: a code with a later expiry no longer matches what is stored', () => {
    const issued = issueResetCode(SECRET, NOW, HOUR);
    const forged = `${NOW + 10 * HOUR}.${SECRET}`;
    expect(storedFormOf(forged)).not.toBe(issued.stored);
  });

  it('are usable up to and including their expiry, not a millisecond later', () => {
    const { code } = issueResetCode(SECRET, NOW, HOUR);
    expect(isExpired(code, NOW)).toBe(false);
    expect(isExpired(code, NOW + HOUR)).toBe(false);
    expect(isExpired(code, NOW + HOUR + 1)).toBe(true);
  });

  it.each([
    ['users-permissions token', 'a'.repeat(128)],
    ['no expiry', SECRET],
    ['upper-case hex', `${NOW}.${'AB'.repeat(32)}`],
    ['empty', ''],
  ])('treat anything else (%s) as no code at all', (_label, code) => {
    expect(storedFormOf(code)).toBeNull();
    expect(isExpired(code, NOW)).toBe(true);
  });

  it('need a 64-hex-digit secret and a positive lifetime', () => {
    expect(() => issueResetCode('short', NOW, HOUR)).toThrow(/64 hex digits/);
    expect(() => issueResetCode(SECRET, NOW, 0)).toThrow(/positive/);
  });
});
