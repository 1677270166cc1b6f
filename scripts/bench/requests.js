// The requests under load, as the issue lists them. `stock` is the path the stock app is asked
// instead (null: it cannot serve the request, reported n/a); by default the same path. `floor: true`
// marks the simplest reads, which the floor server (floor.js) answers too; the others are n/a for it.
const qs = require('querystring');

const ENTRIES = '/api/stocktaking-entries';
// The project keeps anonymous answers in memory (the http-cache plugin); a request that says
// `no-cache` is answered by running the query, so these rows measure the work, as stock does it.
// The rows marked "hot" send no such header: the cached answer, as most readers get it.
const UNCACHED = { 'cache-control': 'no-cache' };

/** @param {{ dataset: ReturnType<import('./dataset').buildDataset> }} context */
function buildRequests({ dataset }) {
  const entries = dataset.types.find((type) => type.uid.endsWith('stocktaking-entry')).documents;
  // A document in the middle of the table, translated into en, fr and ar (one in ten is).
  const probe = entries[Math.floor(entries.length / 20) * 10] ?? entries[0];
  const slug = (locale) => probe.locales[locale].slug;
  const search = (locale, term) => ({
    headers: UNCACHED,
    path: `${ENTRIES}?locale=${locale}&q=${encodeURIComponent(term)}`,
    // Stock Strapi has no search: the nearest equivalent, a case-insensitive contains on two fields.
    stock: `${ENTRIES}?locale=${locale}&filters[$or][0][title][$containsi]=${encodeURIComponent(term)}&filters[$or][1][shortDescription][$containsi]=${encodeURIComponent(term)}`,
    stockNote: '$containsi',
  });
  let created = 0;
  const createBody = () =>
    JSON.stringify({
      data: {
        title: `Bench entry ${process.pid}-${(created += 1)}`,
        shortDescription: 'A community telecentre created under load.',
        // Not 'project': the read of 10 calls populates their 'project' entries, and entries created
        // in round 1 would take the open call over the 250-per-document cap in round 2 (a 400).
        activityType: 'other',
        actionLines: [dataset.actionLines[2].documentId],
        call: dataset.openCall.documentId,
      },
    });

  return [
    {
      name: 'entries fr by action line, sorted, call + action lines',
      headers: UNCACHED,
      path: `${ENTRIES}?${qs.stringify({
        locale: 'fr',
        'filters[actionLines][code][$eq]': 'C3',
        'sort[0]': 'title:asc',
        'populate[call]': 'true',
        'populate[actionLines]': 'true',
      })}`,
    },
    ...['en', 'fr', 'ar'].map((locale) => ({
      name: `findOne by slug (filter), ${locale}`,
      headers: UNCACHED,
      path: `${ENTRIES}?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug(locale))}`,
      floor: true,
    })),
    { name: '100-row page', headers: UNCACHED, path: `${ENTRIES}?pagination[page]=1&pagination[pageSize]=100`, floor: true },
    {
      // A fifth of each call's entries (2,000 in all at scale 1): the project refuses more than 250 per document.
      name: '10 calls with their entries (one activity type)',
      headers: UNCACHED,
      path: '/api/stocktaking-calls?pagination[pageSize]=10&populate[entries][filters][activityType][$eq]=project',
    },
    { name: 'search q= fr', ...search('fr', dataset.topics.fr[2]) },
    { name: 'search q= ar', ...search('ar', dataset.topics.ar[2]) },
    {
      name: 'hot: findOne by slug en, repeated (response cache)',
      path: `${ENTRIES}?locale=en&filters[slug][$eq]=${encodeURIComponent(slug('en'))}`,
      floor: true,
    },
    {
      name: 'hot: 10 calls with their entries, repeated (response cache)',
      path: '/api/stocktaking-calls?pagination[pageSize]=10&populate[entries][filters][activityType][$eq]=project',
    },
    {
      name: 'conditional GET that matches (304)',
      path: `${ENTRIES}?locale=en&filters[slug][$eq]=${encodeURIComponent(slug('en'))}`,
      conditional: true,
      floor: true,
    },
    {
      name: 'REST create with an API token, open call',
      method: 'POST',
      path: ENTRIES,
      authenticated: 'token',
      body: createBody,
    },
    {
      // A stakeholder (users-permissions user, Authenticated role) submits into the open call with their JWT.
      name: 'stakeholder submission (JWT), open call',
      method: 'POST',
      path: ENTRIES,
      authenticated: 'stakeholder',
      body: createBody,
    },
    // The rows stock cannot serve come last: the memory they leave in the project's heap and the
    // work a CSV export still streams after its load stops do not weigh on the compared rows.
    { name: 'events calendar .ics', path: '/api/events/calendar.ics', stock: null },
    { name: 'agenda of one edition .ics', path: `/api/forum-editions/${dataset.editions[0].locales.en.slug}/agenda.ics`, stock: null },
    { name: 'fallback list fr → en', headers: UNCACHED, path: `${ENTRIES}?locale=fr&fallbackLocale=en`, stock: null },
    { name: 'CSV export of all entries', path: `${ENTRIES}/export.csv`, stock: null },
  ];
}

module.exports = { buildRequests };
