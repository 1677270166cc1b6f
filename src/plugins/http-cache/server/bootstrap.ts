import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

const FILES = 'plugin::upload.file';

/**
 * The upload plugin writes files through the query engine, not the Document Service: a replaced
 * file, or its alternative text, changes every response that populates it. Each of those writes
 * moves the content version too.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const bump = () => getService(strapi, 'content-version').bump();
  strapi.db.lifecycles.subscribe({
    models: [FILES],
    afterCreate: bump,
    afterCreateMany: bump,
    afterUpdate: bump,
    afterUpdateMany: bump,
    afterDelete: bump,
    afterDeleteMany: bump,
  });
};
