import type { Core } from '@strapi/strapi';
import { WRITE_ACTIONS } from '../domain/scope';
import { getService } from './get-service';

/**
 * One Document Service middleware: every write of a translator (an admin whose roles are all
 * translator roles) to a localized type is checked, whichever content-manager route it came by.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !getService(strapi, 'content-types').isGuarded(context.uid)) return next();
    const translator = getService(strapi, 'translator').current();
    if (!translator) return next();
    await getService(strapi, 'guard').check({ uid: context.uid, action: context.action, params: context.params }, translator);
    return next();
  });
};
