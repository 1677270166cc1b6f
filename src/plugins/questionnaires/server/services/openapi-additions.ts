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
    const config = strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
    const answering = Object.entries(config.answering);
    const forms = Object.keys(config.forms);
    const refusal = (contentTypes: string[], status: 400 | 403, code: string, description: string) => ({
      contentTypes,
      actions: ['create', 'update'] as ('create' | 'update')[],
      status,
      code,
      description,
    });
    return {
      fields: answering.map(([uid, rule]) => ({ contentTypes: [uid], name: rule.answers, schema: ANSWERS })),
      errors: [
        refusal(
          answering.map(([uid]) => uid),
          400,
          'INVALID_ANSWERS',
          "answers that do not fit the call's questionnaire: `details.errors`, one `{ key, code, message }` per question",
        ),
        refusal(
          answering.map(([uid]) => uid),
          403,
          'MEDIA_NOT_OWNED',
          "a file answer that is not the stakeholder's own upload",
        ),
        refusal(
          forms,
          400,
          'INVALID_QUESTIONNAIRE',
          'questions with duplicate keys, missing options or labels, or a condition on a later question',
        ),
        refusal(
          forms,
          400,
          'QUESTIONNAIRE_IN_USE',
          'a change that would invalidate submitted answers (a question removed, retyped or made required; an option removed)',
        ),
        refusal(forms, 400, 'TRANSLATIONS_INCOMPLETE', 'publishing before every question and option has a label in the six languages'),
      ],
    };
  },
});
