import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and browser tests that run against the sample
// study built once (site and PDFs) by test/support/build-sample.ts.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Dates and number formats must not depend on the machine.
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/pdf/**'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts', 'test/pdf/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/build-sample.ts'],
          // One browser-heavy file at a time: two cores, and Chromium wants both.
          fileParallelism: false,
        },
      },
    ],
  },
});
