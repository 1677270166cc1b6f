import type { Core, UID } from '@strapi/strapi';
import { defaultLocale, localeCodes } from '../../../shared/i18n';
import { comparableText, TEXT_TYPES, type FieldRules } from '../../domain/field-status';

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

  /**
   * Localized components whose text a translator translates (a questionnaire's labels): their
   * text subfields, less the language-neutral ones (`languageNeutralFields` by component uid).
   */
  translatableComponents(uid: string): { name: string; component: string }[] {
    const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, Attribute & { component?: string }>;
    return Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'component' && attribute.pluginOptions?.i18n?.localized && attribute.component)
      .map(([name, attribute]) => ({ name, component: attribute.component! }))
      .filter(({ component }) => this.componentTextFields(component).length > 0);
  },

  componentTextFields(component: string): string[] {
    const attributes = strapi.components[component as UID.Component].attributes as Record<string, Attribute & { component?: string }>;
    const neutral = new Set(
      ((strapi.plugin('translations').config('languageNeutralFields') ?? {}) as Record<string, string[]>)[component] ?? [],
    );
    return Object.entries(attributes)
      .filter(([name, attribute]) => (TEXT_TYPES.has(attribute.type) && !neutral.has(name)) || attribute.type === 'component')
      .map(([name]) => name);
  },

  /** Populate for a component attribute and the components inside it. */
  componentPopulate(component: string): { populate: Record<string, unknown> } | true {
    const attributes = strapi.components[component as UID.Component].attributes as Record<string, Attribute & { component?: string }>;
    const nested = Object.entries(attributes).filter(([, attribute]) => attribute.type === 'component' && attribute.component);
    return nested.length
      ? { populate: Object.fromEntries(nested.map(([name, attribute]) => [name, this.componentPopulate(attribute.component!)])) }
      : true;
  },

  /** The text a translator wrote in a component value (one or a list), in order: what is compared with the source's. */
  componentText(component: string, value: unknown): string {
    const attributes = strapi.components[component as UID.Component].attributes as Record<string, Attribute & { component?: string }>;
    const items = (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
    const fields = this.componentTextFields(component);
    return items
      .flatMap((item) =>
        fields.map((name) =>
          attributes[name].type === 'component'
            ? this.componentText(attributes[name].component!, item[name])
            : comparableText(item[name], attributes[name].type),
        ),
      )
      .filter(Boolean)
      .join(' ');
  },

  /** How to read a type's translatable text: its text columns and its translatable components. */
  translatableRead(uid: string): { select: string[]; populate: Record<string, unknown> } {
    return {
      select: this.translatableFields(uid).map(({ name }) => name),
      populate: Object.fromEntries(
        this.translatableComponents(uid).map(({ name, component }) => [name, this.componentPopulate(component)]),
      ),
    };
  },

  /** The comparable text of each translatable field and component of a row read with `translatableRead`. */
  translatableTexts(uid: string, row: Record<string, unknown> | null | undefined): Record<string, string> {
    return Object.fromEntries([
      ...this.translatableFields(uid).map(({ name, type }) => [name, comparableText(row?.[name], type)]),
      ...this.translatableComponents(uid).map(({ name, component }) => [name, this.componentText(component, row?.[name])]),
    ]);
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
