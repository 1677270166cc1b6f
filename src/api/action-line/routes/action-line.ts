/**
 * action-line router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::action-line.action-line');
