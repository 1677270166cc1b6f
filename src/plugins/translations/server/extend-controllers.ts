import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toSearchQuery } from '../domain/search-text';
import { getService } from './get-service';

type Controller = Record<string, (ctx: unknown) => Promise<unknown>>;
type RequestContext = { query: Record<string, unknown>; state: Record<string, unknown>; params: { id: string } };
const MAX_QUERY_LENGTH = 200;

/**
 * find and findOne of every localized type learn `fallbackLocale` and `q`; without them they
 * are Strapi's own. Extended in register: routes bind their controllers before bootstrap.
 */
export default (strapi: Core.Strapi) => {
  for (const uid of Object.keys(strapi.contentTypes).filter((candidate) => getService(strapi, 'model').isLocalized(candidate))) {
    strapi.get('controllers').extend(uid as UID.Controller, (controller: Controller) => {
      const extended = Object.create(controller);
      extended.find = async function find(this: never, ctx: RequestContext) {
        takeSearch(strapi, ctx, uid);
        if (ctx.query.fallbackLocale === undefined) return controller.find.call(this, ctx);
        return getService(strapi, 'fallback').find(this, ctx, uid);
      };
      extended.findOne = async function findOne(this: never, ctx: RequestContext) {
        if (ctx.query.fallbackLocale === undefined) return controller.findOne.call(this, ctx);
        return getService(strapi, 'fallback').findOne(this, ctx, uid);
      };
      return extended;
    });
  }
};

/** `?q=` is kept for the Document Service middleware, which scopes the read to the search index (search.ts). */
function takeSearch(strapi: Core.Strapi, ctx: { query: Record<string, unknown>; state: Record<string, unknown> }, uid: string) {
  const { q } = ctx.query;
  if (q === undefined) return;
  delete ctx.query.q;
  if (typeof q !== 'string' || q.trim() === '' || q.length > MAX_QUERY_LENGTH) {
    throw new errors.ValidationError(`q must be a non-empty text of at most ${MAX_QUERY_LENGTH} characters`, { code: 'INVALID_SEARCH' });
  }
  if (!getService(strapi, 'model').searchFields(uid).length) {
    throw new errors.ValidationError(`${uid} has no searchable fields`, { code: 'INVALID_SEARCH' });
  }
  const query = toSearchQuery(q);
  if (!query) throw new errors.ValidationError('q has nothing to search for once punctuation is set aside', { code: 'INVALID_SEARCH' });
  ctx.state.translationsSearch = { uid, query };
}
