import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

const SUPER_ADMIN_CODE = 'strapi-super-admin';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const roles = getService(strapi, 'roles');
  strapi.db.lifecycles.subscribe({
    models: ['admin::role', 'plugin::i18n.locale'],
    async afterCreate(event) {
      // On a new database Strapi makes its default roles after plugins boot, and only while no
      // role exists: translator roles follow the super admin role. Locales usually appear after
      // plugins boot too (the app's bootstrap, an admin later): each gets its role, every
      // translator may read it.
      if (event.model.uid === 'admin::role' && (event.result as { code?: string })?.code !== SUPER_ADMIN_CODE) return;
      await roles.sync();
    },
  });
  await roles.sync();
};
