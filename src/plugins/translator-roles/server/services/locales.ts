import type { Core } from '@strapi/strapi';
import type { TranslatorRolesConfig } from '../config';
import { defaultLocale, i18nLocales, localeCodes } from '../../../shared/i18n';

/** The locales i18n knows, and the source one (configured, else i18n's default). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async all(): Promise<string[]> {
    return localeCodes(strapi);
  },

  async source(): Promise<string> {
    const { sourceLocale } = strapi.config.get('plugin::translator-roles') as TranslatorRolesConfig;
    return sourceLocale ?? (await this.byDefault());
  },

  /** The locale Strapi writes when a call names none. */
  async byDefault(): Promise<string> {
    return await defaultLocale(strapi);
  },

  async names(): Promise<Map<string, string>> {
    const locales = (await i18nLocales(strapi)?.find()) ?? [];
    return new Map(locales.map((locale) => [locale.code, locale.name]));
  },
});
