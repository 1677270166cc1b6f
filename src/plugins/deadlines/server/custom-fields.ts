import type { Core } from '@strapi/strapi';

/** `plugin::deadlines.timezone`: a window's IANA timezone, stored as a string, chosen from a list in the admin. */
export function registerCustomFields(strapi: Core.Strapi) {
  strapi.customFields.register({ name: 'timezone', plugin: 'deadlines', type: 'string', inputSize: { default: 6, isResizable: true } });
}
