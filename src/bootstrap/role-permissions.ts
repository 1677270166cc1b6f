import type { Core } from '@strapi/strapi';
import { getService as feeds } from '../plugins/feeds/server/get-service';
import { getService as openapi } from '../plugins/openapi/server/get-service';
import { grantRoleActions } from '../plugins/shared/permissions';

const READ_ACTIONS = ['find', 'findOne'];
const EXTRA_READ_ACTIONS = [
  // API consumers need the configured locales to ask for translations.
  'plugin::i18n.locales.listLocales',
  'api::stocktaking-call.stocktaking-call.current',
];

/** Calendars, feeds and exports, as the feeds plugin's configuration declares them, and the OpenAPI document. */
const feedActions = (strapi: Core.Strapi): string[] => [
  ...(strapi.plugin('feeds') ? feeds(strapi, 'routes').actions() : []),
  ...(strapi.plugin('openapi') ? openapi(strapi, 'document').actions() : []),
];

/**
 * Anyone may read the published content of every api:: type (find and findOne), the calls open
 * now, the list of locales and the calendars, feeds, exports and OpenAPI document, and nothing
 * else; signed-in stakeholders read the same.
 */
export async function ensureRolePermissions(strapi: Core.Strapi) {
  const reads = Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`))
    .concat(EXTRA_READ_ACTIONS, feedActions(strapi));
  await grantRoleActions(strapi, 'public', reads);
  // Their submissions (create, update, /mine, uploads) are granted by the submissions plugin.
  await grantRoleActions(strapi, 'authenticated', reads);
}
