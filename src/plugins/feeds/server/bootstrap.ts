import type { Core } from '@strapi/strapi';
import type { FeedsConfig } from './config';

/**
 * Checks the configuration against the content types once they are known: every attribute path
 * must exist, and none may reach a private attribute (a calendar or export would publish it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::feeds') as FeedsConfig;
  const plugin = strapi.plugin('feeds');
  const documents = plugin.service('documents');
  for (const kind of ['calendars', 'feeds', 'exports'] as const) {
    for (const name of Object.keys(config[kind] ?? {})) {
      const entry = config[kind][name];
      if (!strapi.contentTypes[entry.contentType as keyof typeof strapi.contentTypes]) throw new Error(`feeds: ${kind}.${name}: unknown content type ${entry.contentType}`);
      for (const { uid, paths } of plugin.service(kind).paths(name) as { uid: string; paths: string[] }[]) {
        documents.populateFor(uid, paths);
        const exposed = documents.privatePaths(uid, paths);
        if (exposed.length) throw new Error(`feeds: ${kind}.${name} would publish private attributes of ${uid}: ${exposed.join(', ')}`);
      }
    }
  }
};
