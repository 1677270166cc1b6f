// Tests keep the console for warnings and errors; LOG_LEVEL overrides.
export default ({ env }) => ({
  level: env('LOG_LEVEL', env('NODE_ENV') === 'test' ? 'warn' : 'http'),
});
