import type { InputIssue } from './input-issue.ts';

/**
 * Formats an issue the way compilers do, so editors can jump to it:
 * `error: data/2024/responses.csv:57: column "int3": value "7" is …`, or in
 * study.json `error: data/study.json: dimensions[2].items[1]: unknown item "int9"`,
 * followed by the hint on its own line: `  → Correct the value, …`. An issue in a
 * workbook or an SPSS file names its place instead of line and column:
 * `error: data/2024/responses.sav: case 56, variable "q3": value "7" is …`.
 */
export function formatIssue(issue: InputIssue): string {
  if (issue.place !== undefined) {
    const head = `${issue.severity}: ${issue.file}: ${issue.place}: ${issue.message}`;
    return issue.hint ? `${head}\n  → ${issue.hint}` : head;
  }
  const where = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  const column = issue.column !== undefined ? `column "${issue.column}": ` : '';
  const path = issue.path !== undefined ? `${issue.path}: ` : '';
  const head = `${issue.severity}: ${where}: ${column}${path}${issue.message}`;
  return issue.hint ? `${head}\n  → ${issue.hint}` : head;
}
