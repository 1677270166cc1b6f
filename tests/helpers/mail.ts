import type { Core } from '@strapi/strapi';

/** A message as the accounts plugin's local mailbox keeps it (src/plugins/accounts/server/services/mailbox.ts). */
export interface CapturedMessage {
  id: number;
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string[];
  replyTo: string;
  subject: string;
  text: string;
  html: string;
}

export const mailbox = (strapi: Core.Strapi) => strapi.plugin('accounts').service('mailbox');
export const outbox = (strapi: Core.Strapi) => strapi.plugin('accounts').service('outbox');

export const messagesTo = (strapi: Core.Strapi, address: string): CapturedMessage[] =>
  mailbox(strapi)
    .messages()
    .filter((message: CapturedMessage) => message.envelope.to.includes(address));

/** Polls `probe` until it gives something truthy, or fails after `timeout` ms. */
export async function eventually<T>(probe: () => T | Promise<T>, { timeout = 15_000, what = 'the condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The next message to `address` whose subject matches, once delivered. */
export const nextMessage = (strapi: Core.Strapi, address: string, subject: RegExp, { after = 0 } = {}) =>
  eventually(() => messagesTo(strapi, address).find((message) => message.id > after && subject.test(message.subject)), {
    what: `a message "${subject.source}" to ${address}`,
  });

/**
 * Everything the answered requests set off is done: account work after the answer, and the
 * outbox's delivery of what it queued (delivered, or failed and waiting for a retry).
 */
export async function settle(strapi: Core.Strapi): Promise<void> {
  const background = strapi.plugin('accounts').service('background');
  await background.drain();
  await outbox(strapi).deliverDue();
  await background.drain();
}

/** The first web address in a message. */
export function linkIn(message: CapturedMessage): URL {
  const match = /https?:\/\/[^\s<>"']+/.exec(message.text);
  if (!match) throw new Error(`No link in "${message.subject}": ${message.text}`);
  return new URL(match[0]);
}
