/** @type {import('jest').Config} */
const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    // Payload's SDK is published up to 3.90.1 only, and Payload refuses to start beside a
    // @payloadcms package of another version: it is installed as payload-sdk (package.json).
    '^@payloadcms/sdk$': 'payload-sdk',
    '\\.(css|scss)$': '<rootDir>/tests/helpers/emptyModule.js',
  },
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
}

export default {
  forceExit: true,
  // A global option in Jest, not a per-project one: integration tests boot servers and wait for jobs.
  testTimeout: 120_000,
  // A folder for the seeded database that server starts copy (tests/helpers/seedTemplate.ts).
  globalSetup: '<rootDir>/tests/helpers/globalSetup.js',
  globalTeardown: '<rootDir>/tests/helpers/globalTeardown.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/collections/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.int.spec.ts', '<rootDir>/tests/security/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.spec.ts'],
    },
  ],
}
