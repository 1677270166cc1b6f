import type { Core } from '@strapi/strapi';
import { accountAdvancedSettings, withoutShippedSender } from '../../domain/users-permissions-settings';
import type { AccountsConfig } from '../config';
import { advancedSettings, emailTemplates, usersPermissionsStore } from '../users-permissions';

/** users-permissions' settings this plugin owns, written at every boot from configuration. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(): Promise<void> {
    const store = usersPermissionsStore(strapi);
    const advanced = await advancedSettings(strapi);
    const templates = await emailTemplates(strapi);
    // users-permissions writes its defaults in its own bootstrap; written before, ours would stand
    // in for them (without a default role or unique e-mails).
    if (!advanced || !templates) {
      throw new Error(
        '[accounts] users-permissions has not set up its settings yet: list `users-permissions` before `accounts` in config/plugins',
      );
    }
    const { links } = strapi.config.get('plugin::accounts') as AccountsConfig;
    await store.set({ key: 'advanced', value: accountAdvancedSettings(advanced, links) });
    await store.set({ key: 'email', value: withoutShippedSender(templates) });
  },
});
