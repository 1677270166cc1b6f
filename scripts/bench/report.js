// The side-by-side table (printed) and the whole run as JSON under bench-results/.
const fs = require('fs');
const path = require('path');

const mean = (values) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);
const fixed = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const mb = (bytes) => (bytes ? `${Math.round(bytes / 1024 / 1024)}` : 'n/a');

/** Rounds of one request on one app → one figure per column (means; errors summed; peak RSS the highest). */
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
    peakRss: Math.max(...rounds.map((round) => round.peakRss)),
    bytes: rounds[0].bytes,
    firstStatus: rounds[0].firstStatus,
    note: rounds[0].note,
  };
}

function buildRows(requests, results) {
  return requests.map((request, index) => {
    const project = summarize(results.project.map((run) => run.requests[index]).filter(Boolean));
    const stock = summarize(results.stock.map((run) => run.requests[index]).filter(Boolean));
    const ratio = project?.reqPerSec !== undefined && stock?.reqPerSec ? project.reqPerSec / stock.reqPerSec : null;
    return {
      name: request.name,
      stockNote: request.stock === null ? 'not served by stock' : (request.stockNote ?? null),
      project,
      stock,
      ratio,
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
    'p50/p99 ms project',
    'p50/p99 ms stock',
    'errors p/s',
    'CPU ms/req p/s',
    'peak RSS MB p/s',
    'bytes p/s',
  ];
  const cell = (figures, pick) => (!figures ? 'n/a' : figures.failed ? 'failed' : pick(figures));
  const lines = rows.map((row) => [
    row.name + (row.stockNote && row.stock ? ` (stock: ${row.stockNote})` : ''),
    cell(row.project, throughput),
    cell(row.stock, throughput),
    row.ratio === null ? 'n/a' : `${row.ratio.toFixed(2)}x`,
    cell(row.project, (f) => `${fixed(f.p50, 0)}/${fixed(f.p99, 0)}`),
    cell(row.stock, (f) => `${fixed(f.p50, 0)}/${fixed(f.p99, 0)}`),
    `${cell(row.project, (f) => f.errors)}/${cell(row.stock, (f) => f.errors)}`,
    `${cell(row.project, (f) => fixed(f.cpuMsPerRequest))}/${cell(row.stock, (f) => fixed(f.cpuMsPerRequest))}`,
    `${cell(row.project, (f) => mb(f.peakRss))}/${cell(row.stock, (f) => mb(f.peakRss))}`,
    `${cell(row.project, (f) => f.bytes)}/${cell(row.stock, (f) => f.bytes)}`,
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
