import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Queue } from '../utils/api';

type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'done'; queues: Queue[] };

/** The to-do of each of `locales`, worst first, as the server's translation status computes it. */
export function useTranslationQueues(locales: string[] | null): Loaded {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = React.useState<Loaded>({ status: 'loading' });
  const key = locales?.join(',');

  React.useEffect(() => {
    if (key === undefined) return;
    let current = true;
    setLoaded({ status: 'loading' });
    Promise.all(
      (key ? key.split(',') : []).map(
        async (locale) => (await get<{ data: Queue }>('/translations/queue', { params: { locale } })).data.data,
      ),
    )
      .then((queues) => current && setLoaded({ status: 'done', queues }))
      .catch(() => current && setLoaded({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [get, key]);

  return loaded;
}
