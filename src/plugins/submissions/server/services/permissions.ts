import type { Core } from '@strapi/strapi';
import { grantRoleActions } from '../../../shared/permissions';
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

  async grant() {
    const { role } = strapi.config.get('plugin::submissions') as SubmissionsConfig;
    await grantRoleActions(strapi, role, this.actions());
  },
});
