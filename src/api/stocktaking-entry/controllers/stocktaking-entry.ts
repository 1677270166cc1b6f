/**
 * stocktaking-entry controller: the core actions, and `mine` for the signed-in stakeholder's own submissions.
 */

import { factories } from '@strapi/strapi';
import { ownSubmissionsAction } from '../../../content-api/own-submissions';

export default factories.createCoreController('api::stocktaking-entry.stocktaking-entry', ({ strapi }) => ({
  mine: ownSubmissionsAction(strapi, 'api::stocktaking-entry.stocktaking-entry'),
}));
