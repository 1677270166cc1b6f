/**
 * consultation-phase controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::consultation-phase.consultation-phase');
