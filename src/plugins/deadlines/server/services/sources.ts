import type { Core, UID } from '@strapi/strapi';
import { IANAZone } from 'luxon';
import { DEFAULT_TIMEZONE, InvalidWindowError, parseDeadline } from '../../domain/window';
import { invalid } from '../../../shared/errors';
import { getService } from '../get-service';

type Data = Record<string, unknown>;

/**
 * Writes to a window source (a call, a phase): deadlines in the payload are read in the window's
 * timezone (a date alone means the end of that day in Geneva) and stored as instants, and the
 * resulting window must be valid, or the write answers 400 INVALID_WINDOW.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = () => getService(strapi, 'windows');

  return {
    async normalizeAndValidate(uid: string, params: { documentId?: string; data?: Data }) {
      const source = windows().sourceConfig(uid);
      const data = params.data;
      if (!source || !data) return;
      const attributes = strapi.getModel(uid as UID.ContentType).attributes as Record<string, { type: string }>;
      const existing = params.documentId
        ? await strapi.db
            .query(uid as UID.ContentType)
            .findOne({ where: { documentId: params.documentId }, populate: windowPopulate(source) })
        : null;

      const timezoneField = source.timezone && !source.timezone.includes('.') ? source.timezone : undefined;
      const timezone = String((timezoneField && data[timezoneField]) || (timezoneField && existing?.[timezoneField]) || DEFAULT_TIMEZONE);

      if (!IANAZone.isValidZone(timezone)) {
        throw invalid('INVALID_WINDOW', `"${timezone}" is not an IANA timezone (for Geneva: Europe/Zurich)`, {
          field: timezoneField ?? 'timezone',
        });
      }
      try {
        for (const [field, edge] of [
          [source.opensAt, 'start'],
          [source.closesAt, 'end'],
          [source.editableUntil, 'end'],
        ] as const) {
          if (field && field in data && attributes[field]?.type === 'datetime') data[field] = toInstant(data[field], timezone, edge, field);
        }
        if (source.extensions && Array.isArray(data[source.extensions])) {
          data[source.extensions] = (data[source.extensions] as Data[]).map((extension) => ({
            ...extension,
            closesAt: toInstant(extension.closesAt, timezone, 'end', source.extensions!),
            ...('announcedAt' in extension ? { announcedAt: toInstant(extension.announcedAt, timezone, 'start', source.extensions!) } : {}),
          }));
        }
      } catch (error) {
        if (error instanceof InvalidWindowError) throw invalid('INVALID_WINDOW', error.message, { field: error.field });
        throw error;
      }

      windows().toWindow(windows().windowInputOf(uid, { ...(existing ?? {}), ...data }));
    },
  };
};

function toInstant(value: unknown, timezone: string, edge: 'start' | 'end', field: string) {
  if (value === null || value === undefined) return value;
  return parseDeadline(value, timezone, edge, field)?.toUTC().toISO() ?? null;
}

function windowPopulate(source: { extensions?: string; timezone?: string; closesAt: string; opensAt?: string }) {
  const populate: Record<string, true> = {};
  if (source.extensions) populate[source.extensions] = true;
  for (const path of [source.timezone, source.closesAt, source.opensAt]) if (path?.includes('.')) populate[path.split('.')[0]] = true;
  return populate;
}
