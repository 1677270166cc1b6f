import type { Core } from '@strapi/strapi';
import bootstrap from './server/bootstrap';
import config from './server/config';
import openapi from './server/controllers/openapi';
import { getService } from './server/get-service';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  destroy({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'generator').stop();
  },
  config,
  controllers: { openapi },
  services,
};
