import { defineConfig } from 'vitest/config';

// Four projects: fast unit tests, the adversarial corpus, browser tests that run against the sample
// study built once (site and PDFs) by test/support/build-sample.ts, and the study-shape matrix, which
// builds a site for each shape of test/support/study-shapes.ts and checks it in Chromium.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Dates and number formats must not depend on the machine.
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/pdf/**', 'test/adversarial/**', 'test/matrix/**'], environment: 'node' },
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
      {
        extends: true,
        test: {
          name: 'matrix',
          include: ['test/matrix/**/*.test.ts'],
          environment: 'node',
          // Each shape's build and Chromium want both cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
