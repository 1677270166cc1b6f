import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // An admin permission: accepting, sending back or rejecting stakeholder submissions.
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany([{ section: 'plugins', displayName: 'Review submissions', uid: 'review', pluginName: 'submissions' }]);
  await getService(strapi, 'permissions').grant();
};
