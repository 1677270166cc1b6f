import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const roles = strapi.plugin('translator-roles').service('roles');
  await roles.sync();
  // Locales are usually created after plugins boot (by the app's bootstrap, or later by an admin):
  // each new one gets its translator role, and every translator may read it.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    afterCreate: async () => {
      await roles.sync();
    },
  });
};
