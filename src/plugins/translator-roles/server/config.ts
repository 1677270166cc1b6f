export interface TranslatorRolesConfig {
  /** Locales that get a "Translator (xx)" role. null: every i18n locale except the source one. */
  locales: string[] | null;
  /** The language documents start in, never translated into. null: the i18n default locale. */
  sourceLocale: string | null;
  /** Content types translators see. null: every api:: type. Only localized ones are written. */
  contentTypes: string[] | null;
  /** Per content type, attributes only editors write (e.g. who may submit late): refused to translators. */
  editorOnlyFields: Record<string, string[]>;
  /**
   * Content types whose documents come from outside (stakeholders' submissions): translators add
   * their language only once an editor has published the document, and never publish it first.
   */
  reviewedTypes: string[];
}

const isListOfNames = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

export default {
  default: {
    locales: null,
    sourceLocale: null,
    contentTypes: null,
    editorOnlyFields: {},
    reviewedTypes: [],
  } satisfies TranslatorRolesConfig,
  validator(config: TranslatorRolesConfig) {
    if (config.locales !== null && !isListOfNames(config.locales)) {
      throw new Error('translator-roles: `locales` must be null or a list of locale codes');
    }
    if (config.sourceLocale !== null && (typeof config.sourceLocale !== 'string' || config.sourceLocale === '')) {
      throw new Error('translator-roles: `sourceLocale` must be null or a locale code');
    }
    if (config.contentTypes !== null && !isListOfNames(config.contentTypes)) {
      throw new Error('translator-roles: `contentTypes` must be null or a list of content-type uids');
    }
    if (!Object.values(config.editorOnlyFields ?? {}).every(isListOfNames)) {
      throw new Error('translator-roles: `editorOnlyFields` maps content-type uids to lists of attribute names');
    }
    if (!isListOfNames(config.reviewedTypes ?? []))
      throw new Error('translator-roles: `reviewedTypes` must be a list of content-type uids');
  },
};
