type Messages = Record<string, string>;

/**
 * A plugin's `registerTrads`: its strings in each admin language, keys prefixed with the plugin's
 * id; a language without a file falls back to the English default messages. `load` is the
 * plugin's own `import(\`./translations/${locale}.json\`)` (the bundler resolves it beside the plugin).
 */
export const translationsOf =
  (pluginId: string, load: (locale: string) => Promise<{ default: Messages }>) =>
  async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: messages } = await load(locale);
          return { locale, data: Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${pluginId}.${key}`, text])) };
        } catch {
          return { locale, data: {} };
        }
      }),
    );

/** The admin's id of one of a plugin's strings. */
export const translationId = (pluginId: string) => (id: string) => `${pluginId}.${id}`;
