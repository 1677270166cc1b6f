// One request under load: a first request (status, size, ETag), a warm-up wave, then autocannon for a fixed
// duration, with the server's CPU time and peak resident memory around it.
const http = require('http');
const autocannon = require('autocannon');

const KEPT_BYTES = 4 * 1024 * 1024;

/** The keys of a REST answer (of its first item, meta and pagination) and its items' ids: enough to compare two servers. */
function shapeOf(text) {
  try {
    const { data, meta } = JSON.parse(text);
    const items = Array.isArray(data) ? data : data ? [data] : [];
    return {
      itemKeys: items.length ? Object.keys(items[0]).sort() : [],
      metaKeys: Object.keys(meta ?? {}).sort(),
      paginationKeys: Object.keys(meta?.pagination ?? {}).sort(),
      ids: items.map((item) => item.id),
      pagination: meta?.pagination ?? null,
    };
  } catch {
    return null;
  }
}

function once({ port, method, path, headers, body, keep = false }) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers, timeout: 120_000 }, (response) => {
      let bytes = 0;
      const chunks = [];
      response.on('data', (chunk) => {
        bytes += chunk.length;
        if (keep && bytes <= KEPT_BYTES) chunks.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          bytes,
          etag: response.headers.etag ?? null,
          body: keep && bytes <= KEPT_BYTES ? Buffer.concat(chunks).toString('utf8') : null,
        }),
      );
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error(`no answer to ${method} ${path} in 120 s`)));
    request.end(body);
  });
}

/**
 * @param {object} server the running server (server.js)
 * @param {object} request one of requests.js, with the path this app is asked
 * @param {object} settings `rate`: pace the load at that many requests a second (none: as fast as answered)
 */
async function measure(server, port, request, { apiToken, stakeholderJwt, duration, connections, rate }) {
  const method = request.method ?? 'GET';
  const headers = { accept: '*/*', ...request.headers, ...(request.body && { 'content-type': 'application/json' }) };
  // `authenticated`: 'token' (the seeded full-access API token) or 'stakeholder' (the seeded user's JWT).
  if (request.authenticated) headers.authorization = `Bearer ${request.authenticated === 'stakeholder' ? stakeholderJwt : apiToken}`;
  const first = await once({ port, method, path: request.path, headers, body: request.body?.(), keep: true });
  let note = request.note ?? null;
  if (request.conditional) {
    if (first.etag) headers['if-none-match'] = first.etag;
    else note = `no ETag: plain ${first.status}`;
  }
  const expected = request.conditional && first.etag ? 304 : first.status;
  // One wave of concurrent requests before the clock starts: pools open, code paths compiled.
  await Promise.all(Array.from({ length: connections }, () => once({ port, method, path: request.path, headers, body: request.body?.() })));

  const cpuBefore = server.cpuMilliseconds();
  const stopSampling = server.sampleMemory();
  // What the socket errors autocannon counts were (it reports a number only), for the log.
  const socketErrors = new Map();
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${request.path}`,
        method,
        headers,
        connections,
        duration,
        timeout: 120,
        // `rate`: requests a second across all connections (the paced run); none: as fast as answered.
        ...(rate && { overallRate: rate }),
        ...(request.body && { requests: [{ setupRequest: (req) => ({ ...req, body: request.body() }) }] }),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('reqError', (error) => {
      const text = error?.code ?? error?.message ?? String(error);
      socketErrors.set(text, (socketErrors.get(text) ?? 0) + 1);
    });
  });
  const peakRss = stopSampling();
  const cpu = server.cpuMilliseconds() - cpuBefore;
  const retained = await server.memoryAfterCollection();
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  const good = expected >= 200 && expected < 400 ? (statuses[expected] ?? 0) : 0;
  return {
    firstStatus: first.status,
    bytes: first.bytes,
    shape: first.body && method === 'GET' && first.status === 200 ? shapeOf(first.body) : null,
    // What a refused first request said (the start of its body).
    firstError: first.status >= 400 && first.body ? first.body.slice(0, 300) : null,
    note,
    requests: answered,
    reqPerSec: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    errors: answered - good + result.errors + result.timeouts,
    statuses,
    socketErrors: Object.fromEntries(socketErrors),
    cpuMsPerRequest: answered ? cpu / answered : null,
    peakRss,
    retainedRss: retained?.rss ?? null,
    retainedHeap: retained?.heapUsed ?? null,
  };
}

module.exports = { measure };
