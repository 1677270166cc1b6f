import bootstrap from './server/bootstrap';
import config from './server/config';
import calendarsController from './server/controllers/calendars';
import exportsController from './server/controllers/exports';
import feedsController from './server/controllers/feeds';
import openapiController from './server/controllers/openapi';
import conditionalGet from './server/middlewares/conditional-get';
import register from './server/register';
import calendars from './server/services/calendars';
import contentVersion from './server/services/content-version';
import documents from './server/services/documents';
import exportsService from './server/services/exports';
import feeds from './server/services/feeds';
import openapi from './server/services/openapi';
import routes from './server/services/routes';

export default {
  register,
  bootstrap,
  destroy({ strapi }) {
    strapi.plugin('feeds').service('openapi').stop();
  },
  config,
  controllers: { calendars: calendarsController, feeds: feedsController, exports: exportsController, openapi: openapiController },
  middlewares: { 'conditional-get': conditionalGet },
  services: { calendars, contentVersion, documents, exports: exportsService, feeds, openapi, routes },
};
