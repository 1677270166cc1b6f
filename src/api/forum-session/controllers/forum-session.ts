/**
 * forum-session controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::forum-session.forum-session');
