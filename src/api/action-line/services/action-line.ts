/**
 * action-line service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::action-line.action-line');
