/**
 * Builds the sample study once (site and PDFs) for the browser tests, into
 * test-output/sample-site, with a fixed clock. A failing build fails the run.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../src/cli/build.ts';
import { silentEffects } from './effects.ts';

export const SAMPLE_SITE = resolve('test-output/sample-site');

export default async function setup(project: TestProject) {
  await mkdir(resolve('test-output'), { recursive: true });
  // The machine's environment, so that LUOTAIN_CHROMIUM chooses the browser as in a real build.
  const effects = silentEffects({ env: process.env });
  const code = await buildSite({ dataDir: 'data', reportsDir: 'reports', cwd: process.cwd(), outDir: SAMPLE_SITE, pdf: true }, effects);
  if (code !== 0) throw new Error(`building the sample study failed:\n${effects.errors.join('\n')}`);
  project.provide('sampleSite', SAMPLE_SITE);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: string;
  }
}
