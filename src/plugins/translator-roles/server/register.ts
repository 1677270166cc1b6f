import type { Core } from '@strapi/strapi';
import { WRITE_ACTIONS } from '../domain/scope';

/**
 * One Document Service middleware: every write of a translator (an admin whose roles are all
 * translator roles) to a localized type is checked, whichever content-manager route it came by.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('translator-roles').service(name);

  strapi.documents.use(async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !service('content-types').isGuarded(context.uid)) return next();
    const translator = service('translator').current();
    if (!translator) return next();
    await service('guard').check({ uid: context.uid, action: context.action, params: context.params }, translator);
    return next();
  });
};
