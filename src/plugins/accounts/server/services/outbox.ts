import type { Core } from '@strapi/strapi';
import { afterFailure, recipientsOf, storableMessage, type StorableMessage } from '../../domain/delivery';
import type { AccountsConfig } from '../config';
import { getService } from '../get-service';

export const OUTBOX = 'plugin::accounts.outbox-message';

/** What the email plugin's provider offers (`send`, and for the admin's settings page `verify` and co.). */
export interface EmailProvider {
  send(options: Record<string, unknown>): Promise<unknown>;
  [method: string]: unknown;
}

interface OutboxRow {
  id: number;
  message: StorableMessage;
  attempts: number;
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
  droppedAfterLastAttempt: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every e-mail the application sends goes through here. The email plugin's provider is wrapped at
 * boot: its `send` only writes the message to the outbox (a database table) and returns, so no
 * request waits on, or fails with, an SMTP server. Delivery happens in the background: at once,
 * then by a timer, with retries and a doubling wait up to `maxAttempts`; a delivered message is
 * deleted (it may hold a password reset link), and so is one that failed its last attempt (logged).
 * Several instances may share the outbox: a message is claimed before it is sent.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let transport: EmailProvider | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let run: Promise<DeliveryReport> | null = null;
  let again = false;

  const config = () => (strapi.config.get('plugin::accounts') as AccountsConfig).outbox;
  const rows = () => strapi.db.query(OUTBOX);

  /** Compare-and-set: only one instance (or run) gets to send a given message. */
  async function claim(row: OutboxRow, now: Date): Promise<boolean> {
    const { count } = await rows().updateMany({
      where: { id: row.id, nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + config().claimTimeout) },
    });
    return count === 1;
  }

  async function deliver(row: OutboxRow, report: DeliveryReport) {
    const recipients = recipientsOf(row.message);
    const subject = String(row.message.subject ?? '');
    try {
      await transport!.send(row.message);
      await rows().delete({ where: { id: row.id } });
      report.delivered += 1;
      strapi.log.debug(`[accounts] delivered "${subject}" to ${recipients}`);
    } catch (error) {
      const attempts = row.attempts + 1;
      const next = afterFailure(attempts, Date.now(), config());
      if ('giveUp' in next) {
        await rows().delete({ where: { id: row.id } });
        report.droppedAfterLastAttempt += 1;
        strapi.log.error(`[accounts] gave up delivering "${subject}" to ${recipients} after ${attempts} attempts: ${messageOf(error)}`);
      } else {
        await rows().update({
          where: { id: row.id },
          data: { attempts, nextAttemptAt: new Date(next.retryAt), claimedUntil: null, lastError: messageOf(error).slice(0, 1000) },
        });
        report.failed += 1;
        strapi.log.warn(
          `[accounts] could not deliver "${subject}" to ${recipients} (attempt ${attempts} of ${config().maxAttempts}), ` +
            `next attempt at ${new Date(next.retryAt).toISOString()}: ${messageOf(error)}`,
        );
      }
    }
  }

  async function deliverDueNow(): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, failed: 0, droppedAfterLastAttempt: 0 };
    const seen = new Set<number>();
    for (;;) {
      const now = new Date();
      const due: OutboxRow[] = await rows().findMany({
        select: ['id', 'message', 'attempts'],
        where: { nextAttemptAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        limit: 20,
      });
      const fresh = due.filter((row) => !seen.has(row.id));
      if (fresh.length === 0 || stopping) return report;
      for (const row of fresh) {
        seen.add(row.id);
        if (stopping) return report;
        if (await claim(row, now)) await deliver(row, report);
      }
    }
  }

  return {
    /**
     * Takes over the email plugin's provider (set by the email plugin's bootstrap, which runs
     * first): from now on `send` queues, and the real provider is used to deliver.
     */
    attach() {
      const email = strapi.plugin('email') as unknown as { provider?: EmailProvider };
      if (!email?.provider) throw new Error('[accounts] the email plugin has no provider: is the email plugin enabled?');
      transport = email.provider;
      email.provider = { ...transport, send: (options) => this.enqueue(options) };
    },

    /** Keeps a message for delivery and returns at once; delivery is tried right after. */
    async enqueue(options: Record<string, unknown>): Promise<void> {
      const message = storableMessage(options);
      await rows().create({ data: { message, attempts: 0, nextAttemptAt: new Date(), claimedUntil: null } });
      this.kick();
    },

    /** A delivery run in the background, now. */
    kick() {
      if (!stopping) getService(strapi, 'background').run('outbox delivery', () => this.deliverDue());
    },

    /**
     * Sends every message that is due. One run at a time per instance: a call during a run
     * makes the run look again when it is done, and resolves with that run.
     */
    deliverDue(): Promise<DeliveryReport> {
      if (!transport) return Promise.resolve({ delivered: 0, failed: 0, droppedAfterLastAttempt: 0 });
      if (run) {
        again = true;
        return run;
      }
      run = (async () => {
        const total: DeliveryReport = { delivered: 0, failed: 0, droppedAfterLastAttempt: 0 };
        do {
          again = false;
          const report = await deliverDueNow();
          total.delivered += report.delivered;
          total.failed += report.failed;
          total.droppedAfterLastAttempt += report.droppedAfterLastAttempt;
        } while (again && !stopping);
        return total;
      })().finally(() => {
        run = null;
      });
      return run;
    },

    /** Messages waiting (or being retried). */
    pending(): Promise<number> {
      return rows().count();
    },

    start() {
      stopping = false;
      timer = setInterval(() => this.kick(), config().pollInterval);
      timer.unref();
      // Messages left by a previous run (or another instance) go out now.
      this.kick();
    },

    /** Stops the timer and waits for a delivery under way; queued messages stay for the next start. */
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await run;
    },
  };
};
