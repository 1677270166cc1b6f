import type { Core, UID } from '@strapi/strapi';
import { defaultLocale, localeCodes } from '../../../shared/i18n';
import { TEXT_TYPES, type FieldRules } from '../../domain/field-status';

type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };
const NOT_TEXT = new Set(['relation', 'media', 'component', 'dynamiczone', 'uid']);

/** What the translations plugin needs to know of a content type's schema. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  isLocalized(uid: string): boolean {
    const model = strapi.contentTypes[uid as UID.ContentType] as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
    return uid.startsWith('api::') && Boolean(model?.pluginOptions?.i18n?.localized);
  },

  /** Localized attributes that hold content of their own (text, numbers, json), not links. */
  localizedFields(uid: string): string[] {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    return Object.entries(attributes)
      .filter(([name, attribute]) => attribute.pluginOptions?.i18n?.localized && !NOT_TEXT.has(attribute.type) && name !== 'locale')
      .map(([name]) => name);
  },

  /** Localized text fields a translator translates: the type's localized text, less the language-neutral fields. */
  translatableFields(uid: string): { name: string; type: string }[] {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    const neutral = new Set(((strapi.plugin('translations').config('languageNeutralFields') ?? {}) as Record<string, string[]>)[uid] ?? []);
    return Object.entries(attributes)
      .filter(([name, attribute]) => attribute.pluginOptions?.i18n?.localized && TEXT_TYPES.has(attribute.type) && !neutral.has(name))
      .map(([name, attribute]) => ({ name, type: attribute.type }));
  },

  fieldRules(): FieldRules {
    return { untranslatedMinLength: strapi.plugin('translations').config('untranslatedMinLength') as number };
  },

  searchFields(uid: string): string[] {
    const configured = strapi.plugin('translations').config('searchFields') as string[];
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute>;
    return configured.filter((field) => attributes[field] && ['string', 'text', 'richtext'].includes(attributes[field].type));
  },

  async sourceLocale(): Promise<string> {
    return defaultLocale(strapi);
  },

  async configuredLocales(): Promise<string[]> {
    return localeCodes(strapi);
  },
});
