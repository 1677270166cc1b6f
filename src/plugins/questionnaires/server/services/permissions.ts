import type { Core } from '@strapi/strapi';
import { grantRoleActions } from '../../../shared/permissions';
import type { QuestionnairesConfig } from '../config';

/** Anyone reads a form's questionnaire; stakeholders submit and carry forward their entries. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async grant() {
    const config = strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
    const reads = Object.keys(config.forms).map((uid) => `${uid}.questionnaire`);
    const writes = Object.keys(config.answering)
      .flatMap((uid) => [`${uid}.submit`, `${uid}.carryForward`])
      .concat(['plugin::questionnaires.membership.find', 'plugin::questionnaires.membership.update']);
    await grantRoleActions(strapi, 'public', reads);
    await grantRoleActions(strapi, config.role, [...reads, ...writes]);
  },
});
