import * as React from 'react';
import { getFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useDocumentCall } from '../../../../shared/admin/useDocumentCall';
import { REVIEW_PERMISSION, reviewPath, type ReviewAction } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

// Whether a content type is reviewed is the server's configuration: its queue refuses any other type.
// Asked once per type, outside any component (useFetchClient's calls end with the component that made them).
const reviewedTypes = new Map<string, Promise<boolean>>();
const isReviewedType = (model: string) => {
  if (!reviewedTypes.has(model)) {
    reviewedTypes.set(
      model,
      getFetchClient()
        .get('/submissions/reviews', { params: { contentType: model } })
        .then(
          () => true,
          () => false,
        ),
    );
  }
  return reviewedTypes.get(model)!;
};

/** Whether the signed-in user may review this document, and the review call itself (then the form reloads). */
export function useReview({ model, documentId, collectionType }: { model: string; documentId?: string; collectionType: string }) {
  const { formatMessage } = useIntl();
  const { busy, run } = useDocumentCall({ model, documentId, collectionType });
  const {
    allowedActions: { canReview },
  } = useRBAC([{ action: REVIEW_PERMISSION, subject: null }]);
  const [reviewed, setReviewed] = React.useState(false);

  React.useEffect(() => {
    if (!canReview) return;
    let current = true;
    isReviewedType(model).then((answer) => current && setReviewed(answer));
    return () => {
      current = false;
    };
  }, [canReview, model]);

  const act = async (action: ReviewAction, reason?: string): Promise<boolean> =>
    Boolean(documentId) &&
    run(
      () => getFetchClient().post(reviewPath(model, documentId!), { action, ...(reason !== undefined && { reason }) }),
      formatMessage({ id: getTranslation(`notification.${action}`), defaultMessage: 'The review is recorded.' }),
    );

  return { available: Boolean(canReview && reviewed && documentId), busy, act };
}
