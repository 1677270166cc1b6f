import { DateTime, Duration } from 'luxon';

/** How every deadline is written (ADMIN-UI-CONTRACT.md): "5 September 2011, 23:59 (Europe/Geneva)". */
const DEADLINE_FORMAT = 'd LLLL yyyy, HH:mm';

export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant as it reads in `zone`, in the admin's language, followed by the zone's name. */
export function formatInZone(iso: string, zone: string, locale: string): string {
  return `${DateTime.fromISO(iso).setZone(zone).setLocale(locale).toFormat(DEADLINE_FORMAT)} (${zone})`;
}

/** What is left until `iso`: "3d 04:05:06"; null once it has passed. */
export function timeLeft(iso: string, now: DateTime): string | null {
  const millis = DateTime.fromISO(iso).toMillis() - now.toMillis();
  if (millis <= 0) return null;
  return Duration.fromMillis(millis).shiftTo('days', 'hours', 'minutes', 'seconds').toFormat("d'd' hh:mm:ss");
}
