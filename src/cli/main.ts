import { TOOL_VERSION } from '../io/version.ts';
import { UsageError } from './args.ts';
import { processEffects, type Effects } from '../io/effects.ts';
import { commands } from './commands.ts';
import { isPathError, pathProblem } from './path-problem.ts';

const HELP = `luotain — report generator for annual reputation and customer-experience studies

Usage: luotain <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}\n${' '.repeat(16)}luotain ${c.usage}`).join('\n')}

Every command but serve takes --data DIR (default data/) and, where it reads them, --reports DIR (default reports/).
Run "luotain <command> --help" for a command's options.`;

/** Runs the CLI; returns the exit code (0 ok, 1 input problems, 2 usage or internal error). */
export async function main(argv: string[], effects: Effects = processEffects()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    effects.out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    effects.out(TOOL_VERSION);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    effects.err(`luotain: unknown command "${name}". Run "luotain --help" for the list.`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    effects.out(`Usage: luotain ${entry.usage}\n\n${command.help}`);
    return 0;
  }
  try {
    return await command.run(rest, effects);
  } catch (error) {
    if (error instanceof UsageError) {
      effects.err(`luotain ${name}: ${error.message}\nUsage: luotain ${entry.usage}`);
      return 2;
    }
    if (isPathError(error)) {
      effects.err(`luotain ${name}: ${pathProblem(error)}`);
      return 1;
    }
    effects.err(`luotain ${name}: internal error: ${(error as Error).message}`);
    effects.err('This is a bug in Luotain, not in your data. Please report it with the command you ran.');
    if (effects.env.LUOTAIN_DEBUG) effects.err(String((error as Error).stack));
    return 2;
  }
}
