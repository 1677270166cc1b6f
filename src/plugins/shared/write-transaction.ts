import { contextSlot } from './async-context';
import type { Core } from '@strapi/strapi';

type Task = () => Promise<void>;
/** The work a write left for after its commit; closed once it ran (a late caller runs its own at once). */
type Queue = { tasks: Task[]; open: boolean };

const queued = contextSlot<Queue>('after commit');
const openQueue = () => {
  const queue = queued.getStore();
  return queue?.open ? queue : undefined;
};

/**
 * Runs a write in one transaction, then (awaited, before it returns) the work queued by
 * `afterCommit` inside it. A write inside another write's transaction leaves its queue to the
 * outer write. Strapi's own `onCommit` callbacks are not awaited: a reader right after the write
 * could miss them.
 */
export async function inWriteTransaction<T>(strapi: Core.Strapi, write: () => T): Promise<Awaited<T>> {
  const transaction = () => strapi.db.transaction(async () => await write()) as Promise<Awaited<T>>;
  if (openQueue()) return transaction();
  const queue: Queue = { tasks: [], open: true };
  let result: Awaited<T>;
  try {
    result = await queued.run(queue, transaction);
  } finally {
    queue.open = false;
  }
  for (const task of queue.tasks) await task();
  return result;
}

/**
 * Work that needs the write committed and need not be part of it: a write that other
 * transactions would wait on (one row every write updates) holds its lock only for the
 * statement, not for the rest of the write. Outside `inWriteTransaction`, it runs at once (inside
 * whatever transaction the caller has).
 */
export async function afterCommit(task: Task): Promise<void> {
  const queue = openQueue();
  if (queue) queue.tasks.push(task);
  else await task();
}
