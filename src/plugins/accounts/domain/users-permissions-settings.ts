/**
 * users-permissions keeps its "advanced settings" and e-mail templates in the core store, editable
 * in the admin. These functions give the values this plugin writes there at every boot.
 */

export interface AccountLinks {
  /** The page of the site where a user chooses a new password; the e-mail links to it with `?code=`. */
  resetPassword: string;
  /** Where the confirmation link sends the browser once the address is confirmed. */
  emailConfirmed: string;
}

export interface AdvancedSettings {
  email_confirmation?: boolean;
  email_confirmation_redirection?: string | null;
  email_reset_password?: string | null;
  [key: string]: unknown;
}

/** Registration needs a confirmed address; the links come from configuration. Other settings stay as they are. */
export function accountAdvancedSettings(current: AdvancedSettings, links: AccountLinks): AdvancedSettings {
  return {
    ...current,
    email_confirmation: true,
    email_confirmation_redirection: links.emailConfirmed,
    email_reset_password: links.resetPassword,
  };
}

interface TemplateOptions {
  from?: { name?: string; email?: string };
  response_email?: string;
  [key: string]: unknown;
}
export type EmailTemplates = Record<string, { options?: TemplateOptions; [key: string]: unknown }>;

// The sender users-permissions ships its templates with: not a domain any project can send from.
const SHIPPED_SENDER = 'no-reply@strapi.io';

/**
 * Templates still naming users-permissions' shipped sender name none, so the email plugin's
 * default sender (`settings.defaultFrom`) applies. A sender set on purpose in the admin is kept.
 */
export function withoutShippedSender(templates: EmailTemplates): EmailTemplates {
  return Object.fromEntries(
    Object.entries(templates).map(([name, template]) => {
      if (template?.options?.from?.email !== SHIPPED_SENDER) return [name, template];
      return [name, { ...template, options: { ...template.options, from: { name: '', email: '' } } }];
    }),
  );
}
