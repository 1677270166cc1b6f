import type { Core } from '@strapi/strapi';
import type { Registration } from '../../domain/account-input';
import { textToHtml } from '../../domain/text-to-html';
import type { AccountsConfig, MessageTemplate } from '../config';
import { getService } from '../get-service';
import { advancedSettings, renderTemplate, ROLE, USER, usersPermissionsService, type AccountUser } from '../users-permissions';

export type RegistrationOutcome = 'created' | 'address-has-account' | 'username-unavailable' | 'blocked';

/**
 * Registration and confirmation e-mails, done after the request is answered. Whatever happens
 * here, the request got the same answer; what happened is told by e-mail, to the address given.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  const users = () => strapi.db.query(USER);

  async function sendMessage(to: string, template: MessageTemplate, data: Record<string, unknown> = {}) {
    const text = await renderTemplate(strapi, template.text, data);
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to,
        subject: await renderTemplate(strapi, template.subject, data),
        text,
        html: textToHtml(text),
      });
  }

  return {
    async register(input: Registration): Promise<RegistrationOutcome> {
      const { messages } = config();

      // The address has an account: its owner gets a way in (a reset link, which also confirms
      // the address) instead of a second account. The password given here is not used.
      const existing: AccountUser | null = await users().findOne({ where: { email: input.email } });
      if (existing) {
        if (existing.blocked) return 'blocked';
        await sendMessage(input.email, messages.accountExists, { URL: await getService(strapi, 'password-reset').issueLink(existing) });
        return 'address-has-account';
      }

      // As users-permissions: a username may not be another account's username or address,
      // and the address may not be another account's username.
      const taken = await users().count({
        where: { $or: [{ username: input.username }, { email: input.username.toLowerCase() }, { username: input.email }] },
      });
      if (taken > 0) {
        await sendMessage(input.email, messages.usernameUnavailable);
        return 'username-unavailable';
      }

      const settings = await advancedSettings(strapi);
      const role = await strapi.db.query(ROLE).findOne({ where: { type: settings?.default_role ?? 'authenticated' } });
      if (!role) throw new Error(`the default role "${settings?.default_role}" of users-permissions does not exist`);
      const user: AccountUser = await usersPermissionsService(strapi, 'user').add({
        ...input.extra,
        username: input.username,
        email: input.email,
        password: input.password,
        provider: 'local',
        role: role.id,
        confirmed: false,
      });
      await usersPermissionsService(strapi, 'user').sendConfirmationEmail(user);
      return 'created';
    },

    /** send-email-confirmation: a new confirmation link, for an account that still needs one. */
    async resendConfirmation(email: string): Promise<void> {
      const user: AccountUser | null = await users().findOne({ where: { email } });
      if (!user || user.confirmed || user.blocked) return;
      await usersPermissionsService(strapi, 'user').sendConfirmationEmail(user);
    },
  };
};
