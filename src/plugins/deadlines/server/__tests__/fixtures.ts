import { DateTime } from 'luxon';
import { appSchemas, stubStrapi, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import deadlines from '../../strapi-server';
import type { DeadlinesConfig } from '../config';
import { getService } from '../get-service';

export const CALLS = 'api::stocktaking-call.stocktaking-call';
export const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
export const CONSULTATIONS = 'api::consultation.consultation';
export const PHASES = 'api::consultation-phase.consultation-phase';
export const CONTRIBUTIONS = 'api::consultation-contribution.consultation-contribution';
export const EDITIONS = 'api::forum-edition.forum-edition';
export const SESSIONS = 'api::forum-session.forum-session';
export const USERS = 'plugin::users-permissions.user';

const WINDOW = {
  opensAt: 'opensAt',
  closesAt: 'closesAt',
  timezone: 'timezone',
  extensions: 'extensions',
  editableUntil: 'editableUntil',
  lateSubmitters: 'lateSubmitters',
};

/** The app's configuration of the plugin (config/plugins.ts), copied so as not to load the app's environment. */
export const DEADLINES: DeadlinesConfig = {
  sources: {
    [CALLS]: WINDOW,
    [PHASES]: WINDOW,
    [EDITIONS]: { opensAt: 'startDate', closesAt: 'outcomeSummaryDeadline', timezone: 'venue.timezone' },
  },
  windowed: {
    [ENTRIES]: { window: 'call', lateFlag: 'late' },
    [CONTRIBUTIONS]: {
      window: 'phase',
      match: { acceptsContributions: true },
      sameParent: { field: 'consultation', sourceField: 'consultation' },
      lateFlag: 'late',
    },
    [SESSIONS]: { window: 'edition', fields: ['summary'] },
  },
};

/** The deadlines plugin over the app's own schemas, with no rows yet. */
export function deadlinesStub(): StrapiStub {
  return stubStrapi({
    models: appSchemas(CALLS, ENTRIES, CONSULTATIONS, PHASES, CONTRIBUTIONS, EDITIONS, SESSIONS, 'scheduling.extension', 'shared.venue'),
    plugins: { deadlines: { server: deadlines, config: DEADLINES as unknown as Record<string, unknown> } },
  });
}

export const deadlinesService = <Name extends Parameters<typeof getService>[1]>(stub: StrapiStub, name: Name) =>
  getService(stub.strapi, name);

export const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

export const PUBLISHED_AT = '2011-06-01T08:00:00.000Z';

/**
 * A document as Strapi 5 stores it: a draft row and, when published, a published row, per locale.
 * Returns the rows by version (`en`, `en:published`, ...).
 */
export function addDocument(
  stub: StrapiStub,
  uid: string,
  documentId: string,
  fields: Record<string, unknown>,
  { locales = ['en'], draft = true, published = true }: { locales?: string[]; draft?: boolean; published?: boolean } = {},
) {
  const rows: Record<string, { id: number }> = {};
  for (const locale of locales) {
    if (draft) rows[locale] = stub.insert(uid, { documentId, locale, ...fields, publishedAt: null });
    if (published) rows[`${locale}:published`] = stub.insert(uid, { documentId, locale, ...fields, publishedAt: PUBLISHED_AT });
  }
  return rows;
}
