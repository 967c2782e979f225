import { defineConfig } from 'vitest/config';

const integration = ['tests/integration/**/*.int.test.ts', 'packages/server/src/**/*.int.test.ts'];

/**
 * Unit tests run once; integration tests run on embedded PGlite always, and again on PostgreSQL when
 * TEST_DATABASE_URL names a server database (CI sets it), so both engines pass the same suite.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          // Tests of PostgreSQL itself (a server restart, a cut connection) have no embedded counterpart.
          exclude: ['**/*.postgres.int.test.ts', '**/node_modules/**'],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { GP_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { GP_TEST_DB: 'pglite' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [{
            extends: true as const,
            test: {
              name: 'postgres',
              include: integration,
              globalSetup: ['tests/support/global-setup.ts'],
              env: { GP_TEST_DB: 'postgres' },
            },
          }]
        : []),
    ],
  },
});
