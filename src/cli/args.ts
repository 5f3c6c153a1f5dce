/** Parsed command-line options: `--name value`, `--flag`, `--no-flag`, and positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | boolean>;
}

export class UsageError extends Error {}

/**
 * Parses argv against the options a command accepts. `valued` take a value,
 * `flags` do not. Unknown options are usage errors, so typos never pass silently.
 */
export function parseArgs(argv: string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | boolean>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (flags.includes(name) && inline === undefined) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, options };
}

/** Refuses positional arguments for a command that takes none (a folder given without --data, say). */
export function noPositionals(args: ParsedArgs): void {
  const [first] = args.positionals;
  if (first !== undefined) throw new UsageError(`unexpected argument "${first}"${first.startsWith('-') ? '' : ` (a folder is given with an option, e.g. --data ${first})`}`);
}

export function stringOption(args: ParsedArgs, name: string, fallback: string): string;
export function stringOption(args: ParsedArgs, name: string): string | undefined;
export function stringOption(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : fallback;
}
