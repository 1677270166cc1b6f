export interface LocaleMetadata { code: string; name?: string; nativeName: string; direction: 'ltr' | 'rtl' }

export interface TranslationsConfig {
  /** Native name and writing direction of each locale, served with GET /api/i18n/locales. */
  locales: LocaleMetadata[];
  /** Attributes searched by `?q=`, on every localized type that has them. */
  searchFields: string[];
  /** Publication needs these fields filled in these locales, per content type. */
  requiredTranslations: Record<string, { fields: string[]; locales: string[] }>;
}

export default {
  default: { locales: [], searchFields: ['title', 'name', 'description'], requiredTranslations: {} } satisfies TranslationsConfig,
  validator(config: TranslationsConfig) {
    for (const locale of config.locales ?? []) {
      if (!['ltr', 'rtl'].includes(locale.direction)) throw new Error(`translations: locale ${locale.code} needs direction ltr or rtl`);
    }
  },
};
