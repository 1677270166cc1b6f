import type { Core } from '@strapi/strapi';
import type { SubmissionsConfig } from '../config';

const UPLOAD_ACTION = 'plugin::upload.content-api.upload';

/** The stakeholders' role may create, update and list (`mine`) each submitted type, and upload. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  actions(): string[] {
    const { types, uploads } = strapi.config.get('plugin::submissions') as SubmissionsConfig;
    return Object.keys(types)
      .flatMap((uid) => ['create', 'update', 'mine'].map((action) => `${uid}.${action}`))
      .concat(uploads ? [UPLOAD_ACTION] : []);
  },

  /** Adds the missing permissions (never removes one: an admin may have granted more). */
  async grant() {
    const { role: type } = strapi.config.get('plugin::submissions') as SubmissionsConfig;
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
    if (!role) return;
    const actions = this.actions();
    const existing = await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id, action: { $in: actions } }, select: ['action'] });
    const granted = new Set(existing.map((permission) => permission.action));
    for (const action of actions.filter((candidate) => !granted.has(candidate))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  },
});
