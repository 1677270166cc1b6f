/**
 * stocktaking-call router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::stocktaking-call.stocktaking-call');
