// The six official UN languages; English is the default and the source of translations.
export const UN_LOCALES = [
  { code: 'ar', name: 'Arabic (ar)', nativeName: 'العربية', direction: 'rtl' },
  { code: 'zh', name: 'Chinese (zh)', nativeName: '中文', direction: 'ltr' },
  { code: 'en', name: 'English (en)', nativeName: 'English', direction: 'ltr' },
  { code: 'fr', name: 'French (fr)', nativeName: 'Français', direction: 'ltr' },
  { code: 'ru', name: 'Russian (ru)', nativeName: 'Русский', direction: 'ltr' },
  { code: 'es', name: 'Spanish (es)', nativeName: 'Español', direction: 'ltr' },
] as const;

export default {
  defaultLocale: 'en',
  locales: UN_LOCALES.map(({ code, name }) => ({ code, name })),
};
