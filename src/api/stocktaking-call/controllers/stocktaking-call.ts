/**
 * stocktaking-call controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::stocktaking-call.stocktaking-call');
