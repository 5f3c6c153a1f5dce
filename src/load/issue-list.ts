import type { InputIssue } from '../issues/input-issue.ts';

/** Longest value quoted whole in a message; a longer one is cut, saying how long it was. */
const QUOTED_VALUE_MAX = 80;

function shorten(value: string): string {
  return value.length <= QUOTED_VALUE_MAX ? value : `${value.slice(0, QUOTED_VALUE_MAX)}… (${value.length} characters)`;
}

/** A megabyte-long field must not become a megabyte-long message. */
function shortened<T extends { value?: string; message: string }>(issue: T): T {
  if (issue.value === undefined || issue.value.length <= QUOTED_VALUE_MAX) return issue;
  return { ...issue, message: issue.message.split(issue.value).join(shorten(issue.value)), value: shorten(issue.value) };
}

/** An issue with its place named the way the file's format names it (see InputIssue.place). */
export type IssuePlacer = (issue: Omit<InputIssue, 'severity' | 'file'>) => Omit<InputIssue, 'severity' | 'file'>;

/**
 * Collects a file's problems, listing at most `cap` errors and counting the
 * rest into one closing "… and N more problems".
 */
export class IssueList {
  readonly file: string;
  readonly cap: number;
  readonly errors: InputIssue[] = [];
  readonly warnings: InputIssue[] = [];
  errorCount = 0;
  /**
   * Names the place of an issue the way the file's format does (a workbook's
   * cell, an SPSS case and variable); the row readers give a line and column.
   */
  placed: IssuePlacer | undefined;

  constructor(file: string, cap = 50) {
    this.file = file;
    this.cap = cap;
  }

  error(issue: Omit<InputIssue, 'severity' | 'file'>): void {
    this.errorCount++;
    if (this.errors.length < this.cap) this.errors.push({ severity: 'error', file: this.file, ...shortened(this.placed ? this.placed(issue) : issue) });
  }

  /** Counts `n` more errors that are not listed (found beyond what was kept of them); they show in the closing count. */
  unlisted(n: number): void {
    this.errorCount += n;
  }

  warning(issue: Omit<InputIssue, 'severity' | 'file'>): void {
    this.warnings.push({ severity: 'warning', file: this.file, ...shortened(this.placed ? this.placed(issue) : issue) });
  }

  /** Errors first (with the overflow note), then warnings. */
  all(): InputIssue[] {
    const more = this.errorCount - this.errors.length;
    const overflow: InputIssue[] =
      more > 0
        ? [
            {
              severity: 'error',
              file: this.file,
              message: `… and ${more} more problem${more === 1 ? '' : 's'}`,
              hint: `Only the first ${this.cap} problems are listed; fix these and run the check again to see the rest.`,
            },
          ]
        : [];
    return [...this.errors, ...overflow, ...this.warnings];
  }
}
