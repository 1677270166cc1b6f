import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import type { ContentTypeFacts } from '../../domain/permissions';
import type { AttributeFacts } from '../../domain/shared-fields';
import type { TranslatorRolesConfig } from '../config';

type Model = Parameters<typeof contentTypeUtils.getVisibleAttributes>[0];

/** The content types translators work on, described for the domain functions. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const i18n = () => strapi.plugin('i18n').service('content-types');
  const config = () => strapi.config.get('plugin::translator-roles') as TranslatorRolesConfig;
  const model = (uid: string) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as Model;

  /** In scope: configured, or any api:: type; and a content type that exists. */
  const inScope = (uid: string) => {
    const configured = config().contentTypes;
    return (configured ? configured.includes(uid) : uid.startsWith('api::')) && Boolean(model(uid));
  };

  return {
    /** Every content type in scope, in the configured order (else Strapi's). */
    uids(): string[] {
      return (config().contentTypes ?? Object.keys(strapi.contentTypes)).filter(inScope);
    },

    /** In scope and localized: the types whose writes a translator's locale limits (asked on every write). */
    isGuarded(uid: string): boolean {
      return inScope(uid) && i18n().isLocalizedContentType(model(uid));
    },

    facts(): ContentTypeFacts[] {
      // Strapi's own field paths (components expanded), the ones it gives its default roles.
      const { getNestedFields } = strapi.service('admin::content-type') as {
        getNestedFields: (model: unknown, options: unknown) => string[];
      };
      return this.uids().map((uid) => ({
        uid,
        localized: i18n().isLocalizedContentType(model(uid)),
        draftAndPublish: contentTypeUtils.hasDraftAndPublish(model(uid)),
        fields: getNestedFields(model(uid), { components: strapi.components }),
        localizedAttributes: i18n().getLocalizedAttributes(model(uid)),
      }));
    },

    /** The visible attributes of a type, each with whether i18n keeps it per locale. */
    attributes(uid: string): Record<string, AttributeFacts> {
      const schema = model(uid);
      const localized = new Set<string>(i18n().getLocalizedAttributes(schema));
      return Object.fromEntries(
        contentTypeUtils.getVisibleAttributes(schema).map((name) => {
          const attribute = schema.attributes[name] as { type: string; multiple?: boolean };
          return [name, { type: attribute.type, multiple: attribute.multiple, localized: localized.has(name) }];
        }),
      );
    },

    hasDraftAndPublish(uid: string): boolean {
      return contentTypeUtils.hasDraftAndPublish(model(uid));
    },
  };
};
