import type { WindowSummary } from '../../../domain/window';

/** What GET /deadlines/windows answers for one window (server/services/overview.ts). */
export interface WindowOverview extends WindowSummary {
  contentType: string;
  documentId: string;
  title: string | null;
  submissions: { contentType: string; total: number; late: number }[];
}
