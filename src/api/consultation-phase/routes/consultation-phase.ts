/**
 * consultation-phase router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::consultation-phase.consultation-phase');
