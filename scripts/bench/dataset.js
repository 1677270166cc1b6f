// The benchmark's content, as plain rows: the same documentIds, fields and links for every app,
// generated from a fixed seed. Relations name target documents by their key; the seeder resolves
// them to row ids (same locale, same draft or published state).

/** A small deterministic generator (mulberry32): the same dataset on every run and in both apps. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TOPICS = {
  en: ['health', 'education', 'agriculture', 'governance', 'inclusion'],
  fr: ['santé', 'éducation', 'agriculture', 'gouvernance', 'inclusion'],
  ar: ['الصحة', 'التعليم', 'الزراعة', 'الحوكمة', 'الشمول'],
};
const REGIONS = ['africa', 'arab_states', 'asia_pacific', 'americas', 'cis', 'europe'];
const STAKEHOLDERS = ['government', 'private_sector', 'civil_society', 'international_organization'];
const ACTIVITIES = ['project', 'programme', 'training_initiative', 'conference', 'website'];
const STATUSES = ['planned', 'ongoing', 'completed'];
const DAY = 24 * 60 * 60 * 1000;

const pick = (list, index) => list[index % list.length];
const paragraph = (words, random) =>
  Array.from({ length: words }, () =>
    pick(['access', 'network', 'rural', 'digital', 'skills', 'open', 'data', 'policy'], Math.floor(random() * 8)),
  ).join(' ');

/**
 * @param {number} scale 1 = 10,000 stocktaking entries, 1,000 sessions, 2,000 events, 500 publications
 * @param {Date} now the moment windows are placed around (the open call accepts entries now)
 */
function buildDataset(scale, now = new Date()) {
  const random = generator(20031210);
  const documentId = () => Array.from({ length: 24 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  const count = (full) => Math.max(1, Math.round(full * scale));
  const iso = (offsetDays) => new Date(now.getTime() + offsetDays * DAY).toISOString();
  const date = (offsetDays) => iso(offsetDays).slice(0, 10);
  const types = [];
  const add = (uid, documents) => {
    types.push({ uid, documents });
    return documents;
  };
  const make = (n, build) => Array.from({ length: n }, (_, i) => ({ key: i, documentId: documentId(), ...build(i) }));

  const actionLines = add(
    'api::action-line.action-line',
    make(11, (i) => ({
      shared: { code: `C${i + 1}`, facilitator: 'ITU' },
      locales: {
        en: { title: `Action line C${i + 1}` },
        fr: { title: `Grande orientation C${i + 1}` },
        ar: { title: `خط العمل ج${i + 1}` },
      },
    })),
  );
  const countries = add(
    'api::country.country',
    make(60, (i) => ({
      shared: { code: `X${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`, region: pick(REGIONS, i) },
      locales: { en: { name: `Country ${i}` }, fr: { name: `Pays ${i}` }, ar: { name: `بلد ${i}` } },
    })),
  );
  const organizations = add(
    'api::organization.organization',
    make(300, (i) => ({
      shared: { name: `Organization ${i}`, stakeholderType: pick(STAKEHOLDERS, i), website: `https://org${i}.example.org` },
      locales: null,
    })),
  );
  const calls = add(
    'api::stocktaking-call.stocktaking-call',
    make(10, (i) => {
      // The last call is open now; the others closed in earlier years.
      const open = i === 9;
      const opensAt = open ? iso(-30) : iso(-365 * (10 - i));
      const closesAt = open ? iso(60) : iso(-365 * (10 - i) + 90);
      return {
        shared: { edition: `WSIS Stocktaking ${2016 + i}`, opensAt, closesAt, timezone: 'Europe/Zurich' },
        locales: {
          en: { title: `Call for entries ${2016 + i}`, slug: `call-${2016 + i}`, officialCall: paragraph(40, random) },
          fr: { title: `Appel à contributions ${2016 + i}`, slug: `appel-${2016 + i}`, officialCall: paragraph(40, random) },
          ar: { title: `دعوة ${2016 + i}`, slug: `call-${2016 + i}-ar`, officialCall: paragraph(40, random) },
        },
      };
    }),
  );
  add(
    'api::stocktaking-entry.stocktaking-entry',
    make(count(10_000), (i) => {
      const topic = (locale) => pick(TOPICS[locale], i);
      const first = i % 11;
      const second = (first + 1 + ((i * 7) % 10)) % 11;
      const locales = {
        en: {
          title: `Community telecentre ${i}: ${topic('en')}`,
          slug: `community-telecentre-${i}`,
          shortDescription: `Public access point ${i} for ${topic('en')}, run with the local post office.`,
          description: paragraph(60, random),
        },
        fr: {
          title: `Télécentre communautaire ${i} : ${topic('fr')}`,
          slug: `telecentre-communautaire-${i}`,
          shortDescription: `Point d'accès public ${i} pour ${topic('fr')}, géré avec le bureau de poste local.`,
          description: paragraph(60, random),
        },
      };
      // One entry in ten is also translated into Arabic.
      if (i % 10 === 0)
        locales.ar = {
          title: `مركز اتصالات مجتمعي ${i}: ${pick(TOPICS.ar, i / 10)}`,
          slug: `telecentre-${i}-ar`,
          shortDescription: `نقطة وصول عامة ${i} من أجل ${pick(TOPICS.ar, i / 10)}`,
          description: paragraph(60, random),
        };
      return {
        shared: {
          // Independent of the call (i % 10): a call's entries of one type stay under the project's populate cap (250).
          activityType: pick(ACTIVITIES, Math.floor(i / 10)),
          stakeholderType: pick(STAKEHOLDERS, i),
          region: pick(REGIONS, i),
          coverage: 'national',
          projectStatus: pick(STATUSES, i),
          startDate: date(-1000 + (i % 900)),
          website: `https://example.org/telecentres/${i}`,
          late: false,
        },
        locales,
        links: {
          actionLines: [actionLines[first], actionLines[second]],
          countries: [pick(countries, i)],
          organization: [pick(organizations, i)],
          call: [pick(calls, i)],
        },
      };
    }),
  );
  const editions = add(
    'api::forum-edition.forum-edition',
    make(2, (i) => ({
      shared: { year: 2025 + i, startDate: date(100 + 365 * i), endDate: date(104 + 365 * i), outcomeSummaryDeadline: date(130 + 365 * i) },
      locales: {
        en: { title: `WSIS Forum ${2025 + i}`, slug: `wsis-forum-${2025 + i}`, theme: 'Digital cooperation' },
        fr: { title: `Forum du SMSI ${2025 + i}`, slug: `forum-smsi-${2025 + i}`, theme: 'Coopération numérique' },
      },
      components: { venue: { name: 'CICG', city: 'Geneva', timezone: 'Europe/Zurich' } },
    })),
  );
  add(
    'api::forum-session.forum-session',
    make(count(1000), (i) => ({
      shared: {
        number: i + 1,
        sessionType: 'high_level_dialogue',
        startsAt: iso(100 + 365 * (i % 2) + (i % 5) + (i % 8) / 24),
        endsAt: iso(100 + 365 * (i % 2) + (i % 5) + (i % 8) / 24 + 1 / 24),
        room: `Room ${i % 12}`,
        participationMode: 'on_site_and_remote',
      },
      locales: {
        en: { title: `Session ${i + 1}: ${pick(TOPICS.en, i)}`, slug: `session-${i + 1}`, description: paragraph(50, random) },
        fr: { title: `Session ${i + 1} : ${pick(TOPICS.fr, i)}`, slug: `session-${i + 1}-fr`, description: paragraph(50, random) },
      },
      links: { edition: [pick(editions, i)], organizers: [pick(organizations, i)], actionLines: [pick(actionLines, i)] },
    })),
  );
  add(
    'api::event.event',
    make(count(2000), (i) => ({
      shared: {
        startsAt: iso(-200 + (i % 400)),
        endsAt: iso(-200 + (i % 400) + 0.25),
        allDay: false,
        timezone: 'Europe/Zurich',
        venue: `Hall ${i % 9}`,
        scope: pick(['national', 'regional', 'international'], i),
        organizer: `Organization ${i % 300}`,
        url: `https://events.example.org/${i}`,
      },
      locales: {
        en: { title: `Event ${i}: ${pick(TOPICS.en, i)}`, slug: `event-${i}`, description: paragraph(40, random), city: 'Geneva' },
        fr: { title: `Événement ${i} : ${pick(TOPICS.fr, i)}`, slug: `evenement-${i}`, description: paragraph(40, random), city: 'Genève' },
      },
      links: { country: [pick(countries, i)] },
    })),
  );
  add(
    'api::publication.publication',
    make(count(500), (i) => ({
      shared: { publicationType: 'report', institution: 'ITU', authors: `Author ${i}`, publishedOn: date(-(i % 3000)) },
      locales: {
        en: { title: `Report ${i} on ${pick(TOPICS.en, i)}`, slug: `report-${i}`, abstract: paragraph(80, random) },
        fr: { title: `Rapport ${i} sur ${pick(TOPICS.fr, i)}`, slug: `rapport-${i}`, abstract: paragraph(80, random) },
      },
      links: { actionLines: [pick(actionLines, i), pick(actionLines, i + 5)] },
    })),
  );
  const consultations = add(
    'api::consultation.consultation',
    make(1, () => ({
      shared: {},
      locales: {
        en: { title: 'Open consultation on the WSIS Forum', slug: 'open-consultation', description: paragraph(80, random) },
        fr: { title: 'Consultation ouverte sur le Forum du SMSI', slug: 'consultation-ouverte', description: paragraph(80, random) },
      },
      links: { organizer: [organizations[0]] },
    })),
  );
  const KINDS = ['launch', 'online_consultation', 'submission', 'physical_meeting', 'drafting'];
  add(
    'api::consultation-phase.consultation-phase',
    make(5, (i) => ({
      shared: {
        position: i + 1,
        kind: KINDS[i],
        opensAt: iso(-60 + 30 * i),
        closesAt: iso(-30 + 30 * i),
        timezone: 'Europe/Zurich',
        acceptsContributions: KINDS[i] === 'submission',
        remoteParticipation: true,
      },
      locales: { en: { name: `Phase ${i + 1}`, slug: `phase-${i + 1}` }, fr: { name: `Phase ${i + 1}`, slug: `phase-${i + 1}-fr` } },
      links: { consultation: [consultations[0]] },
    })),
  );
  return { types, openCall: calls[9], actionLines, editions, topics: TOPICS };
}

module.exports = { buildDataset };
