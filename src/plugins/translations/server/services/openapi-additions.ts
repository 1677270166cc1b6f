import type { Core } from '@strapi/strapi';
import type { ApiAdditions } from '../../../shared/api-additions';
import { getService } from '../get-service';

/** Where a document read with `fallbackLocale` came from (services/fallback.ts). */
export const LOCALIZATION = {
  type: 'object',
  description:
    'With `fallbackLocale` only: which locale served the document and which fields came from another (added by the translations plugin).',
  properties: {
    requestedLocale: { type: 'string' },
    servedLocale: { type: 'string' },
    fallbackFields: { type: 'array', items: { type: 'string' }, description: 'Fields served from a later locale of the chain' },
    fieldLocales: { type: 'object', additionalProperties: { type: 'string' }, description: 'The locale each of those fields came from' },
  },
  required: ['requestedLocale', 'servedLocale', 'fallbackFields', 'fieldLocales'],
  additionalProperties: false,
};
export const FALLBACK_LOCALE = {
  name: 'fallbackLocale',
  in: 'query' as const,
  description: 'A locale whose content fills the documents and fields missing in `locale`.',
  schema: { type: 'string' },
};
export const SEARCH = {
  name: 'q',
  in: 'query' as const,
  description: 'Case- and accent-insensitive search in the localized title and description.',
  schema: { type: 'string' },
};

/** How each locale of `GET /i18n/locales` is named in itself and written (bootstrap.ts). */
const LOCALE_FIELDS = [
  {
    name: 'nativeName',
    schema: { type: ['string', 'null'], description: 'The name of the locale in itself (null for a locale not configured here)' },
  },
  { name: 'direction', schema: { type: 'string', enum: ['ltr', 'rtl'], description: 'Writing direction' } },
];

/** What the plugin adds to the content API (the find and findOne of localized types, the locales), for the OpenAPI document (the openapi plugin reads it). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  apiAdditions(): ApiAdditions {
    const contentTypes = Object.keys(strapi.contentTypes).filter((uid) => getService(strapi, 'model').isLocalized(uid));
    return {
      fields: [{ contentTypes, name: 'localization', schema: LOCALIZATION }],
      parameters: [
        { contentTypes, actions: ['find', 'findOne'], parameter: FALLBACK_LOCALE },
        { contentTypes, actions: ['find'], parameter: SEARCH },
      ],
      errors: [
        {
          contentTypes,
          actions: ['find', 'findOne'],
          status: 400,
          code: 'INVALID_FALLBACK',
          description: '`fallbackLocale` that is not a list of locale codes, repeats `locale` or loops',
        },
        {
          contentTypes,
          actions: ['find', 'findOne'],
          status: 400,
          code: 'INVALID_LOCALE',
          description: 'an unknown locale in `fallbackLocale`',
        },
        {
          contentTypes,
          actions: ['find'],
          status: 400,
          code: 'INVALID_SEARCH',
          description: '`q` empty, over 200 characters, or nothing to search for',
        },
      ],
      routeFields: LOCALE_FIELDS.map((field) => ({ method: 'get' as const, path: '/i18n/locales', ...field })),
    };
  },
});
