import { formatIssue } from '../issues/format-issue.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import type { Effects } from '../io/effects.ts';
import { stringOption, type ParsedArgs } from './args.ts';

/** The study folders a command works on, from --data and --reports. */
export function studyDirs(args: ParsedArgs, effects: Effects): { dataDir: string; reportsDir: string; cwd: string } {
  // Kept as given, so that messages name files the way the analyst typed them.
  return { dataDir: stringOption(args, 'data', 'data'), reportsDir: stringOption(args, 'reports', 'reports'), cwd: effects.cwd };
}

/** Prints problems, errors first, each with its place and what to do; returns the counts. */
export function printIssues(issues: readonly InputIssue[], effects: Effects): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  for (const issue of [...errors, ...warnings]) effects.err(formatIssue(issue));
  return { errors: errors.length, warnings: warnings.length };
}

/** Prints problems, errors first, and says nothing was written when there was an error; returns whether there was. */
export function reportIssues(issues: readonly InputIssue[], effects: Effects): boolean {
  const { errors, warnings } = printIssues(issues, effects);
  if (errors > 0) {
    effects.err(`\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}: nothing was written. Fix the errors and run the command again.`);
  }
  return errors > 0;
}
