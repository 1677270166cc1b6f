import type { Core } from '@strapi/strapi';
import basePlugins from '../../plugins';

// The auth routes' rate limit (5 requests per 5 minutes per IP) would throttle the suite.
// The outbox retries within a second, so tests see a delivery after the SMTP server comes back.
export default (context: Core.Config.Shared.ConfigParams) => {
  const base = basePlugins(context);
  return {
    ...base,
    'users-permissions': {
      config: { ...base['users-permissions'].config, ratelimit: { enabled: false } },
    },
    accounts: {
      ...base.accounts,
      config: { ...base.accounts.config, outbox: { pollInterval: 100, retryDelay: 200, maxRetryDelay: 1000 } },
    },
  };
};
