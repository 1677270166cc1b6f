import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';

// Taken when Strapi loads the plugin: outside any request and any database transaction. Tasks
// run in it, so they neither see the request that started them nor join a transaction that may
// be committed (or rolled back) by the time they query.
const outsideAnyRequest = AsyncLocalStorage.snapshot();

/**
 * Work done after a request has been answered: the account routes answer before looking up the
 * account, so their answer and its timing cannot depend on whether it exists. Failures are
 * logged; `drain()` waits for the tasks under way (at shutdown, and in tests).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const running = new Set<Promise<void>>();

  return {
    run(label: string, work: () => Promise<unknown>): void {
      const task = new Promise<void>((resolve) => {
        setImmediate(() =>
          outsideAnyRequest(() =>
            Promise.resolve()
              .then(work)
              .catch((error: unknown) => {
                strapi.log.error(`[accounts] ${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
              })
              .then(() => resolve()),
          ),
        );
      });
      running.add(task);
      task.finally(() => running.delete(task));
    },

    /** Resolves once every task, including those started by tasks, has finished. */
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
};
