import type { Core } from '@strapi/strapi';
import { i18nLocales } from '../plugins/shared/i18n';

interface LocalesConfig {
  defaultLocale: string;
  locales: { code: string; name: string }[];
}

/** Creates the configured locales that are missing and sets the default one; safe on every boot. */
export async function ensureLocales(strapi: Core.Strapi) {
  const { defaultLocale, locales } = strapi.config.get('locales') as LocalesConfig;
  const service = i18nLocales(strapi);
  if (!service) return;
  for (const locale of locales) {
    if (!(await service.findByCode(locale.code))) await service.create(locale);
  }
  if ((await service.getDefaultLocale()) !== defaultLocale) await service.setDefaultLocale({ code: defaultLocale });
}
