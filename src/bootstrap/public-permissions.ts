import type { Core } from '@strapi/strapi';

const READ_ACTIONS = ['find', 'findOne'];
const READER_ROLES = ['public', 'authenticated'];
// API consumers need the configured locales to ask for translations.
const PLUGIN_READ_ACTIONS = ['plugin::i18n.locales.listLocales'];

/**
 * Anyone may read the published content of every api:: type (find and findOne) and the list of
 * locales, and nothing else; authenticated stakeholders read the same. Writing is granted by later capabilities.
 */
export async function ensureReadPermissions(strapi: Core.Strapi) {
  const actions = Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`))
    .concat(PLUGIN_READ_ACTIONS);

  for (const type of READER_ROLES) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    if (!role) continue;
    const existing = await strapi.db.query('plugin::users-permissions.permission').findMany({
      where: { role: role.id, action: { $in: actions } },
      select: ['action'],
    });
    const granted = new Set(existing.map((permission) => permission.action));
    for (const action of actions.filter((candidate) => !granted.has(candidate))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
}
