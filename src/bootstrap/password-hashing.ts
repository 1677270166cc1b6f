import { createRequire } from 'module';

/*
 * bcryptjs 2.4.3, which users-permissions, the admin and the Document Service hash and compare
 * passwords with, never returns on a string holding a lone surrogate (`"\udfff"`, valid in JSON):
 * its UTF-8 conversion grows an array until V8 aborts the whole process. One login with such a
 * password, for any account or none (a login without account still costs a comparison), brought
 * the server down. Passwords reach bcryptjs well-formed from here on: a lone surrogate is read as
 * U+FFFD, the replacement character, as any UTF-8 encoder does.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with each lone surrogate replaced by U+FFFD. */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

/** The packages that hash or compare passwords with bcryptjs (each may resolve its own copy). */
const CONSUMERS = ['@strapi/plugin-users-permissions', '@strapi/admin', '@strapi/core'];
const TAKES_PASSWORD = ['hash', 'hashSync', 'compare', 'compareSync'] as const;
const GUARDED = Symbol.for('wsis.bcryptjs.wellFormed');

type Bcrypt = Record<(typeof TAKES_PASSWORD)[number], (...args: unknown[]) => unknown> & { [GUARDED]?: true };

function bcryptOf(consumer: string): Bcrypt | null {
  for (const entry of [`${consumer}/package.json`, consumer]) {
    try {
      return createRequire(require.resolve(entry))('bcryptjs') as Bcrypt;
    } catch {
      // Not resolvable this way (package exports), or not installed: try the next.
    }
  }
  return null;
}

/** Makes every copy of bcryptjs the app's packages use take passwords as well-formed text. Idempotent. */
export function guardPasswordHashing(consumers: string[] = CONSUMERS): number {
  let guarded = 0;
  for (const bcrypt of new Set(consumers.map(bcryptOf))) {
    if (!bcrypt || bcrypt[GUARDED]) continue;
    for (const name of TAKES_PASSWORD) {
      const original = bcrypt[name];
      bcrypt[name] = function (this: unknown, password: unknown, ...rest: unknown[]) {
        return original.call(this, typeof password === 'string' ? wellFormed(password) : password, ...rest);
      };
    }
    bcrypt[GUARDED] = true;
    guarded += 1;
  }
  return guarded;
}
