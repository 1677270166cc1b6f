import { localesOfCall, scopeRefusal } from '../scope';

const ALL = ['en', 'ar', 'zh', 'fr', 'ru', 'es'];

describe('localesOfCall', () => {
  it('reads no locale as the default one, as Strapi does', () => {
    expect(localesOfCall(undefined, 'en', ALL)).toEqual(['en']);
    expect(localesOfCall('', 'en', ALL)).toEqual(['en']);
    expect(localesOfCall([], 'en', ALL)).toEqual(['en']);
  });

  it('reads "*" as every locale and a list (bulk actions) as each of its entries', () => {
    expect(localesOfCall('*', 'en', ALL)).toEqual(ALL);
    expect(localesOfCall(['ar', 'fr', 'ar'], 'en', ALL)).toEqual(['ar', 'fr']);
  });
});

describe('scopeRefusal', () => {
  const allowed = ['ar'];

  it('lets a translator write, publish and unpublish their own locale', () => {
    for (const action of ['update', 'publish', 'unpublish', 'discardDraft']) {
      expect(scopeRefusal({ action, locales: ['ar'], createsDocument: false }, allowed)).toBeNull();
    }
  });

  it('refuses any other locale, naming it, also inside a list', () => {
    expect(scopeRefusal({ action: 'update', locales: ['fr'], createsDocument: false }, allowed)).toEqual({
      code: 'LOCALE_NOT_ALLOWED',
      locales: ['fr'],
    });
    expect(scopeRefusal({ action: 'publish', locales: ['ar', 'en'], createsDocument: false }, allowed)).toEqual({
      code: 'LOCALE_NOT_ALLOWED',
      locales: ['en'],
    });
  });

  it('refuses deleting, even in their own locale', () => {
    expect(scopeRefusal({ action: 'delete', locales: ['ar'], createsDocument: false }, allowed)).toEqual({ code: 'DELETE_NOT_ALLOWED' });
  });

  it('refuses starting a new document, even in their own locale', () => {
    expect(scopeRefusal({ action: 'create', locales: ['ar'], createsDocument: true }, allowed)).toEqual({
      code: 'TRANSLATION_NEEDS_SOURCE',
    });
    expect(scopeRefusal({ action: 'clone', locales: ['ar'], createsDocument: true }, allowed)).toEqual({
      code: 'TRANSLATION_NEEDS_SOURCE',
    });
  });
});
