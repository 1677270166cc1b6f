import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/** Before Strapi closes the database: finish what was started, keep what is queued. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'outbox').stop();
  await getService(strapi, 'background').drain();
  await getService(strapi, 'mailbox').stop();
};
