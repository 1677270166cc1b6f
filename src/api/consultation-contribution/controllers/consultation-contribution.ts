/**
 * consultation-contribution controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::consultation-contribution.consultation-contribution');
