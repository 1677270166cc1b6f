import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { isExpired, issueResetCode, storedFormOf } from '../../domain/reset-codes';
import type { AccountsConfig } from '../config';
import { advancedSettings, emailTemplates, renderTemplate, templateUser, USER, type AccountUser } from '../users-permissions';

/**
 * Password reset codes that expire (users-permissions' never do) and work once. The code is mailed;
 * the user row keeps its hash and expiry in `resetPasswordToken` (see domain/reset-codes.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  const users = () => strapi.db.query(USER);

  /** A new code for this user (any earlier one stops working). */
  async function issue(user: AccountUser): Promise<string> {
    const { code, stored } = issueResetCode(randomBytes(32).toString('hex'), Date.now(), config().passwordReset.codeLifetime);
    await users().update({ where: { id: user.id }, data: { resetPasswordToken: stored } });
    return code;
  }

  /** The site's page where a new password is chosen (users-permissions' setting, set from `links` at boot). */
  const resetPage = async () => (await advancedSettings(strapi))?.email_reset_password || config().links.resetPassword;

  return {
    /**
     * forgot-password, once answered: mails a reset link to the account with this address, if
     * there is one that is not blocked. The message is users-permissions' "Reset password"
     * template (editable in the admin).
     */
    async sendResetLink(email: string): Promise<void> {
      const user: AccountUser | null = await users().findOne({ where: { email } });
      if (!user || user.blocked) return;
      const code = await issue(user);
      const template = (await emailTemplates(strapi))?.reset_password?.options as
        { object: string; message: string; from?: { name?: string; email?: string }; response_email?: string } | undefined;
      if (!template) throw new Error('users-permissions has no "reset_password" e-mail template');
      const data = {
        URL: await resetPage(),
        SERVER_URL: strapi.config.get('server.absoluteUrl'),
        ADMIN_URL: strapi.config.get('admin.absoluteUrl'),
        USER: await templateUser(strapi, user),
        TOKEN: code,
      };
      const body = await renderTemplate(strapi, template.message, data);
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to: user.email,
          from: template.from?.email ? `${template.from.name ?? ''} <${template.from.email}>`.trim() : undefined,
          replyTo: template.response_email,
          subject: await renderTemplate(strapi, template.object, { USER: data.USER }),
          text: body,
          html: body,
        });
    },

    /** For registration with an address that has an account: a reset link for that account. */
    async issueLink(user: AccountUser): Promise<string> {
      // As users-permissions' template builds it: `<%= URL %>?code=<%= TOKEN %>`.
      return `${await resetPage()}?code=${await issue(user)}`;
    },

    /**
     * reset-password: takes the code out of use and confirms the account (the code came by
     * e-mail, so the address is proven). Returns a one-time token users-permissions' own
     * reset-password then finds the user by, or `null` when the code is unknown, expired or
     * already used: all three answer the same.
     */
    async redeem(code: string): Promise<string | null> {
      const stored = storedFormOf(code);
      if (!stored || isExpired(code, Date.now())) return null;
      const handover = `redeemed.${randomBytes(24).toString('hex')}`;
      // Compare-and-set: of two requests with the same code, one wins.
      const { count } = await users().updateMany({
        where: { resetPasswordToken: stored },
        data: { resetPasswordToken: handover, confirmed: true },
      });
      return count === 1 ? handover : null;
    },
  };
};
