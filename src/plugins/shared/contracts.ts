/**
 * Data one plugin provides to another. The provider implements the interface; the consumer is
 * told in its configuration which plugin provides it, and calls it once for a whole list.
 */

/** A window (a call's, a phase's) as calendars show it: its effective and original deadlines. */
export interface WindowDeadline {
  /** ISO 8601 instants; closesAt is the effective deadline (the latest extension). */
  opensAt: string | null;
  closesAt: string | null;
  originalClosesAt: string | null;
  extended: boolean;
  timezone: string;
}

export interface WindowProvider {
  /** The windows of these documents of `uid`, by documentId (documents without a window are absent). */
  deadlinesOf(uid: string, documentIds: string[]): Promise<Map<string, WindowDeadline>>;
}
