/**
 * stocktaking-entry controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::stocktaking-entry.stocktaking-entry');
