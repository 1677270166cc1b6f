/**
 * stocktaking-entry controller: the core actions (`mine`, the stakeholder's own submissions, is added by the submissions plugin).
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::stocktaking-entry.stocktaking-entry');
