import type { Core } from '@strapi/strapi';
import type { ApiAdditions } from '../../../shared/api-additions';
import type { QuestionnairesConfig } from '../config';

/** The answers the entry routes put back (services/visibility.ts): by question key, as the questionnaire's JSON Schema describes them. */
export const ANSWERS = {
  type: ['object', 'null'],
  description:
    "Answers to the questionnaire of the document's call, by question key; each value as `GET /stocktaking-calls/{documentId}/questionnaire` describes it. Whole for the submitter and API tokens; answers to private questions are left out for everyone else. Only on the routes of this type (never when populated from another type). Added by the questionnaires plugin.",
  additionalProperties: true,
};

/** What the plugin adds to content-API answers, for the OpenAPI document (the openapi plugin reads it). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  apiAdditions(): ApiAdditions {
    const answering = Object.entries((strapi.config.get('plugin::questionnaires') as QuestionnairesConfig).answering);
    return {
      fields: answering.map(([uid, rule]) => ({ contentTypes: [uid], name: rule.answers, schema: ANSWERS })),
    };
  },
});
