import type { Effects } from '../../src/io/effects.ts';

/** Effects that record output instead of printing it, with a fixed clock. */
export function silentEffects(overrides: Partial<Effects> = {}): Effects & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return {
    out: (line) => output.push(line),
    err: (line) => errors.push(line),
    now: () => new Date('2026-01-15T12:00:00Z'),
    cwd: process.cwd(),
    interactive: false,
    env: {},
    output,
    errors,
    ...overrides,
  };
}
