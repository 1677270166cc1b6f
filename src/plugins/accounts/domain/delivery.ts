/**
 * The outbox: what a queued message looks like, and when a failed delivery is tried again.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the message is dropped (and logged). */
  maxAttempts: number;
  /** Wait after the first failure, in ms; it doubles after each further failure. */
  retryDelay: number;
  /** The longest wait between two attempts, in ms. */
  maxRetryDelay: number;
}

export type AfterFailure = { retryAt: number } | { giveUp: true };

/** `attempts`: how many deliveries have failed so far, this one included. */
export function afterFailure(attempts: number, now: number, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { giveUp: true };
  const delay = Math.min(policy.maxRetryDelay, policy.retryDelay * 2 ** (attempts - 1));
  return { retryAt: now + delay };
}

export type StorableMessage = Record<string, unknown>;

const isStream = (value: unknown) => typeof (value as { pipe?: unknown } | null)?.pipe === 'function';

function storableAttachment(attachment: unknown, index: number): unknown {
  if (typeof attachment !== 'object' || attachment === null) return attachment;
  const { content, ...rest } = attachment as { content?: unknown };
  if (isStream(content)) throw new Error(`Attachment ${index} is a stream: the outbox keeps messages as JSON (give a Buffer or a string)`);
  if (Buffer.isBuffer(content)) return { ...rest, content: content.toString('base64'), encoding: 'base64' };
  return attachment;
}

/**
 * The options given to the email plugin's `send`, as a JSON value to keep until delivery. Empty
 * values are dropped so the provider's defaults apply (users-permissions passes `replyTo: ''` and
 * `from: undefined` when its templates name no sender). Buffers in attachments become base64.
 */
export function storableMessage(options: unknown): StorableMessage {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error('An e-mail is an object of options (to, subject, text, html...)');
  }
  const message: StorableMessage = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'function' || isStream(value)) throw new Error(`The e-mail option "${key}" cannot be kept in the outbox`);
    message[key] = key === 'attachments' && Array.isArray(value) ? value.map(storableAttachment) : value;
  }
  if (!message.to) throw new Error('An e-mail needs a recipient (`to`)');
  return JSON.parse(JSON.stringify(message));
}

/** Who a message goes to, for logs: `to` (and cc, bcc) as one line. */
export function recipientsOf(message: StorableMessage): string {
  const list = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(list);
    if (typeof value === 'string') return [value];
    if (typeof value === 'object' && value !== null && 'address' in value) return [String((value as { address: unknown }).address)];
    return [];
  };
  return [...list(message.to), ...list(message.cc), ...list(message.bcc)].join(', ');
}
