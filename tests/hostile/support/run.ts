import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import { appDir } from '../../helpers/strapi';
import { changedTables, checkAnswer, MAX_MS, type Profile, Violation } from './checks';
import { client as makeClient, describeRequest, type Answer, type Client, type HostileRequest } from './requests';
import { createWorld, destroyWorld, type World } from './world';

// The harness of every hostile file: one world per file, one jest test per endpoint, each a
// fast-check property run HOSTILE_RUNS times from a seed printed at the start (HOSTILE_SEED
// replays it), every answer checked (checks.ts), and the figures printed at the end.

export const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
export const SEED =
  process.env.HOSTILE_SEED !== undefined ? Number(process.env.HOSTILE_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const ONLY = process.env.HOSTILE_ENDPOINT;
const PATH = process.env.HOSTILE_PATH;

export interface Harness {
  world: World;
  client: Client;
  secrets: string[];
}

export interface Endpoint {
  requests: fc.Arbitrary<HostileRequest>;
  profile?: Profile;
  /**
   * A write: the fingerprint of the database is taken before and after each request, and a
   * refused request (4xx) must leave it as it was. `settle` runs before each fingerprint (work
   * the previous request left running, such as account e-mail).
   */
  writes?: { fingerprint: () => Promise<Record<string, unknown>>; settle?: () => Promise<void> };
  /** Reads the secrets again every this many requests (accounts are created as the run goes). */
  refreshSecrets?: number;
  /** Further promises of this endpoint, checked after the generic ones. */
  expect?: (request: HostileRequest, answer: Answer) => void | Promise<void>;
}

export interface EndpointSpec {
  /** `METHOD /path`, as reported. */
  name: string;
  build: (harness: Harness) => Endpoint | Promise<Endpoint>;
}

interface Stats {
  endpoint: string;
  requests: number;
  statuses: Record<string, number>;
  /** `details.code` of the refusals, with their counts. */
  codes: Record<string, number>;
  maxMs: number;
  totalMs: number;
  failed: boolean;
}

/** A stable 32-bit hash: each endpoint runs from its own seed, derived from the run's. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value | 0;
}

/** The jest tests of a hostile file. */
export function hostileSuite(
  file: string,
  specs: EndpointSpec[],
  { setup }: { setup?: (harness: Harness) => Promise<void> } = {},
): Harness {
  const harness = {} as Harness;
  const stats: Stats[] = [];
  const started = Date.now();

  beforeAll(async () => {
    console.log(
      `[hostile] ${file}: seed ${SEED}, ${RUNS} requests per endpoint (replay: HOSTILE_SEED=${SEED} npx jest tests/hostile/${file}; database ${process.env.DATABASE_CLIENT ?? 'sqlite'})`,
    );
    harness.world = await createWorld();
    harness.client = await makeClient(harness.world);
    harness.secrets = await harness.world.secrets();
    await setup?.(harness);
  }, 600_000);

  afterAll(async () => {
    if (stats.length > 0) {
      const lines = stats.map(
        (entry) =>
          `  ${entry.endpoint.padEnd(58)} ${String(entry.requests).padStart(5)} requests, ${Object.entries(entry.statuses)
            .sort()
            .map(([status, count]) => `${status}×${count}`)
            .join(
              ' ',
            )}; mean ${(entry.totalMs / Math.max(1, entry.requests)).toFixed(1)} ms, max ${Math.round(entry.maxMs)} ms${entry.failed ? ' FAILED' : ''}`,
      );
      const total = stats.reduce((sum, entry) => sum + entry.requests, 0);
      console.log(
        `[hostile] ${file}: seed ${SEED}, ${total} requests in ${((Date.now() - started) / 1000).toFixed(0)} s\n${lines.join('\n')}`,
      );
      const directory = path.join(appDir, '.tmp', 'hostile');
      fs.mkdirSync(directory, { recursive: true });
      fs.writeFileSync(
        path.join(directory, `${path.basename(file, '.test.ts')}.${process.env.DATABASE_CLIENT ?? 'sqlite'}.json`),
        JSON.stringify({ file, seed: SEED, runs: RUNS, seconds: (Date.now() - started) / 1000, stats }, null, 2),
      );
    }
    await harness.client?.close();
    await destroyWorld(harness.world);
  }, 120_000);

  for (const spec of specs) {
    const run = ONLY && ONLY !== spec.name ? it.skip : it;
    run(spec.name, () => runEndpoint(harness, spec, file, stats), 60 * 60_000);
  }
  return harness;
}

async function runEndpoint(harness: Harness, spec: EndpointSpec, file: string, all: Stats[]): Promise<void> {
  const endpoint = await spec.build(harness);
  const { world, client } = harness;
  const stats: Stats = { endpoint: spec.name, requests: 0, statuses: {}, codes: {}, maxMs: 0, totalMs: 0, failed: false };
  all.push(stats);
  const logged: string[] = [];
  const log = world.strapi.log;
  const error = log.error.bind(log);
  log.error = ((message: unknown, ...rest: unknown[]) => {
    // Strapi's error middleware logs the body parser's client errors (413 too large): not a failure.
    const status = (message as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return error(message as never, ...(rest as never[]));
    logged.push(message instanceof Error ? (message.stack ?? message.message) : String(message));
    return error(message as never, ...(rest as never[]));
  }) as typeof log.error;

  let first: string | undefined;
  const property = fc.asyncProperty(endpoint.requests, async (request) => {
    logged.length = 0;
    const before = endpoint.writes ? (await endpoint.writes.settle?.(), await endpoint.writes.fingerprint()) : undefined;
    if (endpoint.refreshSecrets && stats.requests % endpoint.refreshSecrets === 0) harness.secrets = await world.secrets();
    let answer: Answer;
    try {
      answer = await client.send(request);
    } catch (failure) {
      stats.requests += 1;
      stats.statuses.broken = (stats.statuses.broken ?? 0) + 1;
      throw new Violation(`the connection broke: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    // A read slower than the limit is timed again (twice at most): a pause of the machine (the
    // garbage collector, another process) is not a property of the request; a slow request is slow
    // every time. Writes are not sent twice.
    for (let retry = 0; retry < 2 && answer.ms > MAX_MS && request.method === 'GET'; retry += 1) {
      const again = await client.send(request);
      if (again.ms < answer.ms) answer = { ...answer, ms: again.ms };
    }
    stats.requests += 1;
    stats.statuses[answer.status] = (stats.statuses[answer.status] ?? 0) + 1;
    const code = (answer.json as { error?: { details?: { code?: unknown } } } | undefined)?.error?.details?.code;
    if (typeof code === 'string') stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    stats.maxMs = Math.max(stats.maxMs, answer.ms);
    stats.totalMs += answer.ms;
    const excerpt = `\n    answer: ${answer.status} ${answer.text.slice(0, 600)}`;
    try {
      checkAnswer({ world, secrets: harness.secrets }, request, answer, endpoint.profile);
      if (endpoint.writes && before && answer.status >= 400) {
        await endpoint.writes.settle?.();
        const changed = changedTables(before, await endpoint.writes.fingerprint());
        if (changed.length > 0) throw new Violation(`a refused request (${answer.status}) wrote to the database: ${changed.join(', ')}`);
      }
      await endpoint.expect?.(request, answer);
      if (endpoint.writes) await endpoint.writes.settle?.();
      if (logged.length > 0) throw new Violation(`the server logged an error: ${logged.splice(0).join('\n').slice(0, 1500)}`);
    } catch (failure) {
      if (!(failure instanceof Violation)) throw failure;
      const violation = new Violation(`${failure.message}${excerpt}`);
      // Shrinking may end on another broken promise than the first one: both are reported.
      first ??= `${violation.message}\n    request: ${describeRequest(request)}`;
      throw violation;
    }
  });

  try {
    const seed = (SEED + hash(spec.name)) | 0;
    const details = await fc.check(property, { numRuns: RUNS, seed, ...(ONLY === spec.name && PATH ? { path: PATH } : {}) });
    if (details.failed) {
      stats.failed = true;
      const [request] = (details.counterexample ?? []) as [HostileRequest];
      const error = details.errorInstance;
      const message = error instanceof Violation ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error(
        [
          `${spec.name}: a generated request broke a promise (after ${details.numRuns} runs, shrunk ${details.numShrinks} times)`,
          `  ${message}`,
          request ? `  request: ${describeRequest(request)}` : '',
          first ? `  first failure, before shrinking: ${first}` : '',
          `  replay: HOSTILE_SEED=${SEED} HOSTILE_ENDPOINT='${spec.name}' HOSTILE_PATH='${details.counterexamplePath}' npx jest tests/hostile/${file}`,
        ].join('\n'),
      );
    }
  } finally {
    log.error = error;
  }
}
