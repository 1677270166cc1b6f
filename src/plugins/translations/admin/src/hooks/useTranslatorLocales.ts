import * as React from 'react';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';

const UPDATE = 'plugin::content-manager.explorer.update';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'done'; locales: string[] };

/**
 * The locales the signed-in user translates into: those their content-manager update permissions
 * name (a translator's role names one), the default locale, the source of every translation, left out.
 */
export function useTranslatorLocales(): Loaded {
  const permissions = useAuth('useTranslatorLocales', (auth) => auth.permissions);
  const { get } = useFetchClient();
  const [loaded, setLoaded] = React.useState<Loaded>({ status: 'loading' });
  const granted = React.useMemo(() => {
    const locales = permissions
      .filter((permission) => permission.action === UPDATE)
      .flatMap((permission) => permission.properties?.locales ?? []);
    return [...new Set(locales as string[])];
  }, [permissions]);

  React.useEffect(() => {
    let current = true;
    get<{ code: string; isDefault: boolean }[]>('/i18n/locales')
      .then(({ data }) => {
        const targets = data.filter((locale) => !locale.isDefault && granted.includes(locale.code)).map((locale) => locale.code);
        if (current) setLoaded({ status: 'done', locales: targets });
      })
      .catch(() => current && setLoaded({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [get, granted]);

  return loaded;
}
