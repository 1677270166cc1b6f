import type { RetryPolicy } from '../domain/delivery';
import type { AccountLinks } from '../domain/users-permissions-settings';

export interface MailboxConfig {
  /** Interface the local SMTP server listens on (default 127.0.0.1): keep it on the loopback. */
  host?: string;
  /** Default 0: any free port (tests run in parallel). */
  port?: number;
  /** Each message is also written there as an .eml file; `null` (default): kept in memory only. */
  directory?: string | null;
}

export interface MessageTemplate {
  subject: string;
  /** Plain text; `<%= URL %>` and the like are filled in (users-permissions' template syntax). */
  text: string;
}

export interface AccountsConfig {
  /**
   * A local SMTP server that keeps every message instead of sending it on (development, tests).
   * The email plugin's nodemailer provider is pointed at it. `false`: mail goes where the email
   * plugin's provider is configured to send it.
   */
  mailbox: MailboxConfig | false;
  links: AccountLinks;
  passwordReset: {
    /** How long a reset code works, in ms. */
    codeLifetime: number;
  };
  outbox: RetryPolicy & {
    /** How often queued messages are looked for, in ms (a new message is tried at once anyway). */
    pollInterval: number;
    /** How long an instance may hold a message it is delivering before another may try it, in ms. */
    claimTimeout: number;
  };
  messages: {
    /** To the owner of an address someone tried to register again. `<%= URL %>`: a password reset link. */
    accountExists: MessageTemplate;
    /** To an address registered with a username that is taken. */
    usernameUnavailable: MessageTemplate;
  };
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const defaults: AccountsConfig = {
  mailbox: false,
  links: { resetPassword: '', emailConfirmed: '' },
  passwordReset: { codeLifetime: HOUR },
  outbox: { pollInterval: 15 * 1000, retryDelay: 30 * 1000, maxRetryDelay: HOUR, maxAttempts: 10, claimTimeout: 5 * MINUTE },
  messages: {
    accountExists: {
      subject: 'Your account',
      text: [
        'Someone, probably you, tried to create an account with this e-mail address. It already has one.',
        'To sign in with a new password, follow this link within the hour:',
        '<%= URL %>',
        'If it was not you, you can ignore this message: nothing has changed.',
      ].join('\n\n'),
    },
    usernameUnavailable: {
      subject: 'Your registration',
      text: [
        'Someone, probably you, tried to create an account with this e-mail address, with a username that is already taken.',
        'Please register again with another username.',
        'If it was not you, you can ignore this message: no account was created.',
      ].join('\n\n'),
    },
  },
};

const isAbsoluteUrl = (value: unknown) => {
  try {
    return ['http:', 'https:'].includes(new URL(String(value)).protocol);
  } catch {
    return false;
  }
};
const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

export default {
  default: defaults,
  validator(config: AccountsConfig) {
    for (const key of ['resetPassword', 'emailConfirmed'] as const) {
      if (!isAbsoluteUrl(config.links?.[key]))
        throw new Error(`accounts: \`links.${key}\` must be an absolute http(s) URL (it goes into e-mails)`);
    }
    if (!isPositive(config.passwordReset?.codeLifetime))
      throw new Error('accounts: `passwordReset.codeLifetime` must be a positive number of ms');
    for (const key of ['pollInterval', 'retryDelay', 'maxRetryDelay', 'maxAttempts', 'claimTimeout'] as const) {
      if (!isPositive(config.outbox?.[key])) throw new Error(`accounts: \`outbox.${key}\` must be a positive number`);
    }
    if (config.mailbox) {
      const { host, port } = config.mailbox;
      if (host !== undefined && (typeof host !== 'string' || host === ''))
        throw new Error('accounts: `mailbox.host` must be an interface to listen on, e.g. 127.0.0.1');
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
        throw new Error('accounts: `mailbox.port` must be a port number (0: any free port)');
    }
    for (const name of ['accountExists', 'usernameUnavailable'] as const) {
      const template = config.messages?.[name];
      if (typeof template?.subject !== 'string' || typeof template?.text !== 'string') {
        throw new Error(`accounts: \`messages.${name}\` needs a \`subject\` and a \`text\``);
      }
    }
  },
};
