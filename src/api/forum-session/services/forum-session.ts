/**
 * forum-session service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::forum-session.forum-session');
