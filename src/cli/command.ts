import type { Effects } from './effects.ts';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  help: string;
  run(argv: string[], effects: Effects): Promise<number>;
}
