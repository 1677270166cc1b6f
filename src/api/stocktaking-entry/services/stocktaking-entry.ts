/**
 * stocktaking-entry service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::stocktaking-entry.stocktaking-entry');
