/**
 * forum-edition service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::forum-edition.forum-edition');
