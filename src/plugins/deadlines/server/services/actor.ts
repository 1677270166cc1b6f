import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';

export const OVERRIDE_ACTION = 'plugin::deadlines.override';

export type Actor =
  | { kind: 'stakeholder'; userId: number }
  | { kind: 'admin'; userId: number; email: string; canOverride: boolean }
  | { kind: 'api-token' }
  | { kind: 'public' }
  /** Code calling the document service outside any request. */
  | { kind: 'system' };

const bypassed = new AsyncLocalStorage<boolean>();

/** Who is writing, read from the request Strapi is serving (if any). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  current(): Actor {
    const ctx = strapi.requestContext.get();
    if (!ctx) return { kind: 'system' };
    const state = ctx.state as {
      route?: { info?: { type?: string } };
      auth?: { strategy?: { name?: string } };
      user?: { id: number; email?: string };
      userAbility?: { can: (action: string) => boolean };
      isAuthenticated?: boolean;
    };
    if (state.route?.info?.type === 'admin') {
      if (!state.user) return { kind: 'public' };
      return { kind: 'admin', userId: state.user.id, email: state.user.email ?? '', canOverride: Boolean(state.userAbility?.can(OVERRIDE_ACTION)) };
    }
    const strategy = state.auth?.strategy?.name;
    if (strategy === 'users-permissions') return state.user ? { kind: 'stakeholder', userId: state.user.id } : { kind: 'public' };
    if (strategy === 'content-api-token' || strategy === 'api-token') return { kind: 'api-token' };
    return { kind: 'system' };
  },

  /** Runs trusted code (the seed, migrations) without window checks. Not reachable from a request. */
  bypass<T>(work: () => Promise<T>): Promise<T> {
    return bypassed.run(true, work);
  },

  isBypassed(): boolean {
    return bypassed.getStore() === true;
  },
});
