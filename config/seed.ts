// Demo content (the August 2011 WSIS Flash) and taxonomies, loaded idempotently at boot.
export default ({ env }) => ({
  enabled: env.bool('SEED_DEMO_CONTENT', env('NODE_ENV') !== 'production'),
  directory: env('SEED_DIRECTORY', 'database/seed'),
});
