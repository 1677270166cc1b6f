import type { Core } from '@strapi/strapi';
import type { ScheduledPublishingConfig } from './config';
import { getService } from './get-service';
import { PLUGIN } from './services/scheduler';

export const CRON_TASK = PLUGIN;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scheduler = getService(strapi, 'scheduler');
  scheduler.checkContentTypes();

  // Strapi starts its cron service whatever `server.cron.enabled` says and runs tasks added by
  // plugins anyway (the flag only gates `server.cron.tasks`): honour it here, so an instance can
  // opt out and leave the schedule to the others.
  if (strapi.config.get<boolean>('server.cron.enabled', true) === false) {
    strapi.log.info(`[${PLUGIN}] server.cron.enabled is false: no scheduled run on this instance`);
    return;
  }

  const { rule } = strapi.config.get(`plugin::${PLUGIN}`) as ScheduledPublishingConfig;
  let running = false;
  strapi.cron.add({
    [CRON_TASK]: {
      options: { rule },
      async task() {
        // A run that outlasts the interval is not overlapped by this instance (other instances may
        // run concurrently: claims make that safe).
        if (running) return undefined;
        running = true;
        try {
          return await scheduler.runDue(new Date());
        } catch (error) {
          strapi.log.error(`[${PLUGIN}] scheduled run failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        } finally {
          running = false;
        }
      },
    },
  });
  // An invalid rule is only logged by strapi.cron.add; refuse to start without the task instead.
  if (!strapi.cron.jobs.some((job) => job.name === CRON_TASK)) {
    throw new Error(`[${PLUGIN}] could not schedule the rule "${rule}"`);
  }
};
