import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { buffer } from 'stream/consumers';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import type { AddressObject } from 'mailparser';
import type { SMTPServer, SMTPServerSession } from 'smtp-server';
import type { AccountsConfig, MailboxConfig } from '../config';

export interface CapturedMessage {
  id: number;
  receivedAt: Date;
  /** The SMTP envelope: who the message was really handed over for. */
  envelope: { from: string | null; to: string[] };
  /** The From header as written ('Name <address>'). */
  from: string;
  /** The addresses of the To header. */
  to: string[];
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** Where it was written, when the mailbox keeps files. */
  file: string | null;
}

// Development keeps every message on disk: memory only holds the latest ones.
const KEPT_IN_MEMORY = 500;
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value.map((entry) => entry.address ?? '')).filter(Boolean);

/**
 * A local SMTP server that keeps what it receives instead of sending it on: in memory (for tests,
 * `messages()`) and as .eml files (for development, any mail reader opens them). It listens on
 * the loopback only and accepts any sender and recipient, without authentication.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const kept: CapturedMessage[] = [];
  let server: SMTPServer | null = null;
  let listening: { host: string; port: number } | null = null;
  let received = 0;

  const settings = (): Required<MailboxConfig> => {
    const { mailbox } = strapi.config.get('plugin::accounts') as AccountsConfig;
    return { host: '127.0.0.1', port: 0, directory: null, ...(mailbox || {}) };
  };

  async function keep(raw: Buffer, session: SMTPServerSession) {
    const { simpleParser } = await import('mailparser');
    const parsed = await simpleParser(raw);
    const id = (received += 1);
    const receivedAt = new Date();
    const { directory } = settings();
    let file: string | null = null;
    if (directory) {
      const folder = path.resolve(strapi.dirs.app.root, directory);
      await fs.mkdir(folder, { recursive: true });
      file = path.join(folder, `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`);
      // latin1 writes each byte as it came (and keeps @types/node 20 and TypeScript 5.9 apart on Buffer).
      await fs.writeFile(file, raw.toString('latin1'), 'latin1');
    }
    kept.push({
      id,
      receivedAt,
      envelope: {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      },
      from: parsed.from?.text ?? '',
      to: addresses(parsed.to),
      replyTo: parsed.replyTo?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      file,
    });
    if (kept.length > KEPT_IN_MEMORY) kept.splice(0, kept.length - KEPT_IN_MEMORY);
  }

  // Loaded when the mailbox starts: a production server, which sends its mail on, never loads it.
  async function createServer() {
    const { SMTPServer } = await import('smtp-server');
    return new SMTPServer({
      // Plain SMTP on the loopback: no TLS to negotiate, no credentials to check.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      size: MAX_MESSAGE_BYTES,
      banner: 'accounts mailbox: messages are kept here, never sent on',
      logger: false,
      onData(stream, session, callback) {
        buffer(stream)
          .then((raw) => keep(raw, session))
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      },
    });
  }

  return {
    /** Listens (again) on the configured port, or on the port it had before it was stopped. */
    async start(): Promise<{ host: string; port: number }> {
      if (server && listening) return listening;
      const { host, port } = settings();
      const instance = await createServer();
      instance.on('error', (error) => strapi.log.error(`[accounts] mailbox: ${error.message}`));
      await new Promise<void>((resolve, reject) => {
        const failed = (error: Error) => reject(error);
        instance.server.once('error', failed);
        instance.listen(listening?.port ?? port, host, () => {
          instance.server.off('error', failed);
          resolve();
        });
      });
      server = instance;
      listening = { host, port: (instance.server.address() as AddressInfo).port };
      return listening;
    },

    /** Stops listening: SMTP clients then find nobody there (the port is kept for `start()`). */
    async stop(): Promise<void> {
      const instance = server;
      server = null;
      if (instance) await new Promise<void>((resolve) => instance.close(() => resolve()));
    },

    isRunning(): boolean {
      return server !== null;
    },

    /** Where the mailbox listens (or listened), or `null` before the first start. */
    address(): { host: string; port: number } | null {
      return listening;
    },

    /** The messages received so far, oldest first. */
    messages(): CapturedMessage[] {
      return [...kept];
    },

    clear(): void {
      kept.length = 0;
    },
  };
};
