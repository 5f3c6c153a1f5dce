import type { Command } from './command.ts';
import { checkCommand } from './check.ts';
import { computeCommand } from './compute.ts';
import { buildCommand } from './build.ts';

/** Every `luotain` subcommand, in the order --help lists them. */
export const commands: Command[] = [checkCommand, computeCommand, buildCommand];
