/**
 * stocktaking-call service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::stocktaking-call.stocktaking-call');
