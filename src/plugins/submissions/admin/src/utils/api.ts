/** What GET /submissions/reviews answers for one submission waiting for review (server/services/review.ts). */
export interface QueueItem {
  contentType: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  group: { documentId: string; title: string | null } | null;
  submittedAt: string;
  updatedAt: string;
}

export type ReviewAction = 'accept' | 'request-changes' | 'reject';

/** The permission the server's review routes ask for (server/bootstrap.ts). */
export const REVIEW_PERMISSION = 'plugin::submissions.review';

export const reviewPath = (contentType: string, documentId: string) =>
  `/submissions/reviews/${encodeURIComponent(contentType)}/${encodeURIComponent(documentId)}`;
