import type { Core, UID } from '@strapi/strapi';
import { provider } from '../../shared/contracts';
import type { FeedsConfig } from './config';
import { getService } from './get-service';
import { ROUTE_KINDS } from './services/routes';

/**
 * Checks the configuration against the content types once they are known: every attribute path
 * must exist, and none may reach a private attribute (a calendar or export would publish it);
 * the plugins named as providers (`windowsFrom`, `versionFrom`) must provide.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::feeds') as FeedsConfig;
  const documents = getService(strapi, 'documents');
  for (const kind of ROUTE_KINDS) {
    for (const [name, entry] of Object.entries(config[kind] ?? {})) {
      if (!strapi.contentTypes[entry.contentType as UID.ContentType])
        throw new Error(`feeds: ${kind}.${name}: unknown content type ${entry.contentType}`);
      for (const { uid, paths } of getService(strapi, kind).paths(name)) {
        documents.populateFor(uid, paths);
        const exposed = documents.privatePaths(uid, paths);
        if (exposed.length) throw new Error(`feeds: ${kind}.${name} would publish private attributes of ${uid}: ${exposed.join(', ')}`);
      }
    }
  }
  for (const calendar of Object.values(config.calendars ?? {})) if (calendar.windowsFrom) provider(strapi, calendar.windowsFrom, 'windows');
  if (config.versionFrom) provider(strapi, config.versionFrom, 'content-version');
};
