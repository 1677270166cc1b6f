import type { Core, UID } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import type { AdvancedSettings, EmailTemplates } from '../domain/users-permissions-settings';

/** What this plugin uses of users-permissions: its user model, its core-store settings and services. */

export const USER = 'plugin::users-permissions.user';
export const ROLE = 'plugin::users-permissions.role';

export type AccountUser = {
  id: number;
  email: string;
  username: string;
  confirmed: boolean;
  blocked: boolean;
};

export const usersPermissionsStore = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'users-permissions' });

export const advancedSettings = async (strapi: Core.Strapi) =>
  ((await usersPermissionsStore(strapi).get({ key: 'advanced' })) ?? null) as AdvancedSettings | null;

export const emailTemplates = async (strapi: Core.Strapi) =>
  ((await usersPermissionsStore(strapi).get({ key: 'email' })) ?? null) as EmailTemplates | null;

export const usersPermissionsService = (strapi: Core.Strapi, name: 'user' | 'users-permissions') =>
  strapi.plugin('users-permissions').service(name);

/** The user as e-mail templates may show it (private fields removed), as users-permissions does. */
export const templateUser = (strapi: Core.Strapi, user: AccountUser) =>
  sanitize.sanitizers.defaultSanitizeOutput(
    { schema: strapi.getModel(USER), getModel: (uid: string) => strapi.getModel(uid as UID.Schema) },
    user,
  );

/** users-permissions' template syntax (`<%= URL %>`), strict about which variables exist. */
export const renderTemplate = (strapi: Core.Strapi, layout: string, data: Record<string, unknown>): Promise<string> =>
  usersPermissionsService(strapi, 'users-permissions').template(layout, data);
