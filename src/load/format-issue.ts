import type { InputIssue } from './types.ts';

/**
 * Formats an issue the way compilers do, so editors can jump to it:
 * `error: data/2024/responses.csv:57: column "int3": value "7" is …`
 * followed by the hint on its own line: `  → Correct the value, …`.
 */
export function formatIssue(issue: InputIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  const column = issue.column !== undefined ? `column "${issue.column}": ` : '';
  const head = `${issue.severity}: ${where}: ${column}${issue.message}`;
  return issue.hint ? `${head}\n  → ${issue.hint}` : head;
}
