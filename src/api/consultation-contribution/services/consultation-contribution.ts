/**
 * consultation-contribution service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::consultation-contribution.consultation-contribution');
