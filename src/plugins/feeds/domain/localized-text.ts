/** The text for a locale, else the default locale's, else any: configuration strings per locale. */
export function localizedText(texts: Record<string, string>, locale: string | undefined, defaultLocale: string | undefined): string {
  return (locale && texts[locale]) || (defaultLocale && texts[defaultLocale]) || Object.values(texts)[0] || '';
}
