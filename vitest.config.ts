import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests, the adversarial corpus, and browser tests that run against the sample
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
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/pdf/**', 'test/adversarial/**'], environment: 'node' },
      },
      {
        extends: true,
        // Odd and hostile inputs, one named case each: a new case is one fixture away.
        test: { name: 'adversarial', include: ['test/adversarial/**/*.test.ts'], environment: 'node' },
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
