/**
 * stocktaking-entry router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::stocktaking-entry.stocktaking-entry');
