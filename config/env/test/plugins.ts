import basePlugins from '../../plugins';

// The auth routes' rate limit (5 requests per 5 minutes per IP) would throttle the suite.
export default (context) => {
  const base = basePlugins(context);
  return {
    ...base,
    'users-permissions': {
      config: { ...base['users-permissions'].config, ratelimit: { enabled: false } },
    },
  };
};
