import type { Core } from '@strapi/strapi';
import { reconcilePermissions, translatorPermissions, type StoredPermission } from '../../domain/permissions';
import { targetLocales, translatorRoleCode, translatorRoleDescription, translatorRoleName } from '../../domain/roles';
import type { TranslatorRolesConfig } from '../config';
import { getService } from '../get-service';

/**
 * Makes one admin role per target locale and gives it a translator's permissions. Safe on every
 * boot and on every new locale: it adds what is missing and removes nothing (see reconcilePermissions).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    async sync(): Promise<{ created: string[] }> {
      const roleService = strapi.service('admin::role');
      // Strapi makes its default roles only while no role exists: never be first.
      if (!(await roleService.getSuperAdmin())) return { created: [] };

      const { locales: configured } = strapi.config.get('plugin::translator-roles') as TranslatorRolesConfig;
      const available = await getService(strapi, 'locales').all();
      const source = await getService(strapi, 'locales').source();
      const names: Map<string, string> = await getService(strapi, 'locales').names();
      const readable = [...new Set([source, ...available, ...(configured ?? [])])];
      const facts = getService(strapi, 'content-types').facts();
      const created: string[] = [];

      // One transaction: a role is made whole or not at all, and one commit is much cheaper than hundreds.
      await strapi.db.transaction(async () => {
        for (const locale of targetLocales(configured, available, source)) {
          const { role, isNew } = await this.ensureRole(locale, names.get(locale));
          if (!role) continue;
          if (isNew) created.push(role.code);
          const existing = (await strapi.db
            .query('admin::permission')
            .findMany({ where: { role: { id: role.id } } })) as StoredPermission[];
          const { create, widen } = reconcilePermissions(translatorPermissions(locale, facts, readable), existing);
          if (create.length > 0) await roleService.addPermissions(role.id, create);
          for (const { id, properties } of widen) {
            await strapi.db.query('admin::permission').update({ where: { id }, data: { properties } });
          }
        }
      });
      if (created.length > 0) strapi.log.info(`[translator-roles] Created the admin roles ${created.join(', ')}`);
      return { created };
    },

    /** The role of a locale, found by its code; made when missing, unless its name is taken. */
    async ensureRole(locale: string, localeName?: string) {
      const code = translatorRoleCode(locale);
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      if (role) return { role, isNew: false };
      const name = translatorRoleName(locale);
      if ((await strapi.db.query('admin::role').count({ where: { name } })) > 0) {
        strapi.log.warn(
          `[translator-roles] A role named "${name}" exists with another code than ${code}: it is left alone, no translator role for ${locale}.`,
        );
        return { role: null, isNew: false };
      }
      const made = await strapi.service('admin::role').create({ name, code, description: translatorRoleDescription(locale, localeName) });
      return { role: made, isNew: true };
    },
  };
};
