import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { guardPasswordHashing } from './bootstrap/password-hashing';
import { ensureRolePermissions } from './bootstrap/role-permissions';
import { settleDatabaseWork } from './bootstrap/settle-database-work';
import { loadSeed } from './seed/load-seed';

export default {
  register() {
    // Before any request: a lone surrogate in a password aborted the process (bcryptjs 2.4.3).
    guardPasswordHashing();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureAdminUser(strapi);
    await ensureLocales(strapi);
    await ensureRolePermissions(strapi);
    await ensureEditorialRoles(strapi);
    await loadSeed(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Before Strapi closes the database: the last writes' entry events still read from it.
    if (!(await settleDatabaseWork(strapi))) strapi.log.warn('Shutting down with database queries still running');
  },
};
