import * as React from 'react';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import { unstable_useDocument, useAPIErrorHandler, useNotification, useQueryParams } from '@strapi/strapi/admin';

/**
 * A document action's call to its plugin's admin route, from the edit view: busy while it runs,
 * a notification of its outcome (the server's error message on refusal), then the form reloads.
 */
export function useDocumentCall({ model, documentId, collectionType }: { model: string; documentId?: string; collectionType: string }) {
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  const { refetch } = unstable_useDocument({ collectionType, model, documentId, params }, { skip: !documentId });
  const [busy, setBusy] = React.useState(false);

  const run = async (call: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    try {
      await call();
      toggleNotification({ type: 'success', message: success });
      refetch();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: formatAPIError(error as Parameters<typeof formatAPIError>[0]) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { params: params as { locale?: string }, busy, run };
}
