#!/usr/bin/env node
// `npm run bench:export-memory`: the server's resident memory while it streams the CSV export of
// every stocktaking entry (once, then N at a time) and builds the events calendar (.ics), on a
// fresh SQLite database per size seeded with the benchmark's dataset (seed.js; 10,000 entries per
// unit of scale). Memory is the server process's VmRSS, sampled every 100 ms (server.js):
// "before" after boot and a warm-up, "peak" during the downloads, "after" 5 s later.
//   npm run bench:export-memory -- [--entries 10000,25000,50000,100000] [--concurrency 5] [--calendar 5] [--node-options=…] [--keep]
// The server runs with the Node options `npm start` gives it (its heap budget), as in the bench;
// `--node-options=` runs it with Node's defaults. `--node-options=--max-old-space-size=256` tells live
// memory from garbage: a server that only holds garbage stays up under a small heap (it collects
// sooner), one that holds its rows runs out.
// A measurement, never a test.
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { createDatabase } = require('./databases');
const { startServer } = require('./server');
const { sharedEnvironment, startNodeOptions, splitOption, freePort } = require('./environment');

const projectDir = path.resolve(__dirname, '../..');
const EXPORT = '/api/stocktaking-entries/export.csv';
const CALENDAR = '/api/events/calendar.ics';
const MB = 1048576;

function parseOptions(argv) {
  const options = { entries: '10000,25000,50000', concurrency: 5, calendar: 5, 'node-options': startNodeOptions(), keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = splitOption(argv[i]);
    const name = flag.replace(/^--/, '');
    if (name === 'keep') options.keep = true;
    else if (name in options) options[name] = inline ?? argv[(i += 1)];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  options.entries = String(options.entries).split(',').map(Number);
  options.concurrency = Number(options.concurrency);
  options.calendar = Number(options.calendar);
  if (options.entries.some((count) => !(count > 0)) || !(options.concurrency > 0) || !(options.calendar >= 0))
    throw new Error('bad number');
  return options;
}

/** seed.js in a child process, as index.js runs it. */
function seed(env, scale, folder) {
  const out = path.join(folder, `seed-${scale}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'seed.js')], {
      cwd: projectDir,
      env: {
        ...process.env,
        ...env,
        BENCH_APP_DIR: projectDir,
        BENCH_DIST_DIR: path.join(projectDir, 'dist'),
        BENCH_SCALE: String(scale),
        BENCH_NOW: String(Date.now()),
        BENCH_OUT: out,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (exit ${code})`))));
  });
}

/** One download, bytes discarded as they arrive: status, bytes, data rows (CRLF line ends minus the header), X-Total-Count. */
const download = (port, requestPath) =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path: requestPath, headers: { accept: '*/*' }, timeout: 600_000 }, (response) => {
        let bytes = 0;
        let lines = 0;
        let previous = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) if ((i > 0 ? chunk[i - 1] : previous) === 13) lines += 1;
          previous = chunk[chunk.length - 1];
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            bytes,
            rows: Math.max(0, lines - 1),
            total: Number(response.headers['x-total-count'] ?? NaN),
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes) => `${Math.round(bytes / MB)} MB`;

/** `count` downloads at once; the peak VmRSS while they run and the VmRSS 5 s after. */
async function phase(server, port, requestPath, count) {
  const before = server.rss();
  const stop = server.sampleMemory();
  const started = process.hrtime.bigint();
  const results = await Promise.all(Array.from({ length: count }, () => download(port, requestPath)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = stop();
  await sleep(5000);
  return { path: requestPath, count, results, seconds, before, peak, after: server.rss() };
}

function describe(label, run) {
  const first = run.results[0];
  const statuses = [...new Set(run.results.map((result) => result.status))].join(',');
  return (
    `    ${label}: status ${statuses}, ${first.rows.toLocaleString('en')} rows (X-Total-Count ${first.total}), ` +
    `${(first.bytes / MB).toFixed(1)} MB each, ${run.seconds.toFixed(1)} s; ` +
    `RSS before ${mb(run.before)}, peak ${mb(run.peak)} (+${mb(run.peak - run.before)}), after ${mb(run.after)}\n`
  );
}

async function measureSize(entries, options, env, folder) {
  const scale = entries / 10_000;
  const database = await createDatabase('sqlite', `export-memory-${entries}`, folder);
  const seedStarted = Date.now();
  process.stdout.write(`${entries.toLocaleString('en')} entries (scale ${scale}): seeding...\n`);
  await seed({ ...env, ...database.env }, scale, folder);
  process.stdout.write(`  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s; database ${mb(await database.size())}\n`);
  const port = await freePort();
  const logFile = path.join(folder, `server-${entries}.log`);
  // NODE_OPTIONS for the server only (seeding keeps node's defaults).
  const started = await startServer({
    appDir: projectDir,
    port,
    env: { ...env, ...database.env },
    logFile,
    nodeOptions: options['node-options'],
  });
  const server = { ...started, rss: () => residentBytes(started.pid) };
  const result = { entries, bootRss: started.bootRss };
  try {
    // Warm-up: code paths compiled, pools open, on a small filtered export.
    await download(port, `${EXPORT}?filters[region][$eq]=europe&filters[activityType][$eq]=project`);
    await sleep(2000);
    result.single = await phase(server, port, EXPORT, 1);
    process.stdout.write(describe('export, 1 at a time', result.single));
    result.concurrent = await phase(server, port, EXPORT, options.concurrency);
    process.stdout.write(describe(`export, ${options.concurrency} at once`, result.concurrent));
    if (options.calendar > 0) {
      result.calendar = await phase(server, port, CALENDAR, options.calendar);
      process.stdout.write(describe(`events calendar .ics, ${options.calendar} at once`, result.calendar));
    }
  } finally {
    await server.stop();
    if (!options.keep) await database.drop();
  }
  return result;
}

function residentBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(projectDir, 'dist/src/index.js'))) throw new Error('dist/ is missing: run `npm run compile` first.');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wsis-export-memory-'));
  const cpus = os.cpus();
  process.stdout.write(
    `Export memory: SQLite, ${cpus.length} cores (${cpus[0].model.trim()}), node ${process.version}` +
      `${options['node-options'] ? ` (server: ${options['node-options']})` : ''}; work folder ${folder}\n`,
  );
  const env = sharedEnvironment();
  const results = [];
  try {
    for (const entries of options.entries) results.push(await measureSize(entries, options, env, folder));
  } finally {
    if (!options.keep) fs.rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(
    '\n| Entries | Rows | CSV | 1 export: s, peak RSS (+ over before) | ' +
      `${options.concurrency} at once: s, peak RSS (+) | .ics x${options.calendar}: peak (+) |\n|---|---|---|---|---|---|\n`,
  );
  for (const { entries, single, concurrent, calendar } of results) {
    const cell = (run) => `${run.seconds.toFixed(1)} s, ${mb(run.peak)} (+${mb(run.peak - run.before)})`;
    process.stdout.write(
      `| ${entries.toLocaleString('en')} | ${single.results[0].rows.toLocaleString('en')} | ${(single.results[0].bytes / MB).toFixed(1)} MB | ` +
        `${cell(single)} | ${cell(concurrent)} | ${calendar ? `${mb(calendar.peak)} (+${mb(calendar.peak - calendar.before)})` : 'n/a'} |\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
