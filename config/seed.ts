import type { Core } from '@strapi/strapi';
import { usesDevelopmentDefaults } from '../src/environment/secrets';

// Demo content (the August 2011 WSIS Flash) and taxonomies, loaded idempotently at boot; in production mode only on request.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('SEED_DEMO_CONTENT', usesDevelopmentDefaults()),
  directory: env('SEED_DIRECTORY', 'database/seed'),
});
