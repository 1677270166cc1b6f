import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useReview } from '../hooks/useReview';
import type { ReviewAction } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { ReasonForm } from './ReasonForm';

const LABELS: Record<ReviewAction, string> = { accept: 'Accept', 'request-changes': 'Request changes', reject: 'Reject' };

/** A review action in the edit view: accepting at once, the other two after a reason is given. */
const reviewAction = (action: ReviewAction, withReason: boolean): DocumentActionComponent => {
  const ReviewActionComponent: DocumentActionComponent = ({ model, documentId, collectionType }) => {
    const { formatMessage } = useIntl();
    const review = useReview({ model, documentId, collectionType });
    if (!review.available) return null;
    const label = formatMessage({ id: getTranslation(`action.${action}`), defaultMessage: LABELS[action] });
    if (!withReason) return { label, position: 'panel', loading: review.busy, onClick: () => void review.act(action) };
    return {
      label,
      position: 'panel',
      variant: action === 'reject' ? 'danger-light' : 'secondary',
      dialog: {
        type: 'modal',
        title: label,
        content: ({ onClose }: { onClose: () => void }) => (
          <ReasonForm busy={review.busy} onConfirm={(reason) => void review.act(action, reason).then((done) => done && onClose())} />
        ),
      },
    };
  };
  return ReviewActionComponent;
};

export const REVIEW_ACTIONS = [reviewAction('accept', false), reviewAction('request-changes', true), reviewAction('reject', true)];
