import type { Command } from './command.ts';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [--data DIR]',
  summary: 'Validate the study definition and every edition\'s data; print a data-quality report',
  help: 'TODO',
  async run() {
    return 0;
  },
};
