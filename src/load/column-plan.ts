import type { IssueList } from './issue-list.ts';
import { joinAnd } from './message-text.ts';
import { quoteMessage, type QuoteProblem } from './quote-problem.ts';

/** A column a file is read for. */
export interface WantedColumn {
  column: string;
  /**
   * The error when the header lacks it, given a header name that differs from
   * it only in case (if any); undefined for a column that may be left out.
   */
  missing?: (lookalike: string | undefined) => { message: string; hint: string };
}

/** The message and hint of the warning about header columns nobody reads (never empty). */
export type UnusedWarning = (unused: string[]) => { message: string; hint: string };

/**
 * Which field of a row holds which column, from the header row: the names
 * (trimmed), the width every row must have, and the header's line.
 */
export class ColumnPlan {
  readonly names: string[];
  readonly width: number;
  readonly line: number;
  private readonly index: Map<string, number>;

  constructor(names: string[], index: Map<string, number>, line: number) {
    this.names = names;
    this.width = names.length;
    this.index = index;
    this.line = line;
  }

  /** The position of a column (its first, when named twice), or -1 when the header lacks it. */
  position(column: string): number {
    return this.index.get(column) ?? -1;
  }
}

/**
 * Reads the header row of a responses or benchmarks file (on `line`, with
 * papaparse's quoting problem if any) against the columns wanted, and checks
 * it: a quoting problem, names given more than once, and wanted columns
 * missing are errors; names no one reads (an unnamed field too) make one
 * warning.
 */
export function planColumns(fields: string[], line: number, quote: QuoteProblem | undefined, wanted: readonly WantedColumn[], issues: IssueList, unusedWarning: UnusedWarning): ColumnPlan {
  if (quote) issues.error({ line, ...quoteMessage(quote) });
  const names = fields.map((f) => f.trim());
  const index = new Map<string, number>();
  const positions = new Map<string, number[]>();
  names.forEach((name, i) => {
    if (name === '') return;
    if (!index.has(name)) index.set(name, i);
    const list = positions.get(name);
    if (list) list.push(i + 1);
    else positions.set(name, [i + 1]);
  });
  for (const [name, p] of positions) {
    if (p.length < 2) continue;
    issues.error({ line, column: name, message: `appears more than once in the header (fields ${joinAnd(p)})`, hint: 'Rename or remove the extra columns so that each name appears once.' });
  }
  for (const w of wanted) {
    if (index.has(w.column) || !w.missing) continue;
    const lookalike = names.find((n) => n.toLowerCase() === w.column.toLowerCase());
    issues.error({ line, column: w.column, ...w.missing(lookalike) });
  }
  const read = new Set(wanted.map((w) => w.column));
  const unused = names.map((n, i) => (n === '' ? `(unnamed field ${i + 1})` : n)).filter((n) => !read.has(n));
  if (unused.length > 0) issues.warning({ line, ...unusedWarning(unused) });
  return new ColumnPlan(names, index, line);
}
