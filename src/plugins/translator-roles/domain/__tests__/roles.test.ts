import { localeOfRoleCode, targetLocales, translatorLocales, translatorRoleCode, translatorRoleName } from '../roles';

describe('translator role codes', () => {
  it('names and codes a role after its locale', () => {
    expect(translatorRoleCode('ar')).toBe('translator-ar');
    expect(translatorRoleName('zh')).toBe('Translator (zh)');
    expect(localeOfRoleCode('translator-pt-BR')).toBe('pt-BR');
  });

  it('does not take other roles, or a bare prefix, for translator roles', () => {
    for (const code of ['strapi-editor', 'strapi-super-admin', 'translator-', '', null, undefined]) {
      expect(localeOfRoleCode(code)).toBeNull();
    }
  });
});

describe('translatorLocales', () => {
  it('gives the locales of a user whose roles are all translator roles', () => {
    expect(translatorLocales(['translator-ar'])).toEqual(['ar']);
    expect(translatorLocales(['translator-fr', 'translator-es', 'translator-fr'])).toEqual(['fr', 'es']);
  });

  it('leaves an editor who also translates, a super admin and a user without roles unrestricted', () => {
    expect(translatorLocales(['translator-ar', 'strapi-editor'])).toBeNull();
    expect(translatorLocales(['strapi-super-admin'])).toBeNull();
    expect(translatorLocales([])).toBeNull();
  });
});

describe('targetLocales', () => {
  it('makes a role for every available locale but the source', () => {
    expect(targetLocales(null, ['en', 'ar', 'zh', 'fr', 'ru', 'es'], 'en')).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
  });

  it('prefers the configured locales, still without the source', () => {
    expect(targetLocales(['ar', 'en', 'fr'], ['en', 'ar', 'zh', 'fr'], 'en')).toEqual(['ar', 'fr']);
  });
});
