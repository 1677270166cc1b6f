import type { Core } from '@strapi/strapi';
import type { Answer, HostileRequest } from './requests';
import type { World } from './world';

// What every answer to a generated request must satisfy, whatever was asked.

/** Longest answer accepted, in ms (HOSTILE_MAX_MS; 2 s by default). */
export const MAX_MS = Number(process.env.HOSTILE_MAX_MS ?? 2000);

export interface Profile {
  /** The answer may hold the caller's own drafts (`/mine`, the answer to their write). */
  ownDrafts?: boolean;
  /** Keys that may not appear anywhere in a JSON body (the world's private keys by default). */
  privateKeys?: Set<string>;
  /** Secrets this answer may carry (the address given, echoed; the account's own, once logged in). */
  allowedSecrets?: (request: HostileRequest, answer: Answer) => string[];
}

export class Violation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Violation';
  }
}

const fail = (message: string): never => {
  throw new Violation(message);
};

/** The markers of planted drafts that this caller may never read in this answer. */
function forbiddenMarkers(world: World, request: HostileRequest, profile: Profile): string[] {
  const markers = [world.editorMarker];
  for (const person of [world.alice, world.bob]) {
    if (!(profile.ownDrafts && request.caller === person.name)) markers.push(person.marker);
  }
  return markers;
}

/** Everything the client sent, as text: an error that echoes it does not leak it. */
function sentText(request: HostileRequest): string {
  const body = request.body ? ('json' in request.body ? JSON.stringify(request.body.json) : request.body.raw) : '';
  let query = request.query ?? '';
  try {
    query = decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    // Keep it encoded: a malformed escape is part of what was sent.
  }
  return `${request.path} ${query} ${request.query ?? ''} ${body} ${JSON.stringify(request.headers ?? {})}`;
}

function visit(value: unknown, enter: (key: string, nested: unknown, path: string[]) => void, path: string[] = []) {
  if (Array.isArray(value)) value.forEach((item, index) => visit(item, enter, [...path, String(index)]));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, nested] of Object.entries(value)) {
      enter(key, nested, path);
      visit(nested, enter, [...path, key]);
    }
  }
}

/** True when `path` (of a key's parent) is a document at the top of the answer: `data` or `data[i]`. */
const isTopDocument = (path: string[]) =>
  (path.length === 1 && path[0] === 'data') || (path.length === 2 && path[0] === 'data' && /^\d+$/.test(path[1]));

export interface CheckContext {
  world: World;
  secrets: string[];
}

/** Asserts the promises every answer keeps; throws a Violation naming the first one broken. */
export function checkAnswer({ world, secrets }: CheckContext, request: HostileRequest, answer: Answer, profile: Profile = {}): void {
  const { status, text, json, headers, ms } = answer;
  const refused = status >= 400;
  if (status >= 500) fail(`answered ${status}: ${text.slice(0, 1000)}`);
  if (ms > MAX_MS) fail(`took ${Math.round(ms)} ms (at most ${MAX_MS})`);

  // Refusals under /api are in Strapi's envelope; a 400 says what kind of input was wrong.
  if (refused && request.path.startsWith('/api/') && json !== undefined) {
    const error = (json as { error?: { status?: number; message?: unknown; details?: { code?: unknown } } }).error;
    if (!error || error.status !== status || typeof error.message !== 'string')
      fail(`a ${status} outside Strapi's error envelope: ${text.slice(0, 500)}`);
    if (status === 400 && typeof error.details?.code !== 'string') fail(`a 400 without details.code: ${text.slice(0, 500)}`);
  }

  // Shared caches keep only published answers to requests without credentials.
  if (/public/.test(headers['cache-control'] ?? '')) {
    const credentials =
      Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'authorization') || request.caller !== 'anonymous';
    if (credentials || request.method !== 'GET' || (status !== 200 && status !== 304)) {
      fail(`Cache-Control "${headers['cache-control']}" on a ${status} to ${credentials ? 'a request with credentials' : request.method}`);
    }
  }

  const echoed = refused ? sentText(request) : '';
  const allowed = new Set(profile.allowedSecrets?.(request, answer) ?? []);
  for (const secret of secrets) {
    if (allowed.has(secret) || (refused && echoed.includes(secret))) continue;
    if (holdsToken(text, secret)) fail(`the answer holds a private value (${secret.slice(0, 12)}…): ${excerpt(text, secret)}`);
  }
  for (const marker of forbiddenMarkers(world, request, profile)) {
    if (refused && echoed.includes(marker)) continue;
    if (text.includes(marker)) fail(`the answer holds a draft the caller may not read (marker ${marker}): ${excerpt(text, marker)}`);
  }

  if (json === undefined) return;
  const privateKeys = profile.privateKeys ?? world.privateKeys;
  visit(json, (key, nested, path) => {
    if (privateKeys.has(key)) fail(`the answer holds the private field "${[...path, key].join('.')}"`);
    if (key === 'publishedAt' && nested === null && !(profile.ownDrafts && isTopDocument(path)) && !refused) {
      fail(`the answer holds a draft (publishedAt null) at ${path.join('.') || '(top)'}`);
    }
  });
}

const WORD = /[A-Za-z0-9._%+@$/=-]/;

/** `secret` in `text` as a whole (not `a@wsis.test` inside `hostile-aaaa@wsis.test`). */
function holdsToken(text: string, secret: string): boolean {
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + secret.length] ?? '';
    if (!WORD.test(before) && !WORD.test(after)) return true;
  }
  return false;
}

function excerpt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  return text.slice(Math.max(0, at - 200), at + 200);
}

// ---------------------------------------------------------------------------------------------
// Nothing written by a refused request

/**
 * A fingerprint of every table: its row count, the sum of its ids (a row deleted and another
 * added change it) and its latest `updated_at` (an update changes it). One query.
 */
export async function fingerprinter(
  strapi: Core.Strapi,
  { exclude = [] as string[] } = {},
): Promise<() => Promise<Record<string, unknown>>> {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const tables: string[] =
    client === 'sqlite'
      ? (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map(
          (row: { name: string }) => row.name,
        )
      : (await knex.raw('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).rows.map(
          (row: { tablename: string }) => row.tablename,
        );
  const parts: string[] = [];
  for (const table of tables.filter((name) => !exclude.includes(name)).sort()) {
    const columns = Object.keys(await knex(table).columnInfo());
    const quoted = `"${table}"`;
    parts.push(`(SELECT count(*) FROM ${quoted}) AS "${table}:count"`);
    if (columns.includes('id')) parts.push(`(SELECT sum(id) FROM ${quoted}) AS "${table}:ids"`);
    if (columns.includes('updated_at')) parts.push(`(SELECT max(updated_at) FROM ${quoted}) AS "${table}:updated"`);
  }
  const sql = `SELECT ${parts.join(', ')}`;
  return async () => {
    const result = await knex.raw(sql);
    const row = client === 'sqlite' ? result[0] : result.rows[0];
    return Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value === null ? null : String(value)]),
    );
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]);
}
