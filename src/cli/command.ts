import type { Effects } from '../io/effects.ts';

/** What a subcommand's module provides; its name, usage and summary are in commands.ts. */
export interface Command {
  help: string;
  run(argv: string[], effects: Effects): Promise<number>;
}
