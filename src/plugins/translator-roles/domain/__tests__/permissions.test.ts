import { CONTENT_MANAGER, localizedFieldPaths, reconcilePermissions, translatorPermissions, type ContentTypeFacts } from '../permissions';

const EVENT: ContentTypeFacts = {
  uid: 'api::event.event',
  localized: true,
  draftAndPublish: true,
  fields: ['title', 'slug', 'description', 'startsAt', 'scope', 'venue.name', 'venue.timezone', 'country'],
  localizedAttributes: ['title', 'slug', 'description', 'country'],
};
const COUNTRY: ContentTypeFacts = {
  uid: 'api::country.country',
  localized: true,
  draftAndPublish: false,
  fields: ['code', 'name'],
  localizedAttributes: ['name'],
};
const ORGANIZATION: ContentTypeFacts = {
  uid: 'api::organization.organization',
  localized: false,
  draftAndPublish: false,
  fields: ['name'],
  localizedAttributes: [],
};
const LOCALES = ['en', 'ar', 'fr'];

const find = (permissions: ReturnType<typeof translatorPermissions>, action: string, subject: string) =>
  permissions.filter((permission) => permission.action === action && permission.subject === subject);

describe('translatorPermissions', () => {
  const permissions = translatorPermissions('ar', [EVENT, COUNTRY, ORGANIZATION], LOCALES);

  it('reads every field in every locale', () => {
    expect(find(permissions, CONTENT_MANAGER.read, EVENT.uid)).toEqual([
      { action: CONTENT_MANAGER.read, subject: EVENT.uid, properties: { fields: EVENT.fields, locales: LOCALES }, conditions: [] },
    ]);
  });

  it('creates and updates the localized fields of its own locale only', () => {
    for (const action of [CONTENT_MANAGER.create, CONTENT_MANAGER.update]) {
      expect(find(permissions, action, EVENT.uid)).toEqual([
        {
          action,
          subject: EVENT.uid,
          properties: { fields: ['title', 'slug', 'description', 'country'], locales: ['ar'] },
          conditions: [],
        },
      ]);
    }
  });

  it('publishes its own locale of draft & publish types, and never deletes', () => {
    expect(find(permissions, CONTENT_MANAGER.publish, EVENT.uid)).toEqual([
      { action: CONTENT_MANAGER.publish, subject: EVENT.uid, properties: { locales: ['ar'] }, conditions: [] },
    ]);
    expect(find(permissions, CONTENT_MANAGER.publish, COUNTRY.uid)).toEqual([]);
    expect(permissions.filter((permission) => permission.action === CONTENT_MANAGER.delete)).toEqual([]);
  });

  it('only reads non-localized types', () => {
    expect(permissions.filter((permission) => permission.subject === ORGANIZATION.uid).map((permission) => permission.action)).toEqual([
      CONTENT_MANAGER.read,
    ]);
  });

  it('may upload files (a localized media field holds the file of each language)', () => {
    expect(permissions.map((permission) => permission.action)).toEqual(
      expect.arrayContaining(['plugin::upload.read', 'plugin::upload.assets.create']),
    );
  });
});

describe('localizedFieldPaths', () => {
  it('keeps the nested paths of localized components', () => {
    expect(localizedFieldPaths(['title', 'venue.name', 'venue.timezone', 'startsAt'], ['title', 'venue'])).toEqual([
      'title',
      'venue.name',
      'venue.timezone',
    ]);
  });
});

describe('reconcilePermissions', () => {
  const desired = translatorPermissions('ar', [EVENT], LOCALES);
  const stored = (permissions: typeof desired) => permissions.map((permission, index) => ({ ...permission, id: index + 1 }));

  it('creates everything for a new role', () => {
    expect(reconcilePermissions(desired, [])).toEqual({ create: desired, widen: [] });
  });

  it('creates nothing on a second boot', () => {
    expect(reconcilePermissions(desired, stored(desired))).toEqual({ create: [], widen: [] });
  });

  it('keeps what an admin changed or added by hand, and creates only what is missing', () => {
    const edited = stored(desired)
      .filter((permission) => permission.action !== CONTENT_MANAGER.publish)
      .map((permission) =>
        permission.action === CONTENT_MANAGER.update ? { ...permission, properties: { fields: ['title'], locales: ['ar'] } } : permission,
      );
    const extra = { id: 99, action: 'plugin::content-manager.explorer.read', subject: 'api::other.other', properties: {}, conditions: [] };
    const { create, widen } = reconcilePermissions(desired, [...edited, extra]);
    expect(create.map((permission) => permission.action)).toEqual([CONTENT_MANAGER.publish]);
    expect(widen).toEqual([]);
  });

  it('widens reading to a locale added since the role was made', () => {
    const older = stored(translatorPermissions('ar', [EVENT], ['en', 'ar']));
    const { create, widen } = reconcilePermissions(desired, older);
    expect(create).toEqual([]);
    const read = older.find((permission) => permission.action === CONTENT_MANAGER.read);
    expect(widen).toEqual([{ id: read.id, properties: { fields: EVENT.fields, locales: ['en', 'ar', 'fr'] } }]);
  });
});
