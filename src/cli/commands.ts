import type { Command } from './command.ts';
import { checkCommand } from './check.ts';

/** Every `luotain` subcommand, in the order --help lists them. */
export const commands: Command[] = [checkCommand];
