/**
 * consultation-contribution controller: the core actions, and `mine` for the signed-in stakeholder's own submissions.
 */

import { factories } from '@strapi/strapi';
import { ownSubmissionsAction } from '../../../content-api/own-submissions';

export default factories.createCoreController('api::consultation-contribution.consultation-contribution', ({ strapi }) => ({
  mine: ownSubmissionsAction(strapi, 'api::consultation-contribution.consultation-contribution'),
}));
