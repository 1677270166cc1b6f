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
