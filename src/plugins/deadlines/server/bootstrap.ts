import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // An admin permission: creating a submission after its window closed (every use is recorded).
  await strapi
    .service('admin::permission')
    .actionProvider.registerMany([{ section: 'plugins', displayName: 'Override deadlines', uid: 'override', pluginName: 'deadlines' }]);
  strapi.server.use(strapi.plugin('deadlines').middleware('window-summaries')({}, { strapi }));
};
