// Fills a fresh database with the benchmark's dataset through a bulk path: boots the app in this
// process (createStrapi, as tests/helpers/global-setup.js does), inserts rows in batches with
// strapi.db.query().createMany and the relations' join rows with knex batch inserts, then writes
// what the load needs (an API token, a stakeholder's JWT) to BENCH_OUT. Run by seed-app in a child process:
//   BENCH_APP_DIR=… BENCH_DIST_DIR=… BENCH_SCALE=0.1 BENCH_OUT=… node scripts/bench/seed.js
const fs = require('fs');
const { buildDataset } = require('./dataset');

const BATCH = 100; // documents per transaction (up to 4 rows each: two locales, draft and published)
const LOCALES = ['en', 'fr', 'ar', 'es', 'ru', 'zh'];

function createSeeder(strapi) {
  const knex = strapi.db.connection;
  /** `${uid}|${documentId}` → rows: { id, locale, draft } */
  const rowsOf = new Map();
  const inverseOrder = new Map();
  const now = new Date();

  const targetRows = (uid, documentId, locale, draft, sourceHasDraft) => {
    const rows = rowsOf.get(`${uid}|${documentId}`) ?? [];
    const sameLocale = rows.filter((row) => row.locale === undefined || row.locale === null || row.locale === locale);
    const targetHasDraft = sameLocale.some((row) => row.draft);
    // A type without drafts links to both versions of a drafted target; otherwise draft to draft.
    if (!sourceHasDraft && targetHasDraft) return sameLocale;
    return sameLocale.filter((row) => !targetHasDraft || row.draft === draft);
  };

  async function insertComponents(meta, trx, owners, name, value) {
    const attribute = meta.attributes[name];
    const { joinTable } = attribute;
    for (const owner of owners) {
      const created = await strapi.db.query(attribute.target).create({ data: value });
      await knex(joinTable.name)
        .transacting(trx)
        .insert({
          [joinTable.joinColumn.name]: owner,
          [joinTable.inverseJoinColumn.name]: created.id,
          // Strapi's component join tables name the component's uid in `component_type`.
          component_type: attribute.target,
          ...Object.fromEntries(Object.entries(joinTable.on ?? {}).map(([column, field]) => [column, field])),
          ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: 1 } : {}),
        });
    }
  }

  async function insertType({ uid, documents }, progress) {
    const model = strapi.getModel(uid);
    const meta = strapi.db.metadata.get(uid);
    const drafts = model.options?.draftAndPublish === true;
    const localized = model.pluginOptions?.i18n?.localized === true;
    const started = Date.now();
    for (let start = 0; start < documents.length; start += BATCH) {
      const batch = documents.slice(start, start + BATCH);
      const rows = [];
      for (const document of batch) {
        for (const [locale, fields] of localized ? Object.entries(document.locales) : [[null, {}]]) {
          for (const draft of drafts ? [true, false] : [false]) {
            const row = { documentId: document.documentId, ...document.shared, ...fields, createdAt: now, updatedAt: now };
            row.publishedAt = draft ? null : now;
            if (localized) row.locale = locale;
            rows.push(row); // the project's search index follows createMany (a query-engine lifecycle)
          }
        }
      }
      await strapi.db.transaction(async ({ trx }) => {
        await strapi.db.query(uid).createMany({ data: rows });
        const stored = await knex(meta.tableName)
          .transacting(trx)
          .select('id', 'document_id', ...(localized ? ['locale'] : []), 'published_at')
          .whereIn(
            'document_id',
            batch.map((document) => document.documentId),
          )
          .orderBy('id');
        for (const row of stored) {
          const key = `${uid}|${row.document_id}`;
          if (!rowsOf.has(key)) rowsOf.set(key, []);
          rowsOf.get(key).push({ id: row.id, locale: row.locale, draft: row.published_at === null });
        }
        const joins = new Map();
        for (const document of batch) {
          for (const source of rowsOf.get(`${uid}|${document.documentId}`)) {
            for (const [name, targets] of Object.entries(document.links ?? {})) {
              const attribute = meta.attributes[name];
              const table = attribute.joinTable;
              if (!joins.has(table.name)) joins.set(table.name, []);
              targets.forEach((target, index) => {
                for (const targetRow of targetRows(attribute.target, target.documentId, source.locale, source.draft, drafts)) {
                  const join = { [table.joinColumn.name]: source.id, [table.inverseJoinColumn.name]: targetRow.id };
                  if (table.orderColumnName) join[table.orderColumnName] = index + 1;
                  if (table.inverseOrderColumnName) {
                    const position = (inverseOrder.get(`${table.name}|${targetRow.id}`) ?? 0) + 1;
                    inverseOrder.set(`${table.name}|${targetRow.id}`, position);
                    join[table.inverseOrderColumnName] = position;
                  }
                  joins.get(table.name).push(join);
                }
              });
            }
            for (const [name, value] of Object.entries(document.components ?? {})) {
              await insertComponents(meta, trx, [source.id], name, value);
            }
          }
        }
        for (const [table, joinRows] of joins) await knex.batchInsert(table, joinRows, 200).transacting(trx);
      });
      progress(uid, Math.min(start + BATCH, documents.length), documents.length, Date.now() - started);
    }
  }

  return { insertType };
}

/** Locales, the public role's read permissions and an API token: what the project's bootstrap makes, for both apps. */
async function prepareAccess(strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const code of LOCALES) {
    if (!(await locales.findByCode(code))) await locales.create({ code, name: code });
  }
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const granted = new Set(
    (await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: publicRole.id }, select: ['action'] })).map(
      (permission) => permission.action,
    ),
  );
  const actions = Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .flatMap((uid) => [`${uid}.find`, `${uid}.findOne`])
    .concat('plugin::i18n.locales.listLocales');
  for (const action of actions.filter((candidate) => !granted.has(candidate))) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: publicRole.id } });
  }
  const token = await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null, description: '' });
  return token.accessKey;
}

const ENTRY_CREATE = 'api::stocktaking-entry.stocktaking-entry.create';

/**
 * A stakeholder: a confirmed users-permissions user in the Authenticated role, which may create entries
 * (the project's submissions plugin grants it in its bootstrap; the stock app gets it here) and read
 * what the public role reads, and their JWT.
 */
async function prepareStakeholder(strapi) {
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const granted = new Set((await permissions.findMany({ where: { role: role.id }, select: ['action'] })).map(({ action }) => action));
  // Strapi checks that the writer may read the targets of the relations it sets (action lines, call):
  // the Authenticated role reads what the public role reads.
  const actions = Object.keys(strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .flatMap((uid) => [`${uid}.find`, `${uid}.findOne`])
    .concat(ENTRY_CREATE);
  for (const action of actions.filter((candidate) => !granted.has(candidate))) {
    await permissions.create({ data: { action, role: role.id } });
  }
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: 'bench-stakeholder',
    email: 'stakeholder@bench.example.org',
    password: 'Bench-stakeholder-1',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
}

async function main() {
  const appDir = process.env.BENCH_APP_DIR;
  const scale = Number(process.env.BENCH_SCALE);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: process.env.BENCH_DIST_DIR, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  try {
    const dataset = buildDataset(scale, new Date(Number(process.env.BENCH_NOW)));
    const seeder = createSeeder(strapi);
    let lastPrinted = 0;
    const progress = (uid, done, total, ms) => {
      if (done !== total && Date.now() - lastPrinted < 2000) return;
      lastPrinted = Date.now();
      process.stdout.write(
        `    ${uid.split('.').pop()}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} documents (${(ms / 1000).toFixed(1)} s)\n`,
      );
    };
    for (const type of dataset.types) await seeder.insertType(type, progress);
    const apiToken = await prepareAccess(strapi);
    const stakeholderJwt = await prepareStakeholder(strapi);
    fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify({ apiToken, stakeholderJwt }));
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
