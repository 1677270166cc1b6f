// The six official UN languages; English is the default and the source of translations.
export default {
  defaultLocale: 'en',
  locales: [
    { code: 'ar', name: 'Arabic (ar)' },
    { code: 'zh', name: 'Chinese (zh)' },
    { code: 'en', name: 'English (en)' },
    { code: 'fr', name: 'French (fr)' },
    { code: 'ru', name: 'Russian (ru)' },
    { code: 'es', name: 'Spanish (es)' },
  ],
};
