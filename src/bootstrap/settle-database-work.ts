import type { Core } from '@strapi/strapi';

/*
 * Strapi emits a document's entry.create, entry.update and entry.publish events (webhooks, audit)
 * after the write's transaction commits, and does not await them: each reads the document again,
 * populated, in a commit callback (@strapi/core document-service/events.ts). A shutdown that closes
 * the pool between two of that read's queries leaves the second waiting for a connection the
 * closed pool never gives, and it rejects unhandled when the acquire times out (60 s later, in
 * whatever runs in the process then). Shutting down waits for the pool to be quiet first, so the
 * last writes' events go out.
 */

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export interface SettleOptions {
  /** How long the pool must stay idle to be taken as settled. */
  quietMs?: number;
  /** The longest shutdown waits. */
  timeoutMs?: number;
}

const busy = (pool: Pool) => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once no query has run or waited for `quietMs` (or after `timeoutMs`); true if settled. */
export async function settleDatabaseWork(strapi: Core.Strapi, { quietMs = 50, timeoutMs = 5000 }: SettleOptions = {}): Promise<boolean> {
  const pool: Pool | undefined = strapi.db?.connection?.client?.pool;
  if (!pool) return true;
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (busy(pool)) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return true;
    await pause(5);
  }
  return false;
}
