import type { Core, UID } from '@strapi/strapi';
import { type AddedOperation, type ApiAdditions, writeRefusal } from '../../../shared/api-additions';
import type { QuestionnairesConfig } from '../config';

/** The answers the entry routes put back (services/visibility.ts): by question key, as the questionnaire's JSON Schema describes them. */
export const ANSWERS = {
  type: ['object', 'null'],
  description:
    "Answers to the questionnaire of the document's call, by question key; each value as `GET /stocktaking-calls/{documentId}/questionnaire` describes it. Whole for the submitter and API tokens; answers to private questions are left out for everyone else. Only on the routes of this type (never when populated from another type). Added by the questionnaires plugin.",
  additionalProperties: true,
};

const LOCALE = {
  name: 'locale',
  in: 'query' as const,
  description: 'The locale of the document (default: the default locale)',
  schema: { type: 'string' },
};
const plural = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as UID.ContentType).info.pluralName;

/** `GET /<forms>/{documentId}/questionnaire`: a JSON Schema document. */
const formOperations = (strapi: Core.Strapi, uid: string): AddedOperation[] => [
  {
    method: 'get',
    path: `/${plural(strapi, uid)}/{documentId}/questionnaire`,
    summary: 'The questionnaire as JSON Schema',
    description:
      "The published document's questionnaire as a JSON Schema 2020-12 document, labels in `locale` (English where a label is missing): one property per question in order, choices as `oneOf` of `{ const, title }`, conditions as `if`/`then`/`else`, and the annotations `x-ui` (`{ widget, order }`) and `x-public`. Answers are validated against this schema.",
    parameters: [LOCALE],
    response: {
      status: 200,
      description: 'A JSON Schema 2020-12 document',
      mediaType: 'application/schema+json',
      // Described, not referenced: the meta-schema is on the Internet, which generators would fetch.
      schema: {
        type: 'object',
        description: 'A JSON Schema 2020-12 document: validate it with the meta-schema https://json-schema.org/draft/2020-12/schema.',
        properties: {
          $schema: { const: 'https://json-schema.org/draft/2020-12/schema' },
          $id: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          type: { const: 'object' },
          properties: { type: 'object', additionalProperties: { type: 'object' } },
          required: { type: 'array', items: { type: 'string' } },
          allOf: { type: 'array', items: { type: 'object' } },
        },
        required: ['$schema', 'type', 'properties'],
      },
    },
    errors: [{ status: 404, code: 'NOT_FOUND', description: 'no published document with that documentId' }],
  },
];

/** `POST /<answering>/{documentId}/submit` and `/carry-forward`: the entry as its findOne answers it. */
const answerOperations = (strapi: Core.Strapi, uid: string, form: string): AddedOperation[] => [
  {
    method: 'post',
    path: `/${plural(strapi, uid)}/{documentId}/submit`,
    summary: 'Submit the answers',
    description: "Submits the caller's draft: every required, shown question answered, the window open. Records `submittedAt`.",
    parameters: [LOCALE],
    response: { status: 200, description: 'The submitted draft', sameAs: { contentType: uid, action: 'findOne' } },
    errors: [
      { status: 400, code: 'INVALID_ANSWERS', description: 'a required question is not answered (`details.errors`)' },
      { status: 403, code: 'WINDOW_CLOSED', description: 'after the deadline' },
      { status: 404, code: 'NOT_FOUND', description: "no draft of the caller's in that locale" },
    ],
  },
  {
    method: 'post',
    path: `/${plural(strapi, uid)}/{documentId}/carry-forward`,
    summary: `Carry forward into another ${form}`,
    description: `A new draft of the caller in the ${form} named, pre-filled from this document and linked to it (the call for updates). Allowed to its submitter and to verified members of its organization.`,
    parameters: [LOCALE],
    requestBody: {
      type: 'object',
      properties: { data: { type: 'object', properties: { [form]: { type: 'string', description: 'documentId' } }, required: [form] } },
      required: ['data'],
    },
    response: { status: 201, description: 'The new draft', sameAs: { contentType: uid, action: 'findOne' } },
    errors: [
      { status: 400, code: 'ALREADY_CARRIED_FORWARD', description: `already carried forward into that ${form}` },
      { status: 400, code: 'ALREADY_IN_CALL', description: `the document is in that ${form} already` },
      { status: 403, code: 'CARRY_FORWARD_NOT_ALLOWED', description: 'neither its submitter nor a verified member of its organization' },
      { status: 403, code: 'WINDOW_CLOSED', description: `the ${form}'s window is closed` },
    ],
  },
];

/** What the plugin adds to content-API answers, for the OpenAPI document (the openapi plugin reads it). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  apiAdditions(): ApiAdditions {
    const config = strapi.config.get('plugin::questionnaires') as QuestionnairesConfig;
    const answering = Object.entries(config.answering);
    const forms = Object.keys(config.forms);
    return {
      operations: [
        ...forms.flatMap((uid) => formOperations(strapi, uid)),
        ...answering.flatMap(([uid, rule]) => answerOperations(strapi, uid, rule.form)),
      ],
      fields: answering.map(([uid, rule]) => ({ contentTypes: [uid], name: rule.answers, schema: ANSWERS })),
      errors: [
        writeRefusal(
          answering.map(([uid]) => uid),
          400,
          'INVALID_ANSWERS',
          "answers that do not fit the call's questionnaire: `details.errors`, one `{ key, code, message }` per question",
        ),
        writeRefusal(
          answering.map(([uid]) => uid),
          403,
          'MEDIA_NOT_OWNED',
          "a file answer that is not the stakeholder's own upload",
        ),
        writeRefusal(
          forms,
          400,
          'INVALID_QUESTIONNAIRE',
          'questions with duplicate keys, missing options or labels, or a condition on a later question',
        ),
        writeRefusal(
          forms,
          400,
          'QUESTIONNAIRE_IN_USE',
          'a change that would invalidate submitted answers (a question removed, retyped or made required; an option removed)',
        ),
        writeRefusal(forms, 400, 'TRANSLATIONS_INCOMPLETE', 'publishing before every question and option has a label in the six languages'),
      ],
    };
  },
});
