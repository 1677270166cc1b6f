import type { Core } from '@strapi/strapi';
// Tests keep the console for warnings and errors; LOG_LEVEL overrides.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', env('NODE_ENV') === 'test' ? 'warn' : 'http'),
});
