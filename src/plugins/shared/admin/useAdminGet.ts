import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type Loaded<T> = { status: 'loading' } | { status: 'error' } | { status: 'done'; data: T };

/** The `data` of an admin route's answer, fetched again whenever the path or a parameter changes. */
export function useAdminGet<T>(path: string, params: Record<string, string | undefined>): Loaded<T> {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = React.useState<Loaded<T>>({ status: 'loading' });
  const query = JSON.stringify(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)));

  React.useEffect(() => {
    let current = true;
    setLoaded({ status: 'loading' });
    get<{ data: T }>(path, { params: JSON.parse(query) })
      .then(({ data }) => current && setLoaded({ status: 'done', data: data.data }))
      .catch(() => current && setLoaded({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [get, path, query]);

  return loaded;
}
