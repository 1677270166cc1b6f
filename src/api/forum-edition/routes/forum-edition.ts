/**
 * forum-edition router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::forum-edition.forum-edition');
