/**
 * Account e-mail (registration confirmation, password reset): the SMTP relay, the sender and the
 * site pages the messages link to.
 *
 * Development and test need none of it: without SMTP_HOST, mail goes to the accounts plugin's
 * local mailbox (an SMTP server on 127.0.0.1) and is never sent anywhere else. Only NODE_ENV
 * `development` or `test` gets these defaults; any other value, unset included, is production,
 * which refuses to start without a relay, a sender and the links.
 */
import { InsecureConfigurationError, usesDevelopmentDefaults } from './secrets';

export const DEV_MAIL = {
  from: 'WSIS platform <no-reply@wsis.local>',
  frontendUrl: 'http://localhost:3000',
  // Development keeps each message as an .eml file; tests read them from memory.
  mailboxDirectory: '.tmp/mail',
} as const;

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (usually port 465); false: STARTTLS when the server offers it (587). */
  secure: boolean;
  username?: string;
  password?: string;
}

export interface MailSettings {
  /** `null`: the local mailbox (development and test only). */
  smtp: SmtpSettings | null;
  mailbox: { directory: string | null } | null;
  from: string;
  replyTo?: string;
  links: { resetPassword: string; emailConfirmed: string };
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;
const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export function readMailSettings(environment: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): MailSettings {
  const development = usesDevelopmentDefaults(environment, argv);
  const required = (name: string, purpose: string) => {
    const value = trimmed(environment[name]);
    if (!value && !development) throw new InsecureConfigurationError(`${name} is not set (${purpose})`, environment, argv);
    return value;
  };

  const host = required('SMTP_HOST', 'the SMTP relay for account e-mail');
  const from = required('EMAIL_FROM', 'the sender of account e-mail, e.g. "WSIS <no-reply@example.org>"') ?? DEV_MAIL.from;
  // The confirmation link points at this server (server.url), the others at the site.
  required('PUBLIC_URL', 'the public URL of this server, used in confirmation links');
  const resetPassword = trimmed(environment.RESET_PASSWORD_URL);
  const emailConfirmed = trimmed(environment.EMAIL_CONFIRMED_URL);
  const frontend = resetPassword && emailConfirmed ? undefined : required('FRONTEND_URL', 'the site that account e-mails link to');
  const site = withoutTrailingSlash(frontend ?? DEV_MAIL.frontendUrl);

  let smtp: SmtpSettings | null = null;
  if (host) {
    const secure = trimmed(environment.SMTP_SECURE)?.toLowerCase() === 'true';
    smtp = {
      host,
      port: Number(trimmed(environment.SMTP_PORT) ?? (secure ? 465 : 587)),
      secure,
      username: trimmed(environment.SMTP_USERNAME),
      password: environment.SMTP_PASSWORD || undefined,
    };
    if (!Number.isInteger(smtp.port) || smtp.port <= 0 || smtp.port > 65535) {
      throw new Error(`SMTP_PORT must be a port number, not "${environment.SMTP_PORT}"`);
    }
  }

  return {
    smtp,
    mailbox: smtp ? null : { directory: environment.NODE_ENV === 'development' ? DEV_MAIL.mailboxDirectory : null },
    from,
    replyTo: trimmed(environment.EMAIL_REPLY_TO),
    links: {
      resetPassword: resetPassword ?? `${site}/reset-password`,
      emailConfirmed: emailConfirmed ?? `${site}/account-confirmed`,
    },
  };
}
