import type { Core } from '@strapi/strapi';
import { currentActor, type Actor } from '../../../shared/actor';
import { isTrusted, runTrusted } from '../../../shared/trusted';

export type { Actor };

/** The admin permission to create a submission after its window closed (every use is recorded). */
export const OVERRIDE_ACTION = 'plugin::deadlines.override';

/** Who is writing, and trusted code that writes without window checks. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  current(): Actor {
    return currentActor(strapi);
  },

  /** Runs trusted code (the seed, migrations) without window or submission checks. Not reachable from a request. */
  bypass<T>(work: () => Promise<T>): Promise<T> {
    return runTrusted(work);
  },

  isBypassed(): boolean {
    return isTrusted();
  },
});
