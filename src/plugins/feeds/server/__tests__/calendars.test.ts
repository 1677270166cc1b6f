import { appSchemas, stubStrapi, type StrapiStub } from '../../../shared/__tests__/stub-strapi';
import type { WindowDeadline, WindowProvider } from '../../../shared/contracts';
import config from '../config';
import { getService } from '../get-service';
import services from '../services';

// The calendars service with its windows from another plugin: one WindowProvider call per
// calendar, whatever the number of items. The documents service is replaced by the documents it
// would find (its queries are the REST list's, tested over HTTP).

const CONSULTATIONS = 'api::consultation.consultation';
const PHASES = 'api::consultation-phase.consultation-phase';

const phase = (documentId: string, fields: Record<string, unknown>) => ({
  id: Number(documentId.replace(/\D/g, '')),
  documentId,
  locale: 'en',
  updatedAt: '2011-08-25T10:00:00.000Z',
  timezone: 'Europe/Zurich',
  acceptsContributions: false,
  ...fields,
});

let stub: StrapiStub;
let found: Record<string, unknown>[];
let calls: { uid: string; documentIds: string[] }[];
let windows: Map<string, WindowDeadline>;

beforeEach(() => {
  calls = [];
  windows = new Map();
  found = [];
  const provider: WindowProvider = {
    async deadlinesOf(uid, documentIds) {
      calls.push({ uid, documentIds });
      return new Map([...windows].filter(([documentId]) => documentIds.includes(documentId)));
    },
  };
  const documents = {
    listQuery: async () => ({}),
    populateFor: () => ({}),
    defaultLocale: async () => 'en',
    findByKey: async () => ({
      id: 1,
      documentId: 'consultation-1',
      title: 'UNGIS open consultation',
      updatedAt: '2011-05-01T00:00:00.000Z',
    }),
    findInLocale: async () => found,
  };
  stub = stubStrapi({
    models: appSchemas(CONSULTATIONS, PHASES),
    plugins: {
      feeds: {
        server: { services: { ...services, documents: () => documents }, config },
        config: {
          uidDomain: 'wsis.test',
          calendars: {
            consultation: {
              path: '/consultations/:slug/calendar.ics',
              contentType: PHASES,
              parent: { contentType: CONSULTATIONS, relation: 'consultation', name: 'title' },
              fields: { summary: 'name', start: 'opensAt', end: 'closesAt', timezone: 'timezone' },
              sort: ['position:asc'],
              windowsFrom: 'deadlines',
              deadlines: { match: { acceptsContributions: true }, label: { en: 'Deadline' } },
            },
          },
        },
      },
      deadlines: { server: { services: { windows: () => provider } } },
    },
  });
});

const render = async () =>
  (
    await getService(stub.strapi, 'calendars').render('consultation', { locale: 'en', query: {}, params: { slug: 'ungis' }, auth: null })
  ).body
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');

describe('calendar windows', () => {
  it('asks the window provider once for all the items of a calendar', async () => {
    found = [1, 2, 3].map((n) => phase(`phase-${n}`, { name: `Phase ${n}`, position: n, opensAt: `2011-0${n + 4}-01T08:00:00.000Z` }));
    await render();
    expect(calls).toEqual([{ uid: PHASES, documentIds: ['phase-1', 'phase-2', 'phase-3'] }]);
  });

  it('does not ask for a calendar without items', async () => {
    await render();
    expect(calls).toEqual([]);
  });

  it("takes an item's times from its window, and adds its extended deadline with the original and the reasons", async () => {
    found = [
      phase('phase-1', {
        name: 'Formal contributions',
        position: 1,
        acceptsContributions: true,
        opensAt: '2011-01-01T00:00:00.000Z',
        closesAt: '2011-01-02T00:00:00.000Z',
      }),
      phase('phase-2', { name: 'Meeting', position: 2, opensAt: '2011-10-03T08:00:00.000Z', closesAt: '2011-10-03T10:00:00.000Z' }),
    ];
    windows.set('phase-1', {
      opensAt: '2011-06-15T00:00:00.000+02:00',
      closesAt: '2011-09-05T23:59:59.999+02:00',
      originalClosesAt: '2011-09-01T23:59:59.999+02:00',
      extended: true,
      extensionReasons: ['At the request of several stakeholders', 'Summer holidays'],
      timezone: 'Europe/Zurich',
    });
    const lines = await render();
    expect(lines).toEqual(
      expect.arrayContaining(['UID:consultation-phase-phase-1@wsis.test', 'DTSTART;VALUE=DATE:20110615', 'DTEND;VALUE=DATE:20110906']),
    );
    expect(lines).toEqual(
      expect.arrayContaining(['UID:consultation-phase-phase-1-deadline@wsis.test', 'SUMMARY:Deadline: Formal contributions']),
    );
    expect(lines).toContain(
      'DESCRIPTION:Extended\\; original deadline: 2011-09-01 23:59 (Europe/Zurich)\\nAt the request of several stakeholders\\nSummer holidays',
    );
    // Without a window, an item keeps its own times and has no deadline event.
    expect(lines).toEqual(
      expect.arrayContaining(['UID:consultation-phase-phase-2@wsis.test', 'DTSTART;TZID=Europe/Zurich:20111003T100000']),
    );
    expect(lines.filter((line) => line.startsWith('UID:'))).toHaveLength(3);
  });

  it('gives a deadline never extended no description', async () => {
    found = [phase('phase-1', { name: 'Contributions', position: 1, acceptsContributions: true })];
    windows.set('phase-1', {
      opensAt: '2011-06-15T00:00:00.000+02:00',
      closesAt: '2011-09-01T23:00:00.000+02:00',
      originalClosesAt: null,
      extended: false,
      extensionReasons: [],
      timezone: 'Europe/Zurich',
    });
    const lines = await render();
    const deadline = lines.slice(lines.indexOf('UID:consultation-phase-phase-1-deadline@wsis.test'));
    expect(deadline.slice(0, deadline.indexOf('END:VEVENT')).some((line) => line.startsWith('DESCRIPTION'))).toBe(false);
    expect(deadline).toContain('DTSTART;TZID=Europe/Zurich:20110901T230000');
  });
});
