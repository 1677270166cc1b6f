import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'settings').apply();
  // The email plugin (a core plugin) has bootstrapped first and made its provider.
  getService(strapi, 'outbox').attach();
  getService(strapi, 'outbox').start();
};
