import type { Core } from '@strapi/strapi';
import {
  CONTENT_MANAGER,
  reconcilePermissions,
  type ContentTypeFacts,
  type PermissionSpec,
  type StoredPermission,
} from '../plugins/translator-roles/domain/permissions';
import { getService as translatorRoles } from '../plugins/translator-roles/server/get-service';
import { localeCodes } from '../plugins/shared/i18n';

/** The admin roles of the WSIS team besides the translators' (made per locale by translator-roles). */
const EDITORIAL_ROLES = [
  {
    code: 'wsis-editor',
    name: 'Editor (WSIS)',
    description: 'Edits and publishes every WSIS content type in every language, reviews submissions, names late submitters; no settings.',
    contentManager: ['read', 'create', 'update', 'delete', 'publish'] as const,
    actions: ['plugin::submissions.review', 'plugin::deadlines.override'],
    media: true,
  },
  {
    code: 'wsis-moderator',
    name: 'Moderator',
    description:
      'Reads every WSIS content type and reviews stakeholder submissions (accept, request changes, reject); edits neither calls nor windows.',
    contentManager: ['read'] as const,
    actions: ['plugin::submissions.review'],
    media: false,
  },
];

/** The plugins' own records an editor or moderator reads in the content manager (reviews, late-submitter changes). */
const AUDIT_TYPES = ['plugin::submissions.review', 'plugin::deadlines.late-submitters-change'];

const MEDIA_LIBRARY: PermissionSpec[] = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
].map((action) => ({ action, subject: null, properties: {}, conditions: [] }));

function permissionsOf(
  role: (typeof EDITORIAL_ROLES)[number],
  types: ContentTypeFacts[],
  locales: string[],
  audits: string[],
): PermissionSpec[] {
  const permissions: PermissionSpec[] = [];
  for (const type of types) {
    for (const action of role.contentManager) {
      if (action === 'publish' && !type.draftAndPublish) continue;
      const properties = {
        ...(action === 'publish' || action === 'delete' ? {} : { fields: type.fields }),
        ...(type.localized ? { locales } : {}),
      };
      permissions.push({ action: CONTENT_MANAGER[action], subject: type.uid, properties, conditions: [] });
    }
  }
  for (const uid of audits) permissions.push({ action: CONTENT_MANAGER.read, subject: uid, properties: {}, conditions: [] });
  for (const action of role.actions) permissions.push({ action, subject: null, properties: {}, conditions: [] });
  return role.media ? [...permissions, ...MEDIA_LIBRARY] : permissions;
}

/**
 * Makes the editorial roles on boot and gives them what they are for; safe on every boot: a
 * missing permission is added, nothing an admin changed is removed (as for the translator roles).
 */
export async function ensureEditorialRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  // Strapi makes its default roles only while no role exists: never be first.
  if (!(await roles.getSuperAdmin())) return;
  const types = translatorRoles(strapi, 'content-types').facts();
  const locales = await localeCodes(strapi);
  const audits = AUDIT_TYPES.filter((uid) => uid in strapi.contentTypes);
  for (const definition of EDITORIAL_ROLES) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    if (!role) {
      if ((await strapi.db.query('admin::role').count({ where: { name: definition.name } })) > 0) {
        strapi.log.warn(`[wsis] A role named "${definition.name}" exists with another code than ${definition.code}: it is left alone.`);
        continue;
      }
      role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
      strapi.log.info(`[wsis] Created the admin role ${definition.name}`);
    }
    const existing = (await strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } } })) as StoredPermission[];
    const { create, widen } = reconcilePermissions(permissionsOf(definition, types, locales, audits), existing);
    if (create.length > 0) await roles.addPermissions(role.id, create);
    for (const { id, properties } of widen) await strapi.db.query('admin::permission').update({ where: { id }, data: { properties } });
  }
}
