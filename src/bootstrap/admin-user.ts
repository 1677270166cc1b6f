import type { Core } from '@strapi/strapi';
import { DEV_ADMIN, InsecureConfigurationError, readAdminCredentials, usesDevelopmentDefaults } from '../environment/secrets';

/**
 * Development: when no admin exists yet, create a super admin from ADMIN_EMAIL/ADMIN_PASSWORD
 * (documented defaults) so an editor can log in at once. Production mode creates none, and refuses
 * to start while an admin can still log in with the documented default password.
 */
export async function ensureAdminUser(strapi: Core.Strapi) {
  const credentials = readAdminCredentials();
  if (!usesDevelopmentDefaults()) return refuseDefaultAdminPassword(strapi);
  if (process.env.NODE_ENV !== 'development' && process.env.CREATE_ADMIN_USER !== 'true') return;
  if ((await strapi.db.query('admin::user').count()) > 0) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;
  await strapi.service('admin::user').create({
    email: credentials.email,
    firstname: 'WSIS',
    lastname: 'Editor',
    password: credentials.password,
    registrationToken: null,
    isActive: true,
    roles: [superAdmin.id],
  });
  strapi.log.info(
    `[wsis] Created the first admin user ${credentials.email} with password "${credentials.password}" at /admin` +
      ' (set ADMIN_EMAIL / ADMIN_PASSWORD to choose them; development only).',
  );
}

async function refuseDefaultAdminPassword(strapi: Core.Strapi) {
  const admins = await strapi.db.query('admin::user').findMany({ select: ['email', 'password'], where: { isActive: true } });
  for (const admin of admins) {
    if (admin.password && (await strapi.service('admin::auth').validatePassword(DEV_ADMIN.password, admin.password))) {
      throw new InsecureConfigurationError(`the admin user ${admin.email} still has the documented default password`);
    }
  }
}
