import http from 'http';
import type { AddressInfo } from 'net';
import supertest from 'supertest';
import type { CallerName, World } from './world';

/** One generated request: who sends it, and what. */
export interface HostileRequest {
  caller: CallerName;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Already encoded, without the `?`. */
  query?: string;
  headers?: Record<string, string>;
  /** A JSON value (sent as application/json), or raw bytes with a content type of their own. */
  body?: { json: unknown } | { raw: string; contentType: string };
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when the response says it is JSON. */
  json?: unknown;
  ms: number;
}

export interface Client {
  send(request: HostileRequest): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * Requests go to the in-process server over one keep-alive connection pool (the server listens
 * once, on 127.0.0.1): the time measured is the server's answer, not the set-up of a listener.
 */
export async function client(world: World): Promise<Client> {
  const server = world.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const raw = (response: http.IncomingMessage, callback: (error: Error | null, body: string) => void) => {
    const chunks: Uint8Array[] = [];
    response.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
    response.on('error', (error) => callback(error, ''));
  };

  return {
    async send(request) {
      const url = request.query ? `${request.path}?${request.query}` : request.path;
      const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      let test = supertest(base)
        [method](url)
        .agent(agent)
        .buffer(true)
        .parse(raw as never)
        .timeout({ response: 30_000, deadline: 60_000 });
      const person = world.caller(request.caller);
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        if (person && name.toLowerCase() === 'authorization') continue;
        test = test.set(name, value);
      }
      if (person) test = test.set('Authorization', `Bearer ${person.jwt}`);
      const { body } = request;
      if (body && 'json' in body) test = test.set('Content-Type', 'application/json').send(JSON.stringify(body.json) ?? 'null');
      if (body && 'raw' in body) test = test.set('Content-Type', body.contentType).send(body.raw);
      const started = performance.now();
      const response = await test;
      const ms = performance.now() - started;
      const text = typeof response.body === 'string' ? response.body : '';
      const headers = response.headers as Record<string, string>;
      let json: unknown;
      if (/json/.test(headers['content-type'] ?? '') && text !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          throw new Error(
            `${request.method} ${url} answered ${response.status} with a body that says it is JSON and is not: ${text.slice(0, 300)}`,
          );
        }
      }
      return { status: response.status, headers, text, json, ms };
    },
    async close() {
      agent.destroy();
    },
  };
}

/** A request as a line of a report (long values cut). */
export function describeRequest(request: HostileRequest): string {
  const cut = (value: string, length = 600) => (value.length > length ? `${value.slice(0, length)}… (${value.length} characters)` : value);
  const body = request.body
    ? 'json' in request.body
      ? JSON.stringify(request.body.json)
      : `[${request.body.contentType}] ${request.body.raw}`
    : '';
  const headers = Object.keys(request.headers ?? {}).length ? ` headers ${cut(JSON.stringify(request.headers), 300)}` : '';
  return `${request.caller}: ${request.method} ${cut(request.query ? `${request.path}?${request.query}` : request.path)}${headers}${body ? ` body ${cut(body)}` : ''}`;
}
