import fs from 'fs';

/** What tests/browser/global-setup.js made: the server's address and the accounts. */
export interface AdminAccount {
  email: string;
  password: string;
  token: string;
  id?: number;
  roleCode?: string;
}
export interface RunState {
  baseUrl: string;
  artifacts: string;
  logFile: string;
  bootMs: number;
  superAdmin: AdminAccount;
  editor: AdminAccount;
  translator: AdminAccount;
  stakeholder: { email: string; username: string; password: string; jwt: string; id: number };
}

export function runState(): RunState {
  const file = process.env.WSIS_BROWSER_STATE;
  if (!file || !fs.existsSync(file)) throw new Error('WSIS_BROWSER_STATE is not set: run the suite with `npm run test:browser`.');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RunState;
}

export interface Answer {
  status: number;
  body: any;
}

/** The server's HTTP APIs (content API, admin API) as one caller: anonymous, an admin JWT or a stakeholder's JWT. */
export function client(baseUrl: string, token?: string) {
  async function send(method: string, path: string, body?: unknown, expected?: number | number[]): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    const wanted = expected === undefined ? [] : Array.isArray(expected) ? expected : [expected];
    if (wanted.length > 0 && !wanted.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}, expected ${wanted.join(' or ')}: ${text.slice(0, 600)}`);
    }
    return { status: response.status, body: parsed };
  }
  return {
    get: (path: string, expected?: number | number[]) => send('GET', path, undefined, expected),
    post: (path: string, body: unknown, expected?: number | number[]) => send('POST', path, body, expected),
    put: (path: string, body: unknown, expected?: number | number[]) => send('PUT', path, body, expected),
  };
}

/** The content manager's admin API path of a collection type (and a document, and an action). */
export const contentManager = (uid: string, ...path: string[]) => ['/content-manager/collection-types', uid, ...path].join('/');

/** Polls `probe` until it returns something truthy; fails with the last value seen. */
export async function eventually<T>(probe: () => Promise<T>, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
