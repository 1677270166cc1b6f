import type { Core } from '@strapi/strapi';
import { readsOwnDocumentsOnly } from '../../../shared/request';

interface RequestState {
  route?: { info?: { type?: string }; handler?: string };
  auth?: { strategy?: { name?: string } };
}

/** Who the current content-API request comes from, as far as reading drafts is concerned. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const state = () => strapi.requestContext.get()?.state as RequestState | undefined;

  return {
    /** A request of the content API (REST under /api), as opposed to the admin or code outside a request. */
    isContentApi(): boolean {
      return state()?.route?.info?.type === 'content-api';
    },

    mayReadDrafts(): boolean {
      const strategies = strapi.plugin('api-guard').config('draftReaders') as string[];
      return strategies.includes(state()?.auth?.strategy?.name ?? '');
    },

    /** A controller scoped this request's query to the caller's own documents (a stakeholder's `/mine`). */
    readsOwnDocumentsOnly(): boolean {
      return readsOwnDocumentsOnly(strapi);
    },

    /** True when the request is the REST `find` or `findOne` of this content type. */
    isCoreRead(uid: string): boolean {
      const handler = state()?.route?.handler;
      return handler === `${uid}.find` || handler === `${uid}.findOne`;
    },
  };
};
