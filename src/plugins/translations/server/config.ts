export interface LocaleMetadata {
  code: string;
  name?: string;
  nativeName: string;
  direction: 'ltr' | 'rtl';
}

export interface TranslationsConfig {
  /** Native name and writing direction of each locale, served with GET /api/i18n/locales. */
  locales: LocaleMetadata[];
  /** Attributes searched by `?q=`, on every localized type that has them. */
  searchFields: string[];
  /** Publication needs these fields filled in these locales, per content type. */
  requiredTranslations: Record<string, { fields: string[]; locales: string[] }>;
  /** Localized fields whose text is the same in every language (names, codes, URLs): never counted untranslated. */
  languageNeutralFields: Record<string, string[]>;
  /** Text identical to the source's and at least this long (after normalising) is untranslated. */
  untranslatedMinLength: number;
}

export default {
  default: {
    locales: [],
    searchFields: ['title', 'name', 'description'],
    requiredTranslations: {},
    languageNeutralFields: {},
    untranslatedMinLength: 16,
  } satisfies TranslationsConfig,
  validator(config: TranslationsConfig) {
    if (!Number.isInteger(config.untranslatedMinLength) || config.untranslatedMinLength < 1) {
      throw new Error('translations: untranslatedMinLength must be a positive integer');
    }
    for (const locale of config.locales ?? []) {
      if (!['ltr', 'rtl'].includes(locale.direction)) throw new Error(`translations: locale ${locale.code} needs direction ltr or rtl`);
    }
  },
};
