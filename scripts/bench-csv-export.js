#!/usr/bin/env node
/**
 * Benchmark of the streamed CSV export (GET /api/stocktaking-entries/export.csv).
 *
 * Boots the compiled app (run `node scripts/compile.js` first) on a fresh SQLite file in the
 * system's temporary directory, with the demo content, adds ENTRIES published stocktaking entries
 * (default 100,000) straight into the database with strapi.db in batches (each linked to two
 * action lines, a country and an organization, as the export populates them), then downloads the
 * export over HTTP twice (a tenth of the rows, then all of them), discarding the bytes, and
 * reports rows per second and the process's peak resident memory during each download.
 *
 *   node scripts/bench-csv-export.js            # 100,000 entries
 *   ENTRIES=20000 node scripts/bench-csv-export.js
 *   node --expose-gc scripts/bench-csv-export.js # also collects garbage every 250 ms while
 *                                                # downloading: the peak is then what is live
 *
 * A measurement, not a test: nothing here passes or fails on time.
 */
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { randomBytes } = require('crypto');

const appDir = path.resolve(__dirname, '..');
const ENTRIES = Number(process.env.ENTRIES ?? 100_000);
const BATCH = 500;
const UID = 'api::stocktaking-entry.stocktaking-entry';
const database = path.join(os.tmpdir(), `wsis-bench-${process.pid}.db`);

Object.assign(process.env, {
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: database,
  STRAPI_TELEMETRY_DISABLED: 'true',
  CRON_ENABLED: 'false',
  LOG_LEVEL: 'error',
});

const documentId = () => randomBytes(12).toString('hex').slice(0, 24);
const pick = (list, index) => list[index % list.length];
const STATUSES = ['planned', 'ongoing', 'completed'];
const REGIONS = ['africa', 'arab_states', 'asia_pacific', 'americas', 'cis', 'europe'];

async function seed(strapi) {
  const meta = strapi.db.metadata.get(UID);
  const knex = strapi.db.connection;
  const links = Object.fromEntries(['actionLines', 'countries', 'organization'].map((name) => [name, meta.attributes[name].joinTable]));
  const targets = {
    actionLines: (await strapi.db.query('api::action-line.action-line').findMany({ where: { locale: 'en' }, select: ['id'] })).map(
      (row) => row.id,
    ),
    countries: (await strapi.db.query('api::country.country').findMany({ where: { locale: 'en' }, select: ['id'] })).map((row) => row.id),
    organization: (await strapi.db.query('api::organization.organization').findMany({ select: ['id'] })).map((row) => row.id),
  };
  const now = new Date();
  for (let start = 0; start < ENTRIES; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(start + BATCH, ENTRIES); i += 1) {
      rows.push({
        documentId: documentId(),
        title: `Community telecentre ${i}: مراكز الاتصال المجتمعية / 农村电信中心`,
        slug: `community-telecentre-${i}`,
        shortDescription: `Public access point number ${i}, run with the local post office, for e-government forms and ICT training.`,
        activityType: 'project',
        stakeholderType: 'civil_society',
        region: pick(REGIONS, i),
        coverage: 'national',
        projectStatus: pick(STATUSES, i),
        startDate: '2010-01-01',
        website: `https://example.org/telecentres/${i}`,
        late: false,
        locale: 'en',
        createdAt: now,
        updatedAt: now,
        publishedAt: now,
      });
    }
    await strapi.db.transaction(async ({ trx }) => {
      await strapi.db.query(UID).createMany({ data: rows });
      const ids = (
        await knex(meta.tableName)
          .transacting(trx)
          .select('id')
          .whereIn(
            'document_id',
            rows.map((row) => row.documentId),
          )
      ).map((row) => row.id);
      const link = (name, perEntry) => {
        const { joinColumn, inverseJoinColumn, orderColumnName } = links[name];
        return ids.flatMap((id, index) =>
          Array.from({ length: perEntry }, (_, k) => ({
            [joinColumn.name]: id,
            [inverseJoinColumn.name]: pick(targets[name], index * perEntry + k),
            ...(orderColumnName ? { [orderColumnName]: k + 1 } : {}),
          })),
        );
      };
      await knex.batchInsert(links.actionLines.name, link('actionLines', 2), 300).transacting(trx);
      await knex.batchInsert(links.countries.name, link('countries', 1), 300).transacting(trx);
      await knex.batchInsert(links.organization.name, link('organization', 1), 300).transacting(trx);
    });
    if ((start / BATCH) % 40 === 0) process.stdout.write(`  seeded ${start + BATCH} entries\n`);
  }
}

/** Downloads a URL, discarding the bytes; counts CSV lines and samples the resident memory. */
function download(url) {
  return new Promise((resolve, reject) => {
    let peak = process.memoryUsage().rss;
    // With --expose-gc, garbage is collected as the rows stream: what remains is what is held.
    const sampler = setInterval(
      () => {
        if (global.gc) global.gc();
        peak = Math.max(peak, process.memoryUsage().rss);
      },
      global.gc ? 250 : 20,
    );
    const started = process.hrtime.bigint();
    http
      .get(url, (response) => {
        if (response.statusCode !== 200) {
          clearInterval(sampler);
          reject(new Error(`HTTP ${response.statusCode}`));
          return;
        }
        let lines = 0;
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        });
        response.on('end', () => {
          clearInterval(sampler);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          resolve({ rows: lines - 1, bytes, seconds, peak, total: Number(response.headers['x-total-count']) });
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const delta = (bytes) => `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  try {
    process.stdout.write(`Booting on ${database} (demo content)...\n`);
    await strapi.load();
    let started = Date.now();
    await seed(strapi);
    process.stdout.write(`Seeded ${ENTRIES} entries in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = strapi.server.httpServer.address();
    const base = `http://127.0.0.1:${port}/api/stocktaking-entries/export.csv`;

    if (global.gc) global.gc();
    const baseline = process.memoryUsage().rss;
    process.stdout.write(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${mb(os.totalmem())} RAM\n`);
    process.stdout.write(
      `Resident memory before the downloads: ${mb(baseline)}${global.gc ? ' (garbage collected every 250 ms while downloading)' : ''}\n`,
    );
    for (const [label, query] of [
      ['one region (a sixth)', '?filters[region][$eq]=africa'],
      ['everything', ''],
    ]) {
      started = Date.now();
      const result = await download(`${base}${query}`);
      process.stdout.write(
        `${label}: ${result.rows} rows (${mb(result.bytes)}) in ${result.seconds.toFixed(1)} s = ${Math.round(result.rows / result.seconds)} rows/s, ` +
          `peak RSS ${mb(result.peak)} (${delta(result.peak - baseline)})${result.rows === result.total ? '' : ` [expected ${result.total}]`}\n`,
      );
    }
  } finally {
    await strapi.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${database}${suffix}`, { force: true });
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
