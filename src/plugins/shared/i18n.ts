import type { Core } from '@strapi/strapi';

/** A locale as Strapi's i18n plugin stores it. */
export interface Locale {
  code: string;
  name: string;
  isDefault?: boolean;
}

interface LocalesService {
  find(params?: Record<string, unknown>): Promise<Locale[]>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(params: { code: string }): Promise<void>;
  findByCode(code: string): Promise<Locale | null>;
  create(locale: { code: string; name: string }): Promise<Locale>;
}

/** Strapi's i18n `locales` service, typed (Strapi types plugin services as `any`). Absent without i18n. */
export const i18nLocales = (strapi: Core.Strapi): LocalesService | undefined =>
  strapi.plugin('i18n')?.service('locales') as LocalesService | undefined;

/** The default locale's code ('en', i18n's own default, when the plugin is absent). */
export const defaultLocale = async (strapi: Core.Strapi): Promise<string> => (await i18nLocales(strapi)?.getDefaultLocale()) ?? 'en';

/** The codes of the locales the platform has (none without i18n). */
export const localeCodes = async (strapi: Core.Strapi): Promise<string[]> =>
  ((await i18nLocales(strapi)?.find()) ?? []).map((locale) => locale.code);

/** How long `recentLocaleCodes` may answer without the database: another instance's change is seen within it. */
const LOCALES_KEPT_MS = 5000;
const recent = new WeakMap<Core.Strapi, { codes: Promise<string[]>; readAt: number }>();
const watched = new WeakSet<Core.Strapi>();

/**
 * The locale codes as read at most a few seconds ago, for checks that run on every request (the
 * query guard's `locale`). A locale created, changed or deleted on this instance is seen at once.
 * A code missing from the answer may be one another instance just added: read `localeCodes` before
 * refusing it.
 */
export const recentLocaleCodes = (strapi: Core.Strapi): Promise<string[]> => {
  if (!watched.has(strapi)) {
    watched.add(strapi);
    const forget = () => recent.delete(strapi);
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forget,
      afterUpdate: forget,
      afterDelete: forget,
      afterUpdateMany: forget,
      afterDeleteMany: forget,
      afterCreateMany: forget,
    } as never);
  }
  const kept = recent.get(strapi);
  if (kept && Date.now() - kept.readAt < LOCALES_KEPT_MS) return kept.codes;
  const codes = localeCodes(strapi);
  recent.set(strapi, { codes, readAt: Date.now() });
  codes.catch(() => recent.delete(strapi));
  return codes;
};
