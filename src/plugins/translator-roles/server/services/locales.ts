import type { Core } from '@strapi/strapi';
import type { TranslatorRolesConfig } from '../config';

/** The locales i18n knows, and the source one (configured, else i18n's default). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async all(): Promise<string[]> {
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
    return locales.map((locale) => locale.code);
  },

  async source(): Promise<string> {
    const { sourceLocale } = strapi.config.get('plugin::translator-roles') as TranslatorRolesConfig;
    return sourceLocale ?? (await this.byDefault());
  },

  /** The locale Strapi writes when a call names none. */
  async byDefault(): Promise<string> {
    return strapi.plugin('i18n').service('locales').getDefaultLocale();
  },

  async names(): Promise<Map<string, string>> {
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string; name: string }>;
    return new Map(locales.map((locale) => [locale.code, locale.name]));
  },
});
