import type { Effects } from '../../src/io/effects.ts';
import { TOOL_VERSION } from '../../src/io/version.ts';

/** The fixed clock of the tests' builds, and what loadReport is given to match it. */
export const TEST_NOW = new Date('2026-01-15T12:00:00Z');
export const TEST_LOAD = { today: '2026-01-15', toolVersion: TOOL_VERSION } as const;

/** Effects that record output instead of printing it, with a fixed clock. */
export function silentEffects(overrides: Partial<Effects> = {}): Effects & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return {
    out: (line) => output.push(line),
    err: (line) => errors.push(line),
    now: () => TEST_NOW,
    cwd: process.cwd(),
    interactive: false,
    env: {},
    output,
    errors,
    ...overrides,
  };
}
