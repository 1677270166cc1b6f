/**
 * action-line controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::action-line.action-line');
