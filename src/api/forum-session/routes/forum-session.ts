/**
 * forum-session router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::forum-session.forum-session');
