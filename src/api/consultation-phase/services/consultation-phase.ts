/**
 * consultation-phase service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::consultation-phase.consultation-phase');
