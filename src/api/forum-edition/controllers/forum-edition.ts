/**
 * forum-edition controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::forum-edition.forum-edition');
