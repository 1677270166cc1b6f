import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { checkAddressRequest, checkConfirmation, checkLogin, checkPasswordReset, checkRegistration } from '../../domain/account-input';
import { invalid, valid } from '../errors';
import { getService } from '../get-service';
import { advancedSettings } from '../users-permissions';

type Action = (ctx: Context, next?: () => Promise<void>) => Promise<unknown>;
export type AuthController = Record<string, Action>;

const WRONG_CREDENTIALS = 'Invalid identifier or password';
// A bcrypt hash of a random password, at users-permissions' cost (10): comparing against it takes
// as long as checking a real account's password.
const NO_ACCOUNT_HASH = '$2a$10$CwTycUXWue0Thq9StjUM0uJ8.WZxZ8ZX3HpIsMkNbOT8xHXJLEs5e';

interface UsersPermissionsConfig {
  register?: { allowedFields?: string[] };
  validationRules?: { validatePassword?: (password: string) => boolean | Promise<boolean> };
}

/**
 * users-permissions' register, forgot-password, send-email-confirmation, reset-password and
 * email-confirmation, on their own routes (rate limit included). The first three check their
 * input, answer, and only then look at accounts (background service): the answer, and the time it
 * takes, are the same whether the address has an account or not. What happened is told by e-mail
 * to the address. Malformed input answers 400 with `details.code`.
 */
export default ({ strapi, original }: { strapi: Core.Strapi; original: AuthController }): AuthController => {
  const usersPermissionsConfig = () => strapi.config.get('plugin::users-permissions') as UsersPermissionsConfig;
  const afterAnswer = (label: string, work: () => Promise<unknown>) => getService(strapi, 'background').run(label, work);

  /** The project's own password rule (users-permissions' `validationRules.validatePassword`). */
  async function checkPasswordRule(password: string) {
    const rule = usersPermissionsConfig().validationRules?.validatePassword;
    if (typeof rule !== 'function') return;
    let accepted = false;
    try {
      accepted = await rule(password);
    } catch (error) {
      throw invalid(
        'INVALID_PASSWORD',
        error instanceof Error && error.message ? error.message : 'Password validation failed.',
        'password',
      );
    }
    if (!accepted) throw invalid('INVALID_PASSWORD', 'Password validation failed.', 'password');
  }

  const LOGIN_REFUSALS: Record<string, string> = {
    'Your account email is not confirmed': 'EMAIL_NOT_CONFIRMED',
    'Your account has been blocked by an administrator': 'ACCOUNT_BLOCKED',
  };

  return {
    /**
     * The local login: an unknown identifier costs the same password check as a known one, so the
     * time of the answer does not tell whether an account exists; wrong credentials answer
     * 400 INVALID_CREDENTIALS either way.
     */
    async callback(ctx, next) {
      if ((ctx.params?.provider ?? 'local') !== 'local') return original.callback(ctx, next);
      const { identifier, password } = valid(checkLogin(ctx.request.body));
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({
        where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
        select: ['id', 'password'],
      });
      const users = strapi.plugin('users-permissions').service('user');
      if (!user?.password) {
        await users.validatePassword(password, NO_ACCOUNT_HASH);
        throw invalid('INVALID_CREDENTIALS', WRONG_CREDENTIALS);
      }
      try {
        return await original.callback(ctx, next);
      } catch (error) {
        if (error instanceof errors.ValidationError && error.message === WRONG_CREDENTIALS)
          throw invalid('INVALID_CREDENTIALS', WRONG_CREDENTIALS);
        // users-permissions answers these two without a code (only with the right password).
        if (error instanceof errors.ApplicationError && LOGIN_REFUSALS[error.message]) {
          throw new errors.ApplicationError(error.message, { code: LOGIN_REFUSALS[error.message] });
        }
        throw error;
      }
    },

    async register(ctx) {
      if (!(await advancedSettings(strapi))?.allow_register) {
        throw new errors.ApplicationError('Register action is currently disabled', { code: 'REGISTRATION_DISABLED' });
      }
      const input = valid(checkRegistration(ctx.request.body, usersPermissionsConfig().register?.allowedFields ?? []));
      await checkPasswordRule(input.password);
      afterAnswer('registration', () => getService(strapi, 'registration').register(input));
      ctx.body = { email: input.email, sent: true };
    },

    async forgotPassword(ctx) {
      const { email } = valid(checkAddressRequest(ctx.request.body));
      afterAnswer('forgot-password', () => getService(strapi, 'password-reset').sendResetLink(email));
      ctx.body = { ok: true };
    },

    async sendEmailConfirmation(ctx) {
      const { email } = valid(checkAddressRequest(ctx.request.body));
      afterAnswer('send-email-confirmation', () => getService(strapi, 'registration').resendConfirmation(email));
      ctx.body = { email, sent: true };
    },

    async resetPassword(ctx) {
      const { code, password } = valid(checkPasswordReset(ctx.request.body));
      await checkPasswordRule(password);
      const handover = await getService(strapi, 'password-reset').redeem(code);
      // Unknown, expired and used codes answer alike (users-permissions' own message).
      if (!handover) throw invalid('INVALID_CODE', 'Incorrect code provided', 'code');
      // users-permissions sets the password and answers (JWT, or tokens in refresh mode).
      ctx.request.body = { code: handover, password, passwordConfirmation: password };
      return original.resetPassword(ctx);
    },

    async emailConfirmation(ctx, next) {
      valid(checkConfirmation(ctx.query));
      try {
        // users-permissions confirms the account, clears the token (the link works once) and redirects.
        return await original.emailConfirmation(ctx, next);
      } catch (error) {
        // With a well-formed token, its only refusal is "Invalid token": unknown or already used.
        if (error instanceof errors.ValidationError) throw invalid('INVALID_CONFIRMATION', error.message, 'confirmation');
        throw error;
      }
    },
  };
};
