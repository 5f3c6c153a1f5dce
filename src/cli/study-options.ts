import { formatIssue } from '../load/format-issue.ts';
import type { InputIssue } from '../load/types.ts';
import type { Effects } from '../io/effects.ts';
import { stringOption, type ParsedArgs } from './args.ts';

/** The study folders a command works on, from --data and --reports. */
export function studyDirs(args: ParsedArgs, effects: Effects): { dataDir: string; reportsDir: string; cwd: string } {
  // Kept as given, so that messages name files the way the analyst typed them.
  return { dataDir: stringOption(args, 'data', 'data'), reportsDir: stringOption(args, 'reports', 'reports'), cwd: effects.cwd };
}

/** Prints problems, errors first; returns true when there was an error. */
export function reportIssues(issues: readonly InputIssue[], effects: Effects): boolean {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  for (const issue of [...errors, ...warnings]) effects.err(formatIssue(issue));
  if (errors.length > 0) {
    effects.err(`\n${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: nothing was written. Fix the errors and run the command again.`);
  }
  return errors.length > 0;
}
