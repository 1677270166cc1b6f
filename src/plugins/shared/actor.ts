import type { Core } from '@strapi/strapi';

/** Who a write or a read comes from. */
export type Actor =
  /** A users-permissions account (Authenticated role): a stakeholder. */
  | { kind: 'stakeholder'; userId: number }
  /** An admin user (editor, translator, super admin), with the codes of their roles. */
  | { kind: 'admin'; userId: number; email: string; roles: string[]; can: (action: string) => boolean }
  | { kind: 'api-token' }
  | { kind: 'public' }
  /** Code calling the Document Service outside any request (a seed, a cron task). */
  | { kind: 'system' };

// Strapi 5.54 names the content API's token strategy 'content-api-token' (earlier 5.x: 'api-token').
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
  user?: { id: number; email?: string; roles?: { code?: string }[] };
  userAbility?: { can: (action: string) => boolean };
}

/** The actor of the request Strapi is serving now (through its request context). */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get();
  if (!ctx) return { kind: 'system' };
  const state = ctx.state as RequestState;
  if (state.route?.info?.type === 'admin') {
    if (!state.user) return { kind: 'public' };
    const ability = state.userAbility;
    return {
      kind: 'admin',
      userId: state.user.id,
      email: state.user.email ?? '',
      roles: (state.user.roles ?? []).map((role) => role.code ?? '').filter(Boolean),
      can: (action) => Boolean(ability?.can(action)),
    };
  }
  const strategy = state.auth?.strategy?.name ?? '';
  if (strategy === 'users-permissions') return state.user ? { kind: 'stakeholder', userId: state.user.id } : { kind: 'public' };
  if (API_TOKEN_STRATEGIES.includes(strategy)) return { kind: 'api-token' };
  // A content-API route without authentication (the public role), or a request outside the API.
  return state.route?.info?.type === 'content-api' ? { kind: 'public' } : { kind: 'system' };
}
