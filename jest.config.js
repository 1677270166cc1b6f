// Four projects: `unit` (pure domain code and server services with a stubbed strapi: no boot, no
// database, seconds), `api` (HTTP suites on the booted app, each file on a copy of one seeded
// template database made once per run), `hostile` (generated hostile requests, on its own) and
// `browser` (the built admin in Chromium, on its own: `npm run test:browser`).
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // A global option (projects cannot set it): booting the app in a test file's beforeAll takes seconds.
  testTimeout: 120000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
    },
    {
      // Generated hostile requests (tests/hostile/README.md): `npm run test:hostile`.
      ...shared,
      displayName: 'hostile',
      testMatch: ['<rootDir>/tests/hostile/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
    },
    {
      // The admin in a real browser (tests/browser): `npm run test:browser` builds the app and the admin,
      // then one `strapi start` and one Chromium serve every scenario, serially (--runInBand).
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/browser/global-setup.js',
      globalTeardown: '<rootDir>/tests/browser/global-teardown.js',
    },
  ],
};
