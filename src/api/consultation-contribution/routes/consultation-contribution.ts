/**
 * consultation-contribution router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::consultation-contribution.consultation-contribution');
