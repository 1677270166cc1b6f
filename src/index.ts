import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensureRolePermissions } from './bootstrap/role-permissions';
import { loadSeed } from './seed/load-seed';

export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureAdminUser(strapi);
    await ensureLocales(strapi);
    await ensureRolePermissions(strapi);
    await ensureEditorialRoles(strapi);
    await loadSeed(strapi);
  },
};
