import type { Core } from '@strapi/strapi';
import { translatorLocales } from '../../domain/roles';

export interface Translator {
  userId: number;
  /** The locales they may write: one per translator role they hold. */
  locales: string[];
}

type AdminState = {
  route?: { info?: { type?: string } };
  user?: { id: number; roles?: Array<{ code?: string }> };
};

/** Who is writing, read from the request Strapi is serving. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The translator behind this admin request, or null (anyone else, or no request at all). */
  current(): Translator | null {
    const ctx = strapi.requestContext.get();
    const state = ctx?.state as AdminState | undefined;
    if (state?.route?.info?.type !== 'admin' || !state.user) return null;
    const locales = translatorLocales((state.user.roles ?? []).map((role) => role.code));
    return locales ? { userId: state.user.id, locales } : null;
  },

  /**
   * What the translator sent for a document of `uid`: the content manager's request body. Strapi's
   * field permissions drop the fields outside the role's before the Document Service sees the data,
   * so a shared field would be ignored without a word; the body lets the refusal name it.
   */
  sentFor(uid: string): Record<string, unknown> {
    const ctx = strapi.requestContext.get();
    if (!ctx || (ctx.params as { model?: string } | undefined)?.model !== uid) return {};
    const body = (ctx.request as { body?: unknown }).body;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  },
});
