import { useAdminGet } from '../../../../shared/admin/useAdminGet';
import type { QueueItem } from '../utils/api';

/** The submissions waiting for review, oldest first, optionally of one call or phase (`group`) or language. */
export const useReviewQueue = (filter: { group?: string; locale?: string }) =>
  useAdminGet<QueueItem[]>('/submissions/reviews', { group: filter.group, locale: filter.locale });
