/**
 * The admin permissions of a translator role, as Strapi 5.54 stores them in `admin::permission`:
 * content-manager actions per content type with `properties.fields` (attribute paths, components
 * expanded as `venue.name`) and, on localized types, `properties.locales`.
 */
export const CONTENT_MANAGER = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
} as const;

/** A translator picks and uploads the file of their language (a localized media field). */
const MEDIA_LIBRARY: PermissionSpec[] = [
  { action: 'plugin::upload.read', subject: null, properties: {}, conditions: [] },
  { action: 'plugin::upload.assets.create', subject: null, properties: {}, conditions: [] },
  { action: 'plugin::upload.assets.update', subject: null, properties: {}, conditions: ['admin::is-creator'] },
  { action: 'plugin::upload.assets.download', subject: null, properties: {}, conditions: [] },
  { action: 'plugin::upload.assets.copy-link', subject: null, properties: {}, conditions: [] },
];

export interface PermissionSpec {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] };
  conditions: string[];
}

export interface StoredPermission extends PermissionSpec {
  id: number | string;
}

export interface ContentTypeFacts {
  uid: string;
  localized: boolean;
  draftAndPublish: boolean;
  /** Every permission field path of the type, as Strapi computes them for its own roles. */
  fields: string[];
  /** Top-level attributes that are per locale (localized ones, relations and uids). */
  localizedAttributes: string[];
}

/** The field paths that belong to localized attributes (`venue.name` belongs to `venue`). */
export const localizedFieldPaths = (fields: string[], localizedAttributes: string[]) =>
  fields.filter((path) => localizedAttributes.includes(path.split('.')[0]));

/**
 * A translator of `locale` reads every type in scope in every locale, creates and updates the
 * localized fields of `locale` only, publishes `locale` only, and deletes nothing.
 */
export function translatorPermissions(locale: string, types: ContentTypeFacts[], allLocales: string[]): PermissionSpec[] {
  const permissions: PermissionSpec[] = [];
  for (const type of types) {
    if (!type.localized) {
      // Read only: relation pickers list documents of the non-localized types they point at.
      permissions.push({ action: CONTENT_MANAGER.read, subject: type.uid, properties: { fields: type.fields }, conditions: [] });
      continue;
    }
    const translatable = localizedFieldPaths(type.fields, type.localizedAttributes);
    permissions.push(
      { action: CONTENT_MANAGER.read, subject: type.uid, properties: { fields: type.fields, locales: allLocales }, conditions: [] },
      { action: CONTENT_MANAGER.create, subject: type.uid, properties: { fields: translatable, locales: [locale] }, conditions: [] },
      { action: CONTENT_MANAGER.update, subject: type.uid, properties: { fields: translatable, locales: [locale] }, conditions: [] },
    );
    if (type.draftAndPublish) {
      permissions.push({ action: CONTENT_MANAGER.publish, subject: type.uid, properties: { locales: [locale] }, conditions: [] });
    }
  }
  return [...permissions, ...MEDIA_LIBRARY];
}

const keyOf = (permission: { action: string; subject?: string | null }) => `${permission.action}\u0000${permission.subject ?? ''}`;

/**
 * What a boot adds to a role that may already exist. A permission is identified by its action and
 * subject: a missing one is created; an existing one is left as an admin may have edited it, except
 * that a read permission is widened to every locale (reading all languages is what the role is
 * for, and locales are added over time). Nothing is ever removed.
 */
export function reconcilePermissions(desired: PermissionSpec[], existing: StoredPermission[]) {
  const stored = new Map(existing.map((permission) => [keyOf(permission), permission]));
  const create: PermissionSpec[] = [];
  const widen: Array<{ id: StoredPermission['id']; properties: StoredPermission['properties'] }> = [];
  for (const permission of desired) {
    const current = stored.get(keyOf(permission));
    if (!current) {
      create.push(permission);
      continue;
    }
    const wanted = permission.properties.locales;
    const has = current.properties?.locales;
    if (permission.action === CONTENT_MANAGER.read && wanted && Array.isArray(has)) {
      const missing = wanted.filter((locale) => !has.includes(locale));
      if (missing.length > 0) widen.push({ id: current.id, properties: { ...current.properties, locales: [...has, ...missing] } });
    }
  }
  return { create, widen };
}
