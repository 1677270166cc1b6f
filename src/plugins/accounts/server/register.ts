import type { Core } from '@strapi/strapi';
import type { AccountsConfig } from './config';
import accountRoutes, { type AuthController } from './controllers/auth';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const { mailbox } = strapi.config.get('plugin::accounts') as AccountsConfig;
  if (mailbox) {
    // Before the email plugin's bootstrap creates its provider: point it at the local mailbox.
    if (strapi.config.get('plugin::email.provider') !== 'nodemailer') {
      throw new Error('[accounts] the local mailbox needs the email plugin\'s "nodemailer" provider (@strapi/provider-email-nodemailer)');
    }
    const { host, port } = await getService(strapi, 'mailbox').start();
    const options = strapi.config.get('plugin::email.providerOptions') as Record<string, unknown>;
    strapi.config.set('plugin::email.providerOptions', { ...options, host, port, secure: false, ignoreTLS: true, auth: undefined });
    strapi.log.info(
      `[accounts] mail is kept by the local mailbox (SMTP ${host}:${port}${mailbox.directory ? `, files in ${mailbox.directory}` : ''}): nothing is sent on`,
    );
  }

  // users-permissions' routes stay (rate limit, paths); these actions answer them.
  strapi.get('controllers').extend('plugin::users-permissions.auth', (original: AuthController) => ({
    ...original,
    ...accountRoutes({ strapi, original }),
  }));
};
