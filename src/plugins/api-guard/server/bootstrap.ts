import type { Core } from '@strapi/strapi';
import { normalizePopulate, withToManyLimits } from '../domain/populate-caps';
import { cappedReads } from './register';
import { getService } from './get-service';

/**
 * The Document Service refuses `limit` inside `populate`, while the database honours it: the
 * limits of capped REST reads are set on the database query (one per read; nested relations are
 * part of its populate).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const models = (uid: string) => getService(strapi, 'models').lookup(uid);
  const limitPopulate = (event: { model: { uid: string }; params?: { populate?: unknown } }) => {
    const read = cappedReads.getStore();
    if (!read || read.uid !== event.model.uid || !event.params?.populate) return;
    const tree = normalizePopulate(event.params.populate, read.uid, models);
    if (tree) event.params.populate = withToManyLimits(tree, read.uid, models, read.caps);
  };
  strapi.db.lifecycles.subscribe({ beforeFindMany: limitPopulate, beforeFindOne: limitPopulate } as never);
};
