#!/usr/bin/env node
// `npm run bench`: the project against stock Strapi 5 with the same content types, side by side, and a
// floor (floor.js: node:http over the project's database) for the simplest reads.
//   npm run bench -- [--scale 1] [--db sqlite|postgres] [--duration 10] [--connections 20] [--rounds 2] [--only <text>] [--node-options=…] [--profile] [--keep]
// See README.md, "Benchmark". A measurement, never a test: nothing here passes or fails on time.
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { buildDataset } = require('./dataset');
const { buildStockApp } = require('./stock-app');
const { createDatabase } = require('./databases');
const { startServer } = require('./server');
const { sharedEnvironment, startNodeOptions, splitOption, freePort } = require('./environment');
const { buildRequests } = require('./requests');
const { measure } = require('./load');
const { buildRows, formatTable, writeReport } = require('./report');

const projectDir = path.resolve(__dirname, '../..');

const USAGE =
  "npm run bench -- [--scale 1] [--db sqlite|postgres] [--duration 10] [--connections 20] [--rounds 2] [--only <text in a request name>[,<another>]] [--node-options=<every server's NODE_OPTIONS>] [--profile] [--keep]";

function parseOptions(argv) {
  const options = {
    scale: 1,
    db: 'sqlite',
    duration: 10,
    connections: 20,
    rounds: 2,
    only: '',
    'node-options': startNodeOptions(),
    profile: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = splitOption(argv[i]);
    const name = flag.replace(/^--/, '');
    if (name === 'help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (name === 'keep' || name === 'profile') options[name] = true;
    else if (name in options) options[name] = inline ?? argv[(i += 1)];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  for (const name of ['scale', 'duration', 'connections', 'rounds']) options[name] = Number(options[name]);
  if (!['sqlite', 'postgres'].includes(options.db)) throw new Error('--db is sqlite or postgres');
  if (!(options.scale > 0) || !(options.duration > 0) || !(options.connections > 0) || !(options.rounds > 0)) throw new Error('bad number');
  return options;
}

function seedApp(app, env, options, now, folder) {
  const out = path.join(folder, `${app.name}-seed.json`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(__dirname, 'seed.js')], {
      cwd: app.dir,
      env: {
        ...process.env,
        ...env,
        BENCH_APP_DIR: app.dir,
        BENCH_DIST_DIR: app.distDir,
        BENCH_SCALE: String(options.scale),
        BENCH_NOW: String(now.getTime()),
        BENCH_OUT: out,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`seeding the ${app.name} app failed (exit ${code})`));
      resolve({ ...JSON.parse(fs.readFileSync(out, 'utf8')), seconds: (Date.now() - started) / 1000 });
    });
  });
}

const tail = (file) => fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');

/** The path an app is asked for a request; null: n/a (stock: project-only routes; floor: all but the simplest reads). */
function pathFor(app, request) {
  if (app.name === 'floor') return request.floor ? request.path : null;
  return app.name === 'stock' && request.stock !== undefined ? request.stock : request.path;
}

const getJson = (port, path) =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      })
      .on('error', reject);
  });

/** Starts an app's server for a round; its results are filled in by `runRequest`. */
async function bootServer(app, options, folder, round) {
  const port = await freePort();
  const logFile = path.join(folder, `${app.name}-round${round}.log`);
  const profileDir = options.profile ? path.join(options.profileRoot, `${app.name}-round${round}`) : undefined;
  const server = await startServer({
    appDir: app.dir,
    port,
    env: app.env,
    logFile,
    script: app.script,
    profileDir,
    nodeOptions: options['node-options'],
  });
  process.stdout.write(
    `  ${app.name}, round ${round}: /_health after ${server.bootSeconds.toFixed(2)} s (${Math.round(server.bootRss / 1048576)} MB)\n`,
  );
  // The project builds its OpenAPI document in a child process at start when its disk copy is stale;
  // a request for the document waits for that build, so no load runs beside it.
  if (app.settle) {
    const settled = process.hrtime.bigint();
    await getJson(port, app.settle);
    process.stdout.write(`    ${app.settle} ready after ${(Number(process.hrtime.bigint() - settled) / 1e9).toFixed(2)} s more\n`);
  }
  // The floor says which indexes its queries use (and any it had to create) and their plans.
  const indexes = app.script ? await getJson(port, '/_floor') : undefined;
  if (indexes) {
    process.stdout.write(
      `    indexes used: ${indexes.used.join(', ') || 'none'}; created: ${indexes.created.join(', ') || 'none'}\n` +
        Object.entries(indexes.plans)
          .map(([query, plan]) => `    plan, ${query}: ${plan}\n`)
          .join(''),
    );
  }
  return { app, server, port, logFile, round, indexes, results: [] };
}

/**
 * One request under load on one running server, once every server up has settled (`running`: the
 * servers of this round; the others only wait, unloaded).
 */
async function runRequest(run, request, options, running) {
  const { app, server, port, logFile, results } = run;
  const asked = pathFor(app, request);
  // A paced run (`app.rates`) runs only the requests it has a rate for.
  const rate = app.rates?.get(request.name);
  if (app.rates && !rate) {
    results.push(null);
    return;
  }
  if (asked === null || !server.alive()) {
    results.push(asked === null ? null : { failed: 'server stopped' });
    return;
  }
  let waited = 0;
  for (const other of running) if (other.server.alive()) waited += await other.server.waitForIdle();
  if (waited > 1) process.stdout.write(`    (waited ${waited.toFixed(1)} s for the servers' CPU to settle)\n`);
  let result;
  try {
    result = await measure(
      server,
      port,
      { ...request, path: asked },
      {
        apiToken: app.apiToken,
        stakeholderJwt: app.stakeholderJwt,
        duration: options.duration,
        connections: options.connections,
        rate,
      },
    );
  } catch (error) {
    // A request that fails outright is reported as such; the rest still run while the server lives.
    results.push({ failed: error.message });
    process.stdout.write(`    ${app.name}, ${request.name}: FAILED (${error.message})\n`);
    if (!server.alive()) process.stdout.write(`    the server stopped; its log ends with:\n${tail(logFile)}\n`);
    return;
  }
  process.stdout.write(
    `    ${app.name}, ${request.name}: ${result.reqPerSec.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors` +
      ` (first ${result.firstStatus}, ${result.bytes} bytes${result.note ? `, ${result.note}` : ''})\n` +
      (result.firstError ? `      first answer: ${result.firstError.replace(/\s+/g, ' ')}\n` : '') +
      (Object.keys(result.socketErrors ?? {}).length ? `      socket errors: ${JSON.stringify(result.socketErrors)}\n` : ''),
  );
  results.push(result);
}

/**
 * A round of some apps: all their servers up, each request run on one, then on the next, so that
 * the figures of a row are seconds apart. On a shared machine the speed drifts by 10% and more
 * within minutes; rows measured a whole server's run apart compared that drift as well. The order
 * is reversed in even rounds.
 */
async function runSideBySide(apps, requests, options, folder, round) {
  const runs = [];
  try {
    for (const app of apps) runs.push(await bootServer(app, options, folder, round));
    const order = round % 2 === 1 ? runs : [...runs].reverse();
    for (const request of requests) for (const run of order) await runRequest(run, request, options, runs);
  } finally {
    for (const run of runs) await run.server.stop();
  }
  return runs.map(report);
}

const report = ({ round, server, indexes, results }) => ({
  round,
  bootSeconds: server.bootSeconds,
  bootRss: server.bootRss,
  ...(indexes && { indexes }),
  requests: results,
});

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(projectDir, 'dist/src/index.js'))) throw new Error('dist/ is missing: run `npm run compile` first.');
  const startedAt = new Date().toISOString();
  const stamp = `${Date.now()}_${process.pid}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wsis-bench-'));
  const env = sharedEnvironment();
  // Kept with the results, not in the work folder (removed at the end without --keep).
  if (options.profile) options.profileRoot = path.join(projectDir, 'bench-results', `profiles-${stamp}`);
  const cpus = os.cpus();
  process.stdout.write(
    `Benchmark: ${options.db}, scale ${options.scale}, ${options.connections} connections, ${options.duration} s per request, ${options.rounds} rounds\n` +
      `Every server runs with NODE_OPTIONS=${JSON.stringify(options['node-options'])}\n` +
      `Machine: ${cpus.length} cores (${cpus[0].model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; work folder ${folder}\n`,
  );

  const apps = [
    { name: 'project', dir: projectDir, distDir: path.join(projectDir, 'dist'), settle: '/api/openapi.json' },
    { name: 'stock', dir: path.join(folder, 'stock-app'), distDir: path.join(folder, 'stock-app') },
  ];
  // The floor reads the project's database (after the project's server has stopped): not seeded on its own.
  const floor = { name: 'floor', dir: projectDir, script: path.join(__dirname, 'floor.js') };
  buildStockApp(projectDir, apps[1].dir);
  process.stdout.write(`Stock app with the same content types in ${apps[1].dir}\n`);

  const now = new Date();
  const dataset = buildDataset(options.scale, now);
  // `--only a,b`: the requests whose name holds any of the texts.
  const wanted = options.only.split(',');
  const requests = buildRequests({ dataset }).filter((request) => wanted.some((text) => request.name.includes(text)));
  const results = { project: [], stock: [], floor: [] };
  const databases = {};
  try {
    for (const app of apps) {
      databases[app.name] = await createDatabase(options.db, `wsis_bench_${app.name}_${stamp}`, folder);
      app.env = { ...env, ...databases[app.name].env };
      process.stdout.write(`Seeding the ${app.name} app (${options.db})...\n`);
      const seeded = await seedApp(app, app.env, options, now, folder);
      app.apiToken = seeded.apiToken;
      app.stakeholderJwt = seeded.stakeholderJwt;
      await databases[app.name].analyze();
      app.seedSeconds = seeded.seconds;
      app.databaseBytes = await databases[app.name].size();
      process.stdout.write(`  seeded in ${seeded.seconds.toFixed(1)} s; database ${(app.databaseBytes / 1048576).toFixed(1)} MB\n`);
    }
    floor.env = { ...apps[0].env, BENCH_APP_DIR: projectDir };
    for (let round = 1; round <= options.rounds; round += 1) {
      const [project, stock] = await runSideBySide(apps, requests, options, folder, round);
      results.project.push(project);
      results.stock.push(stock);
      // The floor alone, after them: it reads the project's database.
      results.floor.push(...(await runSideBySide([floor], requests, options, folder, round)));
    }
    // The project once more, each request it answered faster than stock paced at stock's mean rate:
    // its memory doing the same work a second as stock did. Its peak RSS in the rounds is taken at
    // its own rate, up to 20 times stock's, and garbage grows with the rate.
    const rates = new Map(
      buildRows(requests, results)
        .filter((row) => row.ratio > 1 && row.stock?.reqPerSec)
        .map((row) => [row.name, row.stock.reqPerSec]),
    );
    if (rates.size) {
      process.stdout.write(`The project paced at stock's rate, on the ${rates.size} requests it served faster:\n`);
      results.paced = await runSideBySide([{ ...apps[0], rates }], requests, options, folder, 'paced');
    }
  } finally {
    if (!options.keep) {
      for (const database of Object.values(databases)) await database.drop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  const rows = buildRows(requests, results);
  const boot = (name) => results[name].map((run) => run.bootSeconds);
  const report = {
    startedAt,
    settings: { ...options, cores: cpus.length, cpuModel: cpus[0].model.trim(), node: process.version, totalMemory: os.totalmem() },
    apps: Object.fromEntries(
      apps
        .map((app) => [app.name, { seedSeconds: app.seedSeconds, databaseBytes: app.databaseBytes, bootSeconds: boot(app.name) }])
        .concat([['floor', { bootSeconds: boot('floor'), indexes: results.floor[0]?.indexes ?? null }]]),
    ),
    rows,
    runs: results,
  };
  process.stdout.write(
    `\n${cpus.length} cores, ${options.db}, scale ${options.scale}, ${options.connections} connections, ${options.duration} s per request, ${options.rounds} rounds (means); NODE_OPTIONS=${JSON.stringify(options['node-options'])}\n`,
  );
  process.stdout.write(`${formatTable(rows)}\n`);
  for (const row of rows.filter((candidate) => candidate.floorShape)) process.stdout.write(`floor JSON, ${row.name}: ${row.floorShape}\n`);
  const floorIndexes = results.floor[0]?.indexes;
  if (floorIndexes) {
    process.stdout.write(
      `floor: ${options.db} over the project's database; indexes used ${floorIndexes.used.join(', ') || 'none'}, created ${floorIndexes.created.join(', ') || 'none'}; boot ${boot(
        'floor',
      )
        .map((seconds) => `${seconds.toFixed(2)} s`)
        .join(', ')}\n`,
    );
  }
  for (const app of apps) {
    process.stdout.write(
      `${app.name}: boot to /_health ${boot(app.name)
        .map((seconds) => `${seconds.toFixed(2)} s`)
        .join(', ')}; database ${(app.databaseBytes / 1048576).toFixed(1)} MB\n`,
    );
  }
  process.stdout.write(`Written to ${writeReport(path.join(projectDir, 'bench-results'), report)}\n`);
  if (options.profile) process.stdout.write(`CPU profiles (one per server and round, open in Chrome DevTools): ${options.profileRoot}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
