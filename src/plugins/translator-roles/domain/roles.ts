/**
 * Translator roles are admin roles recognised by their code: `translator-<locale>`. The code, not
 * the name, is the key (an admin may rename a role in the admin panel; its code never changes).
 */
export const TRANSLATOR_CODE_PREFIX = 'translator-';

export const translatorRoleCode = (locale: string) => `${TRANSLATOR_CODE_PREFIX}${locale}`;

export const translatorRoleName = (locale: string) => `Translator (${locale})`;

export const translatorRoleDescription = (locale: string, localeName = locale) =>
  `Translates into ${localeName}: reads every language, writes the localized fields of ${locale} only, never deletes.`;

/** The locale a role code stands for, or null when the code is not a translator role's. */
export function localeOfRoleCode(code: string | null | undefined): string | null {
  if (!code || !code.startsWith(TRANSLATOR_CODE_PREFIX)) return null;
  const locale = code.slice(TRANSLATOR_CODE_PREFIX.length);
  return locale === '' ? null : locale;
}

/**
 * The locales an admin user may write when every one of their roles is a translator role;
 * null when they hold any other role (an editor who also translates is an editor) or none.
 */
export function translatorLocales(roleCodes: Array<string | null | undefined>): string[] | null {
  if (roleCodes.length === 0) return null;
  const locales = roleCodes.map(localeOfRoleCode);
  if (locales.some((locale) => locale === null)) return null;
  return [...new Set(locales as string[])];
}

/** The locales that get a translator role: the configured ones, or every locale but the source. */
export function targetLocales(configured: string[] | null | undefined, available: string[], sourceLocale: string | null): string[] {
  const locales = configured ?? available;
  return [...new Set(locales)].filter((locale) => locale !== sourceLocale);
}
