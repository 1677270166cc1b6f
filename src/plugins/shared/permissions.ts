import type { Core } from '@strapi/strapi';

/**
 * Grants a users-permissions role (by type: `public`, `authenticated`) these content-API actions,
 * adding the missing ones and never removing one: an admin may have granted more.
 */
export async function grantRoleActions(strapi: Core.Strapi, type: string, actions: string[]) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
  if (!role || actions.length === 0) return;
  const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: role.id, action: { $in: actions } },
    select: ['action'],
  });
  const granted = new Set(existing.map((permission) => permission.action));
  for (const action of actions.filter((candidate) => !granted.has(candidate))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
}
