import type { Core } from '@strapi/strapi';
import { type ApiAdditions, writeRefusal } from '../../../shared/api-additions';
import type { DeadlinesConfig } from '../config';

const instant = (description: string) => ({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }], description });

/** The computed `window` the window-summaries middleware adds to each window source (domain/window.ts `WindowSummary`). */
export const WINDOW_SUMMARY = {
  type: 'object',
  description:
    "The window computed now (added by the deadlines plugin wherever the document appears: listed, found or populated); absent when the stored window does not validate. Instants are ISO 8601 in the window's timezone.",
  properties: {
    state: { type: 'string', enum: ['upcoming', 'open', 'closed'] },
    timezone: { type: 'string', description: 'IANA timezone of the window' },
    opensAt: instant('When it opens'),
    closesAt: instant('The effective deadline: the latest extension, else the original'),
    originalClosesAt: instant('The original deadline, when extended; else null'),
    extended: { type: 'boolean' },
    editableUntil: instant('Until when submissions may still be changed'),
    extensions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          closesAt: { type: 'string', format: 'date-time' },
          reason: { type: ['string', 'null'] },
          announcedAt: instant('When the extension was announced'),
        },
        required: ['closesAt', 'reason', 'announcedAt'],
        additionalProperties: false,
      },
    },
  },
  required: ['state', 'timezone', 'opensAt', 'closesAt', 'originalClosesAt', 'extended', 'editableUntil', 'extensions'],
  additionalProperties: false,
};

/** What the plugin adds to content-API answers, for the OpenAPI document (the openapi plugin reads it). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  apiAdditions(): ApiAdditions {
    const config = strapi.config.get('plugin::deadlines') as DeadlinesConfig;
    const sources = Object.keys(config.sources ?? {});
    const windowed = Object.keys(config.windowed ?? {});
    return {
      fields: [{ contentTypes: sources, name: 'window', schema: WINDOW_SUMMARY }],
      errors: [
        writeRefusal(
          sources,
          400,
          'INVALID_WINDOW',
          'a window that closes before it opens, an unknown timezone, an extension not later than the deadline, a date that is not ISO 8601',
        ),
        writeRefusal(windowed, 400, 'WINDOW_REQUIRED', 'a submission without the call or phase it takes its window from'),
        writeRefusal(windowed, 400, 'WINDOW_SOURCE_NOT_FOUND', 'a call or phase that does not exist'),
        writeRefusal(
          windowed,
          400,
          'WINDOW_SOURCE_MISMATCH',
          'a phase that accepts no contributions, or that belongs to another consultation',
        ),
        writeRefusal(windowed, 403, 'WINDOW_NOT_OPEN', 'before the window opens (`details.deadline` in Geneva time)'),
        writeRefusal(
          windowed,
          403,
          'WINDOW_CLOSED',
          'after the effective deadline (`details.deadline`, `details.originalDeadline` when extended)',
        ),
        writeRefusal(windowed, 403, 'EDIT_PERIOD_OVER', 'a change after `editableUntil`'),
      ],
    };
  },
});
