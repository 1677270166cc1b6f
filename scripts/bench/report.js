// The side-by-side table (printed) and the whole run as JSON under bench-results/.
const fs = require('fs');
const path = require('path');

const mean = (values) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
const fixed = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const mb = (bytes) => (bytes ? `${Math.round(bytes / 1024 / 1024)}` : 'n/a');

/** Rounds of one request on one app → one figure per column (means; errors summed; memory the highest). */
function summarize(all) {
  if (!all.length) return null;
  const rounds = all.filter((round) => !round.failed);
  if (!rounds.length) return { failed: all[0].failed };
  return {
    reqPerSec: mean(rounds.map((round) => round.reqPerSec)),
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    p50: mean(rounds.map((round) => round.p50)),
    p99: mean(rounds.map((round) => round.p99)),
    mean: mean(rounds.map((round) => round.mean)),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    cpuMsPerRequest: mean(rounds.map((round) => round.cpuMsPerRequest).filter((value) => value !== null)),
    firstError: rounds[0].firstError ?? null,
    peakRss: Math.max(...rounds.map((round) => round.peakRss)),
    retainedRss: Math.max(...rounds.map((round) => round.retainedRss ?? 0)) || null,
    retainedHeap: Math.max(...rounds.map((round) => round.retainedHeap ?? 0)) || null,
    bytes: rounds[0].bytes,
    firstStatus: rounds[0].firstStatus,
    note: rounds[0].note,
  };
}

const listed = (keys) => keys.join(', ') || 'none';

/** The floor's first answer against the project's (round 1): the same keys in items, meta and pagination, the same rows? */
function compareShapes(project, floor) {
  if (!project?.shape || !floor?.shape) return null;
  const differences = [];
  for (const part of ['itemKeys', 'metaKeys', 'paginationKeys']) {
    const onlyProject = project.shape[part].filter((key) => !floor.shape[part].includes(key));
    const onlyFloor = floor.shape[part].filter((key) => !project.shape[part].includes(key));
    if (onlyProject.length || onlyFloor.length)
      differences.push(`${part}: only project ${listed(onlyProject)}; only floor ${listed(onlyFloor)}`);
  }
  if (JSON.stringify(project.shape.ids) !== JSON.stringify(floor.shape.ids)) differences.push('other rows or order');
  // The floor runs after the project's write requests, whose entries are published: more rows in all.
  const { total: projectTotal, ...projectPage } = project.shape.pagination ?? {};
  const { total: floorTotal, ...floorPage } = floor.shape.pagination ?? {};
  if (['page', 'pageSize'].some((key) => projectPage[key] !== floorPage[key])) differences.push('other page or page size');
  // The page asks no sort (nor does the floor's SQL): PostgreSQL then returns table order, where new rows fill free space.
  const totals =
    projectTotal === floorTotal
      ? ''
      : ` (total ${projectTotal} → ${floorTotal}: the entries the write requests added, in an unsorted page)`;
  return differences.length
    ? differences.join('; ') + totals
    : `same keys (${project.shape.itemKeys.length} per item), rows and page${totals}`;
}

const ratioOf = (project, other) => (project?.reqPerSec !== undefined && other?.reqPerSec ? project.reqPerSec / other.reqPerSec : null);

function buildRows(requests, results) {
  return requests.map((request, index) => {
    const of = (name) => summarize((results[name] ?? []).map((run) => run.requests[index]).filter(Boolean));
    const project = of('project');
    const stock = of('stock');
    // Round r of the project against round r of stock: how far the runs spread around the mean ratio.
    const roundRatios = (results.project ?? []).map((run, round) => ratioOf(run.requests[index], results.stock?.[round]?.requests[index]));
    const floor = of('floor');
    const paced = of('paced');
    return {
      name: request.name,
      stockNote: request.stock === null ? 'not served by stock' : (request.stockNote ?? null),
      project,
      stock,
      ratio: ratioOf(project, stock),
      roundRatios,
      floor,
      // The project's req/s over the floor's: how far from the floor (1 = at it).
      floorRatio: ratioOf(project, floor),
      floorShape: compareShapes(results.project[0]?.requests[index], results.floor?.[0]?.requests[index]),
      // The project paced at stock's mean rate (rows it served faster): its peak memory for the same work a second.
      paced,
      pacedPeakRatio: paced?.peakRss && stock?.peakRss ? paced.peakRss / stock.peakRss : null,
    };
  });
}

// Autocannon drops requests still running when the time is up: none finished means "slower than the duration".
const throughput = (figures) => (figures.requests ? fixed(figures.reqPerSec) : 'none done');

function formatTable(rows) {
  const header = [
    'request',
    'project req/s',
    'stock req/s',
    'ratio',
    'ratio by round',
    'p50/p99 ms project',
    'p50/p99 ms stock',
    'errors p/s',
    'CPU ms/req p/s',
    'peak RSS MB p/s',
    "peak RSS MB at stock's rate p/s",
    'RSS after GC MB p/s',
    'JS heap after GC MB p/s',
    'bytes p/s',
    'floor req/s',
    'project/floor',
    'p50/p99 ms floor',
  ];
  const cell = (figures, pick) => (!figures ? 'n/a' : figures.failed ? 'failed' : pick(figures));
  const lines = rows.map((row) => [
    row.name + (row.stockNote && row.stock ? ` (stock: ${row.stockNote})` : ''),
    cell(row.project, throughput),
    cell(row.stock, throughput),
    row.ratio === null ? 'n/a' : `${row.ratio.toFixed(2)}x`,
    row.roundRatios.every((ratio) => ratio === null)
      ? 'n/a'
      : row.roundRatios.map((ratio) => (ratio === null ? 'n/a' : ratio.toFixed(2))).join(', '),
    cell(row.project, (f) => `${fixed(f.p50, 0)}/${fixed(f.p99, 0)}`),
    cell(row.stock, (f) => `${fixed(f.p50, 0)}/${fixed(f.p99, 0)}`),
    `${cell(row.project, (f) => f.errors)}/${cell(row.stock, (f) => f.errors)}`,
    `${cell(row.project, (f) => fixed(f.cpuMsPerRequest))}/${cell(row.stock, (f) => fixed(f.cpuMsPerRequest))}`,
    `${cell(row.project, (f) => mb(f.peakRss))}/${cell(row.stock, (f) => mb(f.peakRss))}`,
    row.pacedPeakRatio === null
      ? 'n/a'
      : `${mb(row.paced.peakRss)}/${mb(row.stock.peakRss)} (${row.pacedPeakRatio.toFixed(2)}x at ${fixed(row.paced.reqPerSec)} req/s)`,
    `${cell(row.project, (f) => mb(f.retainedRss))}/${cell(row.stock, (f) => mb(f.retainedRss))}`,
    `${cell(row.project, (f) => mb(f.retainedHeap))}/${cell(row.stock, (f) => mb(f.retainedHeap))}`,
    `${cell(row.project, (f) => f.bytes)}/${cell(row.stock, (f) => f.bytes)}`,
    cell(row.floor, throughput),
    row.floorRatio === null ? 'n/a' : `${row.floorRatio.toFixed(2)}x`,
    cell(row.floor, (f) => `${fixed(f.p50, 0)}/${fixed(f.p99, 0)}`),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => String(line[column]).length)));
  const format = (line) => `| ${line.map((value, column) => String(value).padEnd(widths[column])).join(' | ')} |`;
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

function writeReport(folder, report) {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `bench-${report.settings.db}-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

module.exports = { buildRows, formatTable, writeReport, mean };
