import { DateTime } from 'luxon';
import {
  DEFAULT_TIMEZONE,
  InvalidWindowError,
  WindowInput,
  buildWindow,
  editDeadline,
  isEditable,
  parseDeadline,
  stateChangesAt,
  summarizeWindow,
  toZonedIso,
  windowState,
} from '../window';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const utc = (value: DateTime | null) => value?.toUTC().toISO();
const parseEnd = (value: unknown) => parseDeadline(value, DEFAULT_TIMEZONE, 'end', 'closesAt');

function invalidField(input: WindowInput): string {
  try {
    buildWindow(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidWindowError);
    expect((error as InvalidWindowError).code).toBe('INVALID_WINDOW');
    return (error as InvalidWindowError).field;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

// UNGIS WSIS+10 phase 3: formal contributions due 1 September 2011, extended to 5 September 2011.
const wsisPlus10 = {
  opensAt: '2011-06-15',
  closesAt: '2011-09-01',
  extensions: [{ closesAt: '2011-09-05', reason: 'At the request of several stakeholders', announcedAt: '2011-08-26' }],
};

describe('parseDeadline', () => {
  it('reads a date-only closing deadline in winter (CET) as the end of that day in Geneva', () => {
    expect(utc(parseEnd('2012-01-15'))).toBe('2012-01-15T22:59:59.999Z');
  });

  it('reads a date-only closing deadline in summer (CEST) as the end of that day in Geneva', () => {
    expect(utc(parseEnd('2011-09-05'))).toBe('2011-09-05T21:59:59.999Z');
  });

  it('reads a date-only opening date as 00:00 Geneva time', () => {
    expect(utc(parseDeadline('2011-06-15', DEFAULT_TIMEZONE, 'start', 'opensAt'))).toBe('2011-06-14T22:00:00.000Z');
    expect(utc(parseDeadline('2011-10-11', DEFAULT_TIMEZONE, 'start', 'opensAt'))).toBe('2011-10-10T22:00:00.000Z');
  });

  it('reads a date-time without offset as wall-clock time in the timezone', () => {
    expect(utc(parseEnd('2011-09-20T14:30'))).toBe('2011-09-20T12:30:00.000Z');
    expect(utc(parseEnd('2011-09-20T18:00:00'))).toBe('2011-09-20T16:00:00.000Z');
  });

  it('reads a date-time with Z or an offset as that instant', () => {
    expect(utc(parseEnd('2011-09-20T14:30Z'))).toBe('2011-09-20T14:30:00.000Z');
    expect(utc(parseEnd('2011-09-20T14:30:00.000+05:00'))).toBe('2011-09-20T09:30:00.000Z');
  });

  it('reads a JS Date as that instant', () => {
    expect(utc(parseEnd(new Date('2011-09-05T21:59:59.999Z')))).toBe('2011-09-05T21:59:59.999Z');
  });

  it('returns the DateTime in the timezone so its ISO carries the Geneva offset', () => {
    expect(parseEnd('2011-09-05T16:00:00Z')?.toISO()).toBe('2011-09-05T18:00:00.000+02:00');
  });

  it('returns null for null and undefined', () => {
    expect(parseEnd(null)).toBeNull();
    expect(parseEnd(undefined)).toBeNull();
  });

  it('ends the day right on the night summer time ends (2011-10-30, CEST -> CET)', () => {
    expect(utc(parseEnd('2011-10-30'))).toBe('2011-10-30T22:59:59.999Z');
    expect(utc(parseDeadline('2011-10-30', DEFAULT_TIMEZONE, 'start', 'opensAt'))).toBe('2011-10-29T22:00:00.000Z');
  });

  it('ends the day right on the night summer time begins (2012-03-25, CET -> CEST)', () => {
    expect(utc(parseEnd('2012-03-25'))).toBe('2012-03-25T21:59:59.999Z');
    expect(utc(parseDeadline('2012-03-25', DEFAULT_TIMEZONE, 'start', 'opensAt'))).toBe('2012-03-24T23:00:00.000Z');
  });

  it('refuses a wall time in the spring DST gap (2012-03-25T02:30 does not exist in Geneva)', () => {
    expect(() => parseEnd('2012-03-25T02:30')).toThrow(InvalidWindowError);
    expect(utc(parseEnd('2012-03-25T03:00'))).toBe('2012-03-25T01:00:00.000Z');
  });

  it('reads a wall time repeated in the autumn overlap as its later (CET) occurrence', () => {
    expect(utc(parseEnd('2011-10-30T02:30'))).toBe('2011-10-30T01:30:00.000Z');
  });

  it.each([['05/09/2011'], ['2011-13-45'], ['2011-02-30'], [''], ['2011-09-05T25:00'], ['5 September 2011']])(
    'refuses the malformed date %p',
    (value) => {
      expect(() => parseDeadline(value, DEFAULT_TIMEZONE, 'end', 'closesAt')).toThrow(
        expect.objectContaining({ code: 'INVALID_WINDOW', field: 'closesAt' }),
      );
    },
  );

  it('refuses numbers, invalid Dates and other non-strings', () => {
    for (const value of [1315000000, new Date('nope'), {}, true]) {
      expect(() => parseEnd(value)).toThrow(InvalidWindowError);
    }
  });
});

describe('windowState', () => {
  const winter = buildWindow({ opensAt: '2011-10-11', closesAt: '2012-01-15' });
  const summer = buildWindow({ opensAt: '2011-06-15', closesAt: '2011-09-05' });

  it('is open one second and one millisecond before a CET date-only deadline, closed one after', () => {
    expect(windowState(winter, at('2012-01-15T23:59:58.999+01:00'))).toBe('open');
    expect(windowState(winter, at('2012-01-15T23:59:59.998+01:00'))).toBe('open');
    expect(windowState(winter, at('2012-01-15T23:59:59.999+01:00'))).toBe('open');
    expect(windowState(winter, at('2012-01-16T00:00:00.000+01:00'))).toBe('closed');
    expect(windowState(winter, at('2012-01-16T00:00:00.999+01:00'))).toBe('closed');
  });

  it('is open one second and one millisecond before a CEST date-only deadline, closed one after', () => {
    expect(windowState(summer, at('2011-09-05T21:59:58.999Z'))).toBe('open');
    expect(windowState(summer, at('2011-09-05T21:59:59.998Z'))).toBe('open');
    expect(windowState(summer, at('2011-09-05T21:59:59.999Z'))).toBe('open');
    expect(windowState(summer, at('2011-09-05T22:00:00.000Z'))).toBe('closed');
    expect(windowState(summer, at('2011-09-05T22:00:00.999Z'))).toBe('closed');
  });

  it('is closed one second after a deadline with a time ("23:00 Geneva time"), open at 23:00 exactly', () => {
    const window = buildWindow({ closesAt: '2011-09-05T23:00' });
    expect(windowState(window, at('2011-09-05T22:59:59+02:00'))).toBe('open');
    expect(windowState(window, at('2011-09-05T23:00:00+02:00'))).toBe('open');
    expect(windowState(window, at('2011-09-05T23:00:01+02:00'))).toBe('closed');
  });

  it('is upcoming before opensAt and open from its first millisecond', () => {
    expect(windowState(summer, at('2011-06-14T23:59:59.999+02:00'))).toBe('upcoming');
    expect(windowState(summer, at('2011-06-15T00:00:00.000+02:00'))).toBe('open');
  });

  it('is always open without bounds', () => {
    expect(windowState(buildWindow({}), at('1990-01-01T00:00Z'))).toBe('open');
    expect(windowState(buildWindow({ opensAt: '2011-06-15' }), at('2030-01-01T00:00Z'))).toBe('open');
  });
});

describe('stateChangesAt', () => {
  const summer = buildWindow({ opensAt: '2011-06-15', closesAt: '2011-09-05' });
  const instants = (from: string) => {
    // The state holds until the instant returned and differs from it on.
    const now = at(from);
    const changes = stateChangesAt(summer, now)!;
    return {
      before: windowState(summer, changes.minus({ milliseconds: 1 })),
      now: windowState(summer, now),
      after: windowState(summer, changes),
    };
  };

  it('is the opening instant while upcoming', () => {
    expect(utc(stateChangesAt(summer, at('2011-06-01T00:00Z')))).toBe('2011-06-14T22:00:00.000Z');
    expect(instants('2011-06-01T00:00Z')).toEqual({ before: 'upcoming', now: 'upcoming', after: 'open' });
  });

  it('is the millisecond after the deadline while open, up to the deadline itself', () => {
    expect(utc(stateChangesAt(summer, at('2011-07-01T00:00Z')))).toBe('2011-09-05T22:00:00.000Z');
    expect(instants('2011-09-05T21:59:59.999Z')).toEqual({ before: 'open', now: 'open', after: 'closed' });
  });

  it('is null once closed, and for a window without bounds', () => {
    expect(stateChangesAt(summer, at('2011-09-05T22:00:00.000Z'))).toBeNull();
    expect(stateChangesAt(buildWindow({}), at('2011-07-01T00:00Z'))).toBeNull();
  });
});

describe('extensions', () => {
  it('moves the boundary and keeps the original deadline on record (WSIS+10, 1 -> 5 September 2011)', () => {
    const window = buildWindow(wsisPlus10);
    expect(windowState(window, at('2011-09-04T12:00Z'))).toBe('open');
    expect(windowState(window, at('2011-09-06T00:00+02:00'))).toBe('closed');
    expect(window.originalClosesAt?.toISO()).toBe('2011-09-01T23:59:59.999+02:00');
    expect(window.closesAt?.toISO()).toBe('2011-09-05T23:59:59.999+02:00');
    expect(window.extensions[0]).toMatchObject({ reason: 'At the request of several stakeholders' });
    expect(window.extensions[0].announcedAt?.toISO()).toBe('2011-08-26T00:00:00.000+02:00');
  });

  it('lets the latest of several extensions win, whatever the input order', () => {
    const window = buildWindow({
      closesAt: '2011-09-01',
      extensions: [{ closesAt: '2011-09-12' }, { closesAt: '2011-09-05' }, { closesAt: '2011-09-08T12:00' }],
    });
    expect(window.closesAt?.toISO()).toBe('2011-09-12T23:59:59.999+02:00');
    expect(window.extensions.map((extension) => extension.closesAt.toISODate())).toEqual(['2011-09-05', '2011-09-08', '2011-09-12']);
    expect(window.extensions[0]).toMatchObject({ reason: null, announcedAt: null });
  });

  it('refuses an extension earlier than the original deadline', () => {
    expect(invalidField({ closesAt: '2011-09-05', extensions: [{ closesAt: '2011-09-01' }] })).toBe('extensions');
  });

  it('refuses an extension equal to the deadline it extends', () => {
    expect(invalidField({ closesAt: '2011-09-05', extensions: [{ closesAt: '2011-09-05' }] })).toBe('extensions');
    expect(
      invalidField({
        closesAt: '2011-09-01',
        extensions: [{ closesAt: '2011-09-05' }, { closesAt: '2011-09-05T23:59:59.999' }],
      }),
    ).toBe('extensions');
  });

  it('refuses an extension of a window that has no closesAt, or without a closesAt of its own', () => {
    expect(invalidField({ extensions: [{ closesAt: '2011-09-05' }] })).toBe('extensions');
    expect(invalidField({ closesAt: '2011-09-01', extensions: [{ closesAt: null }] })).toBe('extensions');
    expect(invalidField({ closesAt: '2011-09-01', extensions: [{ closesAt: '05/09/2011' }] })).toBe('extensions');
  });
});

describe('edit grace', () => {
  const window = buildWindow({ ...wsisPlus10, editableUntil: '2011-09-09' });

  it('allows edits after closing and until editableUntil, not after', () => {
    const afterClosing = at('2011-09-07T10:00+02:00');
    expect(windowState(window, afterClosing)).toBe('closed');
    expect(isEditable(window, afterClosing)).toBe(true);
    expect(isEditable(window, at('2011-09-09T23:59:59.999+02:00'))).toBe(true);
    expect(isEditable(window, at('2011-09-10T00:00+02:00'))).toBe(false);
    expect(editDeadline(window)?.toISO()).toBe('2011-09-09T23:59:59.999+02:00');
  });

  it('ends edits with the effective closesAt when there is no grace', () => {
    const noGrace = buildWindow(wsisPlus10);
    expect(editDeadline(noGrace)?.toISO()).toBe('2011-09-05T23:59:59.999+02:00');
    expect(isEditable(noGrace, at('2011-09-05T23:59:59.999+02:00'))).toBe(true);
    expect(isEditable(noGrace, at('2011-09-06T00:00+02:00'))).toBe(false);
  });

  it('does not allow edits before the window opens', () => {
    expect(isEditable(window, at('2011-06-14T12:00+02:00'))).toBe(false);
  });

  it('refuses editableUntil before the effective closesAt', () => {
    expect(invalidField({ ...wsisPlus10, editableUntil: '2011-09-03' })).toBe('editableUntil');
  });

  it('refuses editableUntil on a window that never closes', () => {
    expect(invalidField({ opensAt: '2011-06-15', editableUntil: '2011-09-09' })).toBe('editableUntil');
  });
});

describe('invalid windows', () => {
  it('refuses a window that closes before it opens, or when it opens', () => {
    expect(invalidField({ opensAt: '2011-09-05', closesAt: '2011-09-01' })).toBe('closesAt');
    expect(invalidField({ opensAt: '2011-09-05T10:00', closesAt: '2011-09-05T10:00' })).toBe('closesAt');
  });

  it.each([['Europe/Geneva'], ['Mars/Olympus'], ['CET+1']])('refuses the unknown timezone %p', (timezone) => {
    expect(invalidField({ timezone, closesAt: '2011-09-05' })).toBe('timezone');
  });

  it.each([['05/09/2011'], ['2011-02-30'], [''], [1315000000]])('refuses the malformed date %p with its field', (value) => {
    expect(invalidField({ opensAt: value as string })).toBe('opensAt');
    expect(invalidField({ closesAt: value as string })).toBe('closesAt');
    expect(invalidField({ closesAt: '2011-09-01', editableUntil: value as string })).toBe('editableUntil');
  });

  it('falls back to Geneva time when the timezone is null, undefined or empty', () => {
    for (const timezone of [null, undefined, '']) {
      expect(buildWindow({ timezone, closesAt: '2011-09-05' }).timezone).toBe('Europe/Zurich');
    }
  });
});

describe('summarizeWindow', () => {
  it('prints +02:00 in summer and the original deadline when extended', () => {
    const summary = summarizeWindow(buildWindow({ ...wsisPlus10, editableUntil: '2011-09-09' }), at('2011-09-04T12:00Z'));
    expect(summary).toEqual({
      state: 'open',
      timezone: 'Europe/Zurich',
      opensAt: '2011-06-15T00:00:00.000+02:00',
      closesAt: '2011-09-05T23:59:59.999+02:00',
      originalClosesAt: '2011-09-01T23:59:59.999+02:00',
      extended: true,
      editableUntil: '2011-09-09T23:59:59.999+02:00',
      extensions: [
        {
          closesAt: '2011-09-05T23:59:59.999+02:00',
          reason: 'At the request of several stakeholders',
          announcedAt: '2011-08-26T00:00:00.000+02:00',
        },
      ],
    });
  });

  it('prints +01:00 in winter and no original deadline when not extended', () => {
    const summary = summarizeWindow(buildWindow({ opensAt: '2011-10-11', closesAt: '2012-01-15' }), at('2012-01-16T09:00Z'));
    expect(summary).toEqual({
      state: 'closed',
      timezone: 'Europe/Zurich',
      opensAt: '2011-10-11T00:00:00.000+02:00',
      closesAt: '2012-01-15T23:59:59.999+01:00',
      originalClosesAt: null,
      extended: false,
      editableUntil: null,
      extensions: [],
    });
  });

  it('prints a deadline given in UTC with the window offset', () => {
    const summary = summarizeWindow(buildWindow({ closesAt: new Date('2012-01-20T10:00:00Z') }), at('2012-01-01T00:00Z'));
    expect(summary.closesAt).toBe('2012-01-20T11:00:00.000+01:00');
  });
});

describe('timezones other than Geneva', () => {
  it('ends a date-only deadline at the end of the day in America/Bogota (UTC-5)', () => {
    const window = buildWindow({ timezone: 'America/Bogota', closesAt: '2011-09-23' });
    expect(window.closesAt?.toISO()).toBe('2011-09-23T23:59:59.999-05:00');
    expect(windowState(window, at('2011-09-24T04:59:59.999Z'))).toBe('open');
    expect(windowState(window, at('2011-09-24T05:00:00.000Z'))).toBe('closed');
  });

  it('reads wall time in Indian/Mauritius (UTC+4) and prints its offset', () => {
    const window = buildWindow({ timezone: 'Indian/Mauritius', opensAt: '2011-12-07T09:00', closesAt: '2011-12-09' });
    expect(utc(window.opensAt)).toBe('2011-12-07T05:00:00.000Z');
    expect(summarizeWindow(window, at('2011-12-08T00:00Z')).closesAt).toBe('2011-12-09T23:59:59.999+04:00');
  });
});

describe('toZonedIso', () => {
  it('prints an instant with the offset of the given timezone, or null', () => {
    expect(toZonedIso(at('2011-09-05T16:00Z'), 'Europe/Zurich')).toBe('2011-09-05T18:00:00.000+02:00');
    expect(toZonedIso(null, 'Europe/Zurich')).toBeNull();
  });
});
