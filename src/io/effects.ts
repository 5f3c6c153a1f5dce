/**
 * The outside world as the commands see it. Tests pass silent effects and a fixed clock.
 */
export interface Effects {
  /** Progress and results, to stdout. */
  out(line: string): void;
  /** Errors and warnings, to stderr. */
  err(line: string): void;
  /** The current time (for "built on"); fixed in tests. */
  now(): Date;
  /** Current working directory against which relative paths resolve. */
  cwd: string;
  /** Whether stdout is an interactive terminal (progress bars only there). */
  interactive: boolean;
  env: Record<string, string | undefined>;
}

export function processEffects(): Effects {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    now: () => new Date(),
    cwd: process.cwd(),
    interactive: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
