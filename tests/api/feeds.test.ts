import { DateTime } from 'luxon';
import { bootApp, TestApp } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/auth';
import { eventLines, localDate, parseCsv, parseIcs, parseXml, rawBody } from '../helpers/formats';

const GENEVA = 'Europe/Zurich';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const UID_DOMAIN = 'wsis-platform';

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp();
  token = await fullAccessToken(app.strapi);
});
afterAll(async () => {
  await app?.destroy();
});

const geneva = (value: Date | string) => (value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value)).setZone(GENEVA);
const asToken = (path: string) => app.request().get(path).set('Authorization', `Bearer ${token}`);
/** Fixtures are written as trusted code, outside the stakeholders' windows (as the seed is). */
const trusted = <T>(work: () => Promise<T>): Promise<T> => app.strapi.plugin('deadlines').service('actor').bypass(work);

async function publishedEvents() {
  const response = await app.request().get('/api/events').query({ 'pagination[pageSize]': 100 }).expect(200);
  return response.body.data as {
    documentId: string;
    title: string;
    startsAt: string;
    endsAt: string | null;
    allDay: boolean;
    timezone: string;
  }[];
}

const expectClientError = (response, status = 400) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({ data: null, error: expect.objectContaining({ status, message: expect.any(String) }) });
};

describe('the events calendar (GET /api/events/calendar.ics)', () => {
  let overnight: string;
  let repeatedHour: string;
  let weekend: string;
  beforeAll(async () => {
    const create = async (data: Record<string, unknown>) =>
      (
        await app
          .request()
          .post('/api/events')
          .set('Authorization', `Bearer ${token}`)
          .send({ data: { scope: 'international', timezone: GENEVA, ...data } })
          .expect(201)
      ).body.data.documentId as string;
    // Around the end of summer time in Geneva: Sunday 30 October 2011, 03:00 CEST became 02:00 CET.
    overnight = await create({
      title: 'Night session across the clock change',
      startsAt: '2011-10-29T20:00:00.000Z',
      endsAt: '2011-10-30T07:00:00.000Z',
    });
    repeatedHour = await create({ title: 'The repeated hour', startsAt: '2011-10-30T00:30:00.000Z', endsAt: '2011-10-30T01:30:00.000Z' });
    weekend = await create({
      title: 'Weekend workshop',
      startsAt: '2011-10-28T22:00:00.000Z',
      endsAt: '2011-10-31T22:59:59.000Z',
      allDay: true,
    });
    await app
      .request()
      .put(`/api/events/${overnight}`)
      .query({ locale: 'fr' })
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'Séance de nuit pendant le changement d’heure' } })
      .expect(200);
  });

  it('serves every published event as text/calendar, parsed by node-ical at the times the data says, in Geneva time', async () => {
    const response = await app.request().get('/api/events/calendar.ics').expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = parseIcs(response.text);
    const stored = await publishedEvents();
    expect(Object.keys(events)).toHaveLength(stored.length);
    for (const event of stored) {
      const parsed = events[`event-${event.documentId}@${UID_DOMAIN}`];
      expect(parsed).toBeDefined();
      expect(parsed.summary).toBe(event.title);
      if (event.allDay) {
        expect(parsed.datetype).toBe('date');
        expect(localDate(parsed.start)).toBe(DateTime.fromISO(event.startsAt).setZone(event.timezone).toISODate());
        expect(localDate(parsed.end)).toBe(DateTime.fromISO(event.endsAt!).setZone(event.timezone).plus({ days: 1 }).toISODate());
      } else {
        expect(parsed.datetype).toBe('date-time');
        expect(parsed.start.toISOString()).toBe(new Date(event.startsAt).toISOString());
        expect(parsed.end.toISOString()).toBe(new Date(event.endsAt!).toISOString());
      }
    }
  });

  it('puts the second WSIS+10 meeting at 14:30-18:00 Geneva time (CEST), with its TZID and VTIMEZONE', async () => {
    const text = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const meeting = (await publishedEvents()).find((event) => event.title.includes('Second Physical Meeting'))!;
    const uid = `event-${meeting.documentId}@${UID_DOMAIN}`;
    const parsed = parseIcs(text)[uid];
    expect(geneva(parsed.start).toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2011-09-20 14:30 +02:00');
    expect(geneva(parsed.end).toFormat('HH:mm')).toBe('18:00');
    expect(eventLines(text, uid)).toEqual(
      expect.arrayContaining(['DTSTART;TZID=Europe/Zurich:20110920T143000', 'DTEND;TZID=Europe/Zurich:20110920T180000']),
    );
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich');
  });

  it('keeps the elapsed time of an event across the end of summer time (22:00 CEST to 08:00 CET is 11 hours)', async () => {
    const text = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const uid = `event-${overnight}@${UID_DOMAIN}`;
    const parsed = parseIcs(text)[uid];
    expect(eventLines(text, uid)).toEqual(
      expect.arrayContaining(['DTSTART;TZID=Europe/Zurich:20111029T220000', 'DTEND;TZID=Europe/Zurich:20111030T080000']),
    );
    expect(geneva(parsed.start).toFormat('HH:mm ZZ')).toBe('22:00 +02:00');
    expect(geneva(parsed.end).toFormat('HH:mm ZZ')).toBe('08:00 +01:00');
    expect((parsed.end.getTime() - parsed.start.getTime()) / 3600_000).toBe(11);
  });

  it('writes the repeated hour (02:30 CEST, then 02:30 CET) in UTC, since a Geneva local time would be read as the first one', async () => {
    const text = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const uid = `event-${repeatedHour}@${UID_DOMAIN}`;
    const parsed = parseIcs(text)[uid];
    expect(eventLines(text, uid)).toEqual(expect.arrayContaining(['DTSTART:20111030T003000Z', 'DTEND:20111030T013000Z']));
    expect(geneva(parsed.start).toFormat('HH:mm ZZ')).toBe('02:30 +02:00');
    expect(geneva(parsed.end).toFormat('HH:mm ZZ')).toBe('02:30 +01:00');
  });

  it('writes an all-day event across the clock change as DATE values, the end exclusive', async () => {
    const text = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const uid = `event-${weekend}@${UID_DOMAIN}`;
    expect(eventLines(text, uid)).toEqual(expect.arrayContaining(['DTSTART;VALUE=DATE:20111029', 'DTEND;VALUE=DATE:20111101']));
    const parsed = parseIcs(text)[uid];
    expect([localDate(parsed.start), localDate(parsed.end)]).toEqual(['2011-10-29', '2011-11-01']);
  });

  it('gives each event a DTSTAMP in UTC and the same UID on every request and in every locale', async () => {
    const first = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const second = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    const french = (await app.request().get('/api/events/calendar.ics').query({ locale: 'fr' }).expect(200)).text;
    expect(Object.keys(parseIcs(second)).sort()).toEqual(Object.keys(parseIcs(first)).sort());
    expect(Object.keys(parseIcs(french)).sort()).toEqual(Object.keys(parseIcs(first)).sort());
    const stamps = first
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter((line) => line.startsWith('DTSTAMP'));
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(stamp).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  });

  it('titles events in the requested locale, and keeps untranslated ones in English', async () => {
    const events = parseIcs((await app.request().get('/api/events/calendar.ics').query({ locale: 'fr' }).expect(200)).text);
    expect(events[`event-${overnight}@${UID_DOMAIN}`].summary).toBe('Séance de nuit pendant le changement d’heure');
    expect(events[`event-${weekend}@${UID_DOMAIN}`].summary).toBe('Weekend workshop');
    const igf = (await publishedEvents()).find((event) => event.title === 'The Sixth Annual IGF Meeting')!;
    const arabic = parseIcs((await app.request().get('/api/events/calendar.ics').query({ locale: 'ar' }).expect(200)).text);
    expect(arabic[`event-${igf.documentId}@${UID_DOMAIN}`].summary).toMatch(/[\u0600-\u06ff]/);
  });

  it('selects the events overlapping from/to, dates being whole days in Geneva', async () => {
    const events = parseIcs(
      (await app.request().get('/api/events/calendar.ics').query({ from: '2011-10-01', to: '2011-10-31' }).expect(200)).text,
    );
    const titles = Object.values(events).map((event) => event.summary);
    expect(titles).toEqual(
      expect.arrayContaining([
        'ITU Telecom World 2011',
        'Broadband Leadership Summit',
        'Night session across the clock change',
        'Weekend workshop',
      ]),
    );
    expect(titles).not.toContain('The Sixth Annual IGF Meeting');
    expect(titles).not.toContain('3rd International Conference of Crisis Mappers (ICCM 2011)');
    // ICCM runs 14-15 November in Geneva: a range ending on the 14th, Geneva time, still catches it.
    const november = parseIcs(
      (await app.request().get('/api/events/calendar.ics').query({ from: '2011-11-14', to: '2011-11-14' }).expect(200)).text,
    );
    expect(Object.values(november).map((event) => event.summary)).toEqual(['3rd International Conference of Crisis Mappers (ICCM 2011)']);
  });

  it('takes the same filters as the REST list', async () => {
    const events = parseIcs(
      (await app.request().get('/api/events/calendar.ics').query({ 'filters[city][$eq]': 'Geneva' }).expect(200)).text,
    );
    const list = await app.request().get('/api/events').query({ 'filters[city][$eq]': 'Geneva', 'pagination[pageSize]': 100 }).expect(200);
    expect(Object.keys(events).sort()).toEqual(list.body.data.map((event) => `event-${event.documentId}@${UID_DOMAIN}`).sort());
  });

  it('keeps the latest events when there are more than maxItems', async () => {
    const config = app.strapi.config.get('plugin::feeds') as { calendars: Record<string, { maxItems?: number }> };
    config.calendars.events.maxItems = 2;
    try {
      const events = parseIcs((await app.request().get('/api/events/calendar.ics').expect(200)).text);
      const latest = (await publishedEvents()).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)).slice(0, 2);
      expect(Object.keys(events).sort()).toEqual(latest.map((event) => `event-${event.documentId}@${UID_DOMAIN}`).sort());
    } finally {
      delete config.calendars.events.maxItems;
    }
  });

  it('is served by the plugin while /api/events/:id still finds a document', async () => {
    const [event] = await publishedEvents();
    const found = await app.request().get(`/api/events/${event.documentId}`).expect(200);
    expect(found.body.data.documentId).toBe(event.documentId);
  });
});

describe('the Forum agenda (GET /api/forum-editions/:slug/agenda.ics)', () => {
  it("lists the edition's sessions at their times in the venue's zone, with their rooms", async () => {
    const text = (await app.request().get('/api/forum-editions/wsis-forum-2012/agenda.ics').expect(200)).text;
    const events = parseIcs(text);
    const sessions = (
      await app
        .request()
        .get('/api/forum-sessions')
        .query({ 'filters[edition][slug][$eq]': 'wsis-forum-2012', 'pagination[pageSize]': 100 })
        .expect(200)
    ).body.data;
    expect(sessions.length).toBeGreaterThan(5);
    expect(Object.keys(events).sort()).toEqual(sessions.map((session) => `forum-session-${session.documentId}@${UID_DOMAIN}`).sort());
    for (const session of sessions) {
      const uid = `forum-session-${session.documentId}@${UID_DOMAIN}`;
      expect(events[uid].start.toISOString()).toBe(new Date(session.startsAt).toISOString());
      expect(events[uid].end.toISOString()).toBe(new Date(session.endsAt).toISOString());
      expect(eventLines(text, uid).find((line) => line.startsWith('DTSTART'))).toMatch(/^DTSTART;TZID=Europe\/Zurich:/);
      if (session.room) expect(events[uid].location).toContain(session.room);
    }
    const opening = sessions.find((session) => session.number === 1);
    const parsed = events[`forum-session-${opening.documentId}@${UID_DOMAIN}`];
    expect(geneva(parsed.start).toFormat('yyyy-MM-dd HH:mm')).toBe('2012-05-14 09:00');
    expect(parsed.location).toBe('ILO Room II, ILO Conference Centre, Geneva');
    expect(text).toContain('X-WR-CALNAME:WSIS Forum 2012');
  });

  it('finds the edition by its slug in another locale and titles sessions in that locale', async () => {
    const french = (await app.request().get('/api/forum-editions').query({ locale: 'fr', 'filters[year][$eq]': 2012 }).expect(200)).body
      .data[0];
    expect(french.slug).not.toBe('wsis-forum-2012');
    const byFrenchSlug = parseIcs(
      (await app.request().get(`/api/forum-editions/${french.slug}/agenda.ics`).query({ locale: 'fr' }).expect(200)).text,
    );
    const byEnglishSlug = parseIcs(
      (await app.request().get('/api/forum-editions/wsis-forum-2012/agenda.ics').query({ locale: 'fr' }).expect(200)).text,
    );
    expect(Object.keys(byFrenchSlug).sort()).toEqual(Object.keys(byEnglishSlug).sort());
    const frenchSessions = (await app.request().get('/api/forum-sessions').query({ locale: 'fr', 'pagination[pageSize]': 100 }).expect(200))
      .body.data;
    const translated = frenchSessions.find((session) => byFrenchSlug[`forum-session-${session.documentId}@${UID_DOMAIN}`]);
    expect(byFrenchSlug[`forum-session-${translated.documentId}@${UID_DOMAIN}`].summary).toBe(translated.title);
  });
});

describe('a consultation calendar (GET /api/consultations/:slug/calendar.ics)', () => {
  const SLUG = 'ungis-open-consultation-wsis-10-review';
  const phases = async (consultationSlug: string) =>
    (
      await app
        .request()
        .get('/api/consultation-phases')
        .query({ 'filters[consultation][slug][$eq]': consultationSlug, 'pagination[pageSize]': 100, sort: 'position:asc' })
        .expect(200)
    ).body.data;

  it('shows the WSIS+10 phases: dated phases as whole days, meetings at their Geneva times', async () => {
    const text = (await app.request().get(`/api/consultations/${SLUG}/calendar.ics`).expect(200)).text;
    const events = parseIcs(text);
    const [first, online, , , second] = await phases(SLUG);
    const meeting = events[`consultation-phase-${second.documentId}@${UID_DOMAIN}`];
    expect(geneva(meeting.start).toFormat('yyyy-MM-dd HH:mm')).toBe('2011-09-20 14:30');
    expect(geneva(meeting.end).toFormat('HH:mm')).toBe('18:00');
    expect(geneva(events[`consultation-phase-${first.documentId}@${UID_DOMAIN}`].start).toFormat('yyyy-MM-dd')).toBe('2011-05-20');
    const consultation = events[`consultation-phase-${online.documentId}@${UID_DOMAIN}`];
    expect(consultation.datetype).toBe('date');
    expect([localDate(consultation.start), localDate(consultation.end)]).toEqual(['2011-06-15', '2011-09-02']);
  });

  it('ends the contributions phase on its extended deadline, 5 September 2011, with a deadline event that keeps the original on record', async () => {
    const text = (await app.request().get(`/api/consultations/${SLUG}/calendar.ics`).expect(200)).text;
    const events = parseIcs(text);
    const contributions = (await phases(SLUG)).find((phase) => phase.acceptsContributions);
    const phase = events[`consultation-phase-${contributions.documentId}@${UID_DOMAIN}`];
    expect([localDate(phase.start), localDate(phase.end)]).toEqual(['2011-06-15', '2011-09-06']);
    const deadline = events[`consultation-phase-${contributions.documentId}-deadline@${UID_DOMAIN}`];
    expect(deadline.summary).toBe(`Deadline: ${contributions.name}`);
    expect(deadline.datetype).toBe('date');
    expect(localDate(deadline.start)).toBe('2011-09-05');
    expect(deadline.description).toContain('2011-09-01 23:59 (Europe/Zurich)');
    expect(deadline.description).toContain('Extended at the request of several stakeholders');
    expect(Object.keys(events)).toHaveLength(7);
  });

  it('follows a newly announced extension (Forum 2012 contributions, 20 then 27 January 2012)', async () => {
    const forum = 'open-consultations-wsis-forum-2012';
    const contributions = (await phases(forum)).find((phase) => phase.acceptsContributions);
    const deadlineUid = `consultation-phase-${contributions.documentId}-deadline@${UID_DOMAIN}`;
    const before = parseIcs((await app.request().get(`/api/consultations/${forum}/calendar.ics`).expect(200)).text);
    expect(localDate(before[deadlineUid].start)).toBe('2012-01-20');
    await app
      .request()
      .put(`/api/consultation-phases/${contributions.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { extensions: [{ closesAt: '2012-01-27', reason: 'Requested by the stakeholders', announcedAt: '2012-01-10' }] } })
      .expect(200);
    const after = parseIcs((await app.request().get(`/api/consultations/${forum}/calendar.ics`).expect(200)).text);
    expect(localDate(after[deadlineUid].start)).toBe('2012-01-27');
    expect(localDate(after[`consultation-phase-${contributions.documentId}@${UID_DOMAIN}`].end)).toBe('2012-01-28');
    expect(after[deadlineUid].description).toContain('2012-01-20 23:59 (Europe/Zurich)');
  });

  it('names phases and deadlines in the requested locale', async () => {
    const events = parseIcs((await app.request().get(`/api/consultations/${SLUG}/calendar.ics`).query({ locale: 'ar' }).expect(200)).text);
    const deadline = Object.entries(events).find(([uid]) => uid.endsWith(`-deadline@${UID_DOMAIN}`))![1];
    expect(deadline.summary.startsWith('الموعد النهائي: ')).toBe(true);
  });
});

describe('feeds', () => {
  let fileUrl: string;
  let fileId: number;
  let newest: string;
  afterAll(async () => {
    // The local provider wrote under public/uploads/: leave the worktree as it was.
    const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: fileId } });
    if (file) await app.strapi.plugin('upload').service('upload').remove(file);
  });
  beforeAll(async () => {
    const pdf = Buffer.from('%PDF-1.4\n% Measuring the Information Society 2011\n%%EOF\n');
    const uploaded = await app
      .request()
      .post('/api/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', pdf, { filename: 'mis-2011.pdf', contentType: 'application/pdf' })
      .expect(201);
    fileUrl = uploaded.body[0].url;
    fileId = uploaded.body[0].id;
    const publication = (
      await app.request().get('/api/publications').query({ 'filters[slug][$eq]': 'measuring-the-information-society-2011' }).expect(200)
    ).body.data[0];
    await app
      .request()
      .put(`/api/publications/${publication.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { file: uploaded.body[0].id } })
      .expect(200);
    newest = (
      await trusted(() =>
        app.strapi.documents(ENTRIES).create({
          data: { title: 'Rural telecentres in Morocco', shortDescription: 'Community access points.' },
          locale: 'en',
          status: 'published',
        } as never),
      )
    ).documentId;
  });

  it('serves the Global Repository as valid RSS 2.0, newest publication first, with the file as enclosure', async () => {
    const response = await app.request().get('/api/publications/feed.xml').expect(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const { rss } = parseXml(response.text);
    expect(rss['@_version']).toBe('2.0');
    const { channel } = rss;
    expect(channel.title).toBe('WSIS Global Repository');
    expect(channel.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/publications/);
    expect(channel.description).toEqual(expect.any(String));
    const dates = channel.item.map((item) => Date.parse(item.pubDate));
    expect(dates.every((date) => !Number.isNaN(date))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(channel.item[0].title).toBe('Measuring the Information Society 2011');
    const enclosure = channel.item[0].enclosure;
    expect(enclosure['@_url']).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${fileUrl.replace(/[.]/g, '\\.')}$`));
    expect(enclosure['@_type']).toBe('application/pdf');
    expect(Number(enclosure['@_length'])).toBeGreaterThan(0);
    for (const item of channel.item) {
      expect(item.title).toEqual(expect.any(String));
      expect(item.guid).toBe(item.link);
    }
    await app
      .request()
      .get(enclosure['@_url'].replace(/^http:\/\/[^/]+/, ''))
      .expect(200);
  });

  it('serves the repository per locale', async () => {
    const { rss } = parseXml((await app.request().get('/api/publications/feed.xml').query({ locale: 'fr' }).expect(200)).text);
    expect(rss.channel.language).toBe('fr');
    expect(rss.channel.title).toBe('Répertoire mondial du SMSI');
    const french = (await app.request().get('/api/publications').query({ locale: 'fr', 'pagination[pageSize]': 100 }).expect(200)).body
      .data;
    expect(rss.channel.item.map((item) => item.title)).toEqual(expect.arrayContaining(french.map((publication) => publication.title)));
  });

  it('serves the newest published stocktaking entries as RSS 2.0, per locale', async () => {
    const { rss } = parseXml((await app.request().get('/api/stocktaking-entries/feed.xml').expect(200)).text);
    expect(rss.channel.item[0].title).toBe('Rural telecentres in Morocco');
    expect(rss.channel.item[0].link).toContain(`/api/stocktaking-entries/${newest}?locale=en`);
    const titles = rss.channel.item.map((item) => item.title);
    expect(titles).not.toContain('National ICT Indicators Portal of Mauritius');
    const arabic = parseXml((await app.request().get('/api/stocktaking-entries/feed.xml').query({ locale: 'ar' }).expect(200)).text);
    expect(arabic.rss.channel.language).toBe('ar');
    expect(arabic.rss.channel.title).toMatch(/[\u0600-\u06ff]/);
  });
});

describe('the stocktaking export (GET /api/stocktaking-entries/export.csv)', () => {
  const FORMULA = '=HYPERLINK("http://attacker.example/","Click for details")';
  let formulaEntry: string;
  let multilingual: string;
  let draft: string;
  beforeAll(async () => {
    const lines = (
      await app.strapi.db.query('api::action-line.action-line').findMany({ where: { code: { $in: ['C2', 'C3'] }, locale: 'en' } })
    ).map((line) => line.documentId);
    const call = (
      await app.strapi.db.query('api::stocktaking-call.stocktaking-call').findOne({ where: { edition: '2011-2012', locale: 'en' } })
    ).documentId;
    const entries = app.strapi.documents(ENTRIES);
    formulaEntry = (
      await trusted(() =>
        entries.create({
          data: {
            title: FORMULA,
            shortDescription: '+1 for telecentres; -2 for kiosks; @everyone',
            actionLines: lines,
            call,
            projectStatus: 'ongoing',
          },
          locale: 'en',
          status: 'published',
        } as never),
      )
    ).documentId;
    multilingual = (
      await trusted(() =>
        entries.create({
          data: {
            title: 'Community telecentres, "Maghreb" programme',
            shortDescription: 'Access points in post offices.',
            projectStatus: 'planned',
          },
          locale: 'en',
          status: 'published',
        } as never),
      )
    ).documentId;
    await trusted(() =>
      entries.update({
        documentId: multilingual,
        locale: 'ar',
        data: { title: 'مراكز الاتصال المجتمعية في المغرب', shortDescription: 'نقاط وصول في مكاتب البريد.' },
        status: 'published',
      } as never),
    );
    await trusted(() =>
      entries.update({
        documentId: multilingual,
        locale: 'zh',
        data: { title: '农村社区电信中心', shortDescription: '邮局中的接入点。' },
        status: 'published',
      } as never),
    );
    draft = (
      await trusted(() =>
        entries.create({
          data: { title: 'Unmoderated draft entry', shortDescription: 'Not yet published.' },
          locale: 'en',
          status: 'draft',
        } as never),
      )
    ).documentId;
  });

  const exportCsv = (query: Record<string, string> = {}, authorized = false) =>
    rawBody(
      (authorized ? asToken('/api/stocktaking-entries/export.csv') : app.request().get('/api/stocktaking-entries/export.csv')).query(query),
    );

  it('streams UTF-8 CSV with a byte order mark, one row per published entry, that a CSV parser reads back', async () => {
    const response = await exportCsv().expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="wsis-stocktaking-entries.csv"');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes);
    const list = await app.request().get('/api/stocktaking-entries').query({ 'pagination[pageSize]': 100 }).expect(200);
    expect(rows.map((row) => row.documentId).sort()).toEqual(list.body.data.map((entry) => entry.documentId).sort());
    expect(Number(response.headers['x-total-count'])).toBe(rows.length);
    expect(rows.map((row) => row.documentId)).not.toContain(draft);
    const telekiosks = rows.find((row) => row.title.startsWith('Post Office Telekiosks'))!;
    expect(telekiosks).toEqual(
      expect.objectContaining({
        actionLines: 'C2; C3; C7.1; C7.2',
        countries: 'BT',
        organization: 'Bhutan Post',
        call: '2011-2012',
        locale: 'en',
      }),
    );
    expect(telekiosks.implementingPartners).toBe('International Telecommunication Union (ITU); Universal Postal Union (UPU)');
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const rows = parseCsv((await exportCsv().expect(200)).body);
    const row = rows.find((candidate) => candidate.documentId === formulaEntry)!;
    expect(row.title).toBe(`'${FORMULA}`);
    expect(row.shortDescription).toBe("'+1 for telecentres; -2 for kiosks; @everyone");
    expect(row.actionLines).toBe('C2; C3');
    const quoted = rows.find((candidate) => candidate.documentId === multilingual)!;
    expect(quoted.title).toBe('Community telecentres, "Maghreb" programme');
  });

  it.each([
    ['ar', 'مراكز الاتصال المجتمعية في المغرب', 'نقاط وصول في مكاتب البريد.'],
    ['zh', '农村社区电信中心', '邮局中的接入点。'],
  ])('round-trips %s text', async (locale, title, shortDescription) => {
    const rows = parseCsv((await exportCsv({ locale }).expect(200)).body);
    expect(rows.find((row) => row.documentId === multilingual)).toEqual(expect.objectContaining({ title, shortDescription, locale }));
  });

  it('takes the filters and sort of the REST list', async () => {
    for (const query of [
      { 'filters[projectStatus][$eq]': 'completed' },
      { 'filters[actionLines][code][$eq]': 'C3' },
      { 'filters[$or][0][region][$eq]': 'africa', 'filters[$or][1][coverage][$eq]': 'international' },
    ]) {
      const rows = parseCsv((await exportCsv(query).expect(200)).body);
      const list = await app
        .request()
        .get('/api/stocktaking-entries')
        .query({ ...query, 'pagination[pageSize]': 100 })
        .expect(200);
      expect(rows.map((row) => row.documentId).sort()).toEqual(list.body.data.map((entry) => entry.documentId).sort());
      expect(rows.length).toBeGreaterThan(0);
    }
    const sorted = parseCsv((await exportCsv({ sort: 'title:desc' }).expect(200)).body);
    const list = await app.request().get('/api/stocktaking-entries').query({ sort: 'title:desc', 'pagination[pageSize]': 100 }).expect(200);
    expect(sorted.map((row) => row.documentId)).toEqual(list.body.data.map((entry) => entry.documentId));
  });

  it('gives drafts to an API token that asks for them, and refuses them to the public', async () => {
    const rows = parseCsv((await exportCsv({ status: 'draft' }, true).expect(200)).body);
    expect(rows.map((row) => row.documentId)).toEqual(expect.arrayContaining([draft, formulaEntry]));
    const refused = await app.request().get('/api/stocktaking-entries/export.csv').query({ status: 'draft' });
    expectClientError(refused, 403);
    expect(refused.body.error.details.code).toBe('DRAFTS_NOT_VISIBLE');
  });

  it('reads in batches smaller than the result (keyset and offset pages give every row once)', async () => {
    const config = app.strapi.config.get('plugin::feeds') as { exports: Record<string, { batchSize?: number }> };
    const previous = config.exports.stocktakingEntries.batchSize;
    config.exports.stocktakingEntries.batchSize = 2;
    try {
      const all = parseCsv((await exportCsv().expect(200)).body).map((row) => row.documentId);
      expect(new Set(all).size).toBe(all.length);
      const list = await app
        .request()
        .get('/api/stocktaking-entries')
        .query({ 'pagination[pageSize]': 100, sort: 'title:asc' })
        .expect(200);
      expect(all.sort()).toEqual(list.body.data.map((entry) => entry.documentId).sort());
      const sorted = parseCsv((await exportCsv({ sort: 'title:asc' }).expect(200)).body).map((row) => row.documentId);
      expect(sorted).toEqual(list.body.data.map((entry) => entry.documentId));
    } finally {
      config.exports.stocktakingEntries.batchSize = previous;
    }
  });
});

describe('bad input answers 4xx with a message, never a 500 nor a half-written body', () => {
  it.each([
    ['/api/events/calendar.ics?from=garbage', 'INVALID_DATE_RANGE'],
    ['/api/events/calendar.ics?from=2011-12-01&to=2011-11-01', 'INVALID_DATE_RANGE'],
    ['/api/events/calendar.ics?to=2011-02-30', 'INVALID_DATE_RANGE'],
    ['/api/events/calendar.ics?from[$gt]=2011-01-01', 'INVALID_DATE_RANGE'],
    ['/api/events/calendar.ics?from=2011-01-01&from=2011-02-01', 'INVALID_DATE_RANGE'],
    ['/api/events/calendar.ics?locale=xx', 'INVALID_LOCALE'],
    ['/api/stocktaking-entries/export.csv?locale=de', 'INVALID_LOCALE'],
    ['/api/stocktaking-entries/export.csv?pagination[page]=abc', 'INVALID_PAGINATION'],
  ])('%s answers 400 %s', async (url, code) => {
    const response = await app.request().get(url);
    expectClientError(response);
    expect(response.body.error.details.code).toBe(code);
  });

  it.each(['/api/forum-editions/no-such-forum/agenda.ics', '/api/consultations/no-such-consultation/calendar.ics'])(
    '%s answers 404 for the unknown slug',
    async (url) => {
      const response = await app.request().get(url);
      expectClientError(response, 404);
      expect(response.body.error.details.code).toBe('UNKNOWN_SLUG');
    },
  );

  it.each([
    '/api/stocktaking-entries/export.csv?filters[doesNotExist][$eq]=1',
    '/api/stocktaking-entries/export.csv?filters[title][$nope]=1',
    '/api/stocktaking-entries/export.csv?filters[submittedBy][id][$eq]=1',
    '/api/stocktaking-entries/export.csv?filters[moderatorNote][$contains]=spam',
    '/api/stocktaking-entries/export.csv?sort=doesNotExist:asc',
    '/api/stocktaking-entries/feed.xml?filters[doesNotExist][$eq]=1',
    '/api/publications/feed.xml?filters[title][$nope]=1',
    '/api/events/calendar.ics?filters[doesNotExist][$eq]=1',
    '/api/forum-editions/wsis-forum-2012/agenda.ics?filters[doesNotExist][$eq]=1',
  ])('%s answers 400 for a field or operator that does not exist or is private', async (url) => {
    expectClientError(await app.request().get(url));
  });
});

describe('hostile text in feeds and calendars', () => {
  // A title that closes the CDATA section it is written in, then opens elements of its own.
  const CDATA_BREAKOUT = 'A]]>B]]></title><link>https://evil.example</link><title><![CDATA[';
  // A title that ends its calendar line, then writes an event of its own.
  const CRLF_INJECTION =
    'WSIS+10\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:injected@evil.example\r\nDTSTART:20110101T000000Z\r\nSUMMARY:Injected\r\nEND:VEVENT';
  // Characters XML 1.0 and RFC 5545 forbid (NUL aside: PostgreSQL does not store it).
  const CONTROLS = 'bell\u0007 vt\u000B us\u001F del\u007F nonchar\uFFFE';
  const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
  const create = async (path: string, data: Record<string, unknown>) =>
    (await app.request().post(path).set('Authorization', `Bearer ${token}`).send({ data }).expect(201)).body.data;
  let publication: string;
  let event: string;
  let consultationSlug: string;
  let phase: string;
  beforeAll(async () => {
    publication = (
      await create('/api/publications', {
        title: `${CDATA_BREAKOUT} ${CONTROLS}`,
        abstract: `${CDATA_BREAKOUT}\n${CONTROLS}`,
        authors: CDATA_BREAKOUT,
        institution: CONTROLS,
        publicationType: 'report',
        publishedOn: '2031-01-01',
      })
    ).documentId;
    event = (
      await create('/api/events', {
        title: `${CRLF_INJECTION} ${CONTROLS}`,
        description: `${CRLF_INJECTION}\n${CONTROLS}`,
        venue: CRLF_INJECTION,
        city: CONTROLS,
        startsAt: '2011-11-02T08:00:00.000Z',
        endsAt: '2011-11-02T10:00:00.000Z',
        timezone: GENEVA,
        scope: 'international',
      })
    ).documentId;
    const consultation = await create('/api/consultations', { title: CRLF_INJECTION });
    consultationSlug = consultation.slug;
    phase = (
      await create('/api/consultation-phases', {
        name: `${CRLF_INJECTION} ${CONTROLS}`,
        location: CRLF_INJECTION,
        position: 1,
        kind: 'online_consultation',
        timezone: GENEVA,
        opensAt: '2011-06-15',
        closesAt: '2011-09-01',
        consultation: consultation.documentId,
      })
    ).documentId;
  });

  it('writes a publication titled to break out of its CDATA as one item with exactly its own elements', async () => {
    const response = await app.request().get('/api/publications/feed.xml').expect(200);
    expect(response.text).not.toMatch(FORBIDDEN);
    const { rss } = parseXml(response.text);
    expect(Object.keys(rss.channel).sort()).toEqual([
      'atom:link',
      'description',
      'docs',
      'generator',
      'item',
      'language',
      'lastBuildDate',
      'link',
      'title',
    ]);
    const list = (await app.request().get('/api/publications').query({ 'pagination[pageSize]': 100 }).expect(200)).body.data;
    expect(rss.channel.item).toHaveLength(list.length);
    const items = rss.channel.item.filter((item) => item.link.includes(`/api/publications/${publication}?`));
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(['description', 'guid', 'link', 'pubDate', 'title']);
    expect(items[0].title).toBe('A]] >B]] ></title><link>https://evil.example</link><title><![CDATA[ bell vt us del nonchar');
    expect(items[0].description).toContain('A]] >B]] ></title><link>');
    expect(rss.channel.item.map((item) => item.link).filter((link) => link.includes('evil.example'))).toEqual([]);
  });

  it('keeps an event whose title, venue and city carry line breaks and control characters as one event', async () => {
    const text = (await app.request().get('/api/events/calendar.ics').expect(200)).text;
    expect(text).not.toMatch(FORBIDDEN);
    const events = parseIcs(text);
    expect(Object.keys(events).sort()).toEqual(
      (await publishedEvents()).map((stored) => `event-${stored.documentId}@${UID_DOMAIN}`).sort(),
    );
    const parsed = events[`event-${event}@${UID_DOMAIN}`];
    expect(parsed.summary).toBe(`${CRLF_INJECTION.replace(/\r\n/g, ' ')} bell vt us del nonchar`);
    expect(parsed.location).toBe(`${CRLF_INJECTION.replace(/\r\n/g, ' ')}, bell vt us del nonchar`);
  });

  it('keeps a consultation titled with calendar lines to one calendar of exactly its phase', async () => {
    const text = (await app.request().get(`/api/consultations/${consultationSlug}/calendar.ics`).expect(200)).text;
    expect(text).not.toMatch(FORBIDDEN);
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((line) => /^(BEGIN|END):V(CALENDAR|EVENT)/.test(line))).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(lines).toContain(`X-WR-CALNAME:${CRLF_INJECTION.replace(/\r\n/g, ' ')}`);
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual([`UID:consultation-phase-${phase}@${UID_DOMAIN}`]);
    const events = parseIcs(text);
    expect(Object.keys(events)).toEqual([`consultation-phase-${phase}@${UID_DOMAIN}`]);
    expect(events[`consultation-phase-${phase}@${UID_DOMAIN}`].summary).toBe(
      `${CRLF_INJECTION.replace(/\r\n/g, ' ')} bell vt us del nonchar`,
    );
  });
});
