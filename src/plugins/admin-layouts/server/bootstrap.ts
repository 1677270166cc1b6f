import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const changed = await getService(strapi, 'layouts').apply();
  if (changed.length > 0) strapi.log.info(`[admin-layouts] Applied the admin layouts of ${changed.length} content types`);
};
