import type { InputIssue } from '../issues/input-issue.ts';
import { countText, joinAnd, placeList } from './message-text.ts';

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

type IssueBody = Omit<InputIssue, 'severity' | 'file'>;

/** An issue with its place named the way the file's format names it (see InputIssue.place). */
export type IssuePlacer = (issue: IssueBody) => IssueBody;

/**
 * Where the errors of one kind in one column are, named the way the file's
 * format names them: the column's place (`sheet "Data" column D ("q3")`,
 * `variable "q3"`; none for a CSV, whose column is named by the issue's
 * column) and its rows (`lines 2, 3 and 7`, `cells D2, D3 and D7`,
 * `cases 2, 3 and 7`), and a value quoted as the format shows it (an SPSS
 * value with its label).
 */
export type GroupPlacer = (column: string | undefined, lines: readonly number[], more: boolean) => { place?: string; rows: string; value?: (value: string) => string };

/** A CSV's rows are lines. */
const csvRows: GroupPlacer = (_column, lines, more) => ({ rows: `line${lines.length === 1 && !more ? '' : 's'} ${placeList(lines.map(String), more)}` });

/**
 * An error that may repeat down a column, and how its repeats are said in one
 * message: `${count} ${many}: "a" and "b" (lines 2 and 9)${after}`.
 */
export interface Repeat {
  /** The kind: errors of one column with the same key are one message. */
  key: string;
  /** What the repeats are, in the plural: "values are not numbers". */
  many: string;
  /** Said after the places, e.g. "; the codes are …". */
  after?: string;
  /** Whether values that are words repeated (an export of labels instead of codes) are to be said to be so. */
  labels?: boolean;
}

/** Values listed in a grouped message. */
const VALUES_SHOWN = 3;
/** Places listed in a grouped message. */
const PLACES_SHOWN = 5;
/** Distinct values counted per group; beyond this the values are not labels but free text. */
const VALUES_KEPT = 64;

/** What stands for "not answered" in exports; words, but not labels. */
const MISSING_MARKS = new Set(['na', 'n/a', '#n/a', 'nan', 'null', 'none', 'missing', 'sysmis']);

/** Errors of one kind in one column: the first of them whole, then counts. */
class Group {
  readonly first: InputIssue;
  readonly repeat: Repeat;
  readonly column: string | undefined;
  count = 0;
  readonly lines: number[] = [];
  readonly values = new Map<string, number>();
  valuesOverflow = false;
  /** Counted beyond the places kept by the caller (see IssueList.unlisted). */
  unlistedPlaces = false;

  constructor(first: InputIssue, repeat: Repeat, issue: IssueBody) {
    this.first = first;
    this.repeat = repeat;
    this.column = issue.column;
    this.add(issue);
  }

  add(issue: IssueBody): void {
    this.count++;
    if (issue.line !== undefined && this.lines.length <= PLACES_SHOWN) this.lines.push(issue.line);
    if (issue.value === undefined) return;
    // A megabyte-long field is kept as its start only.
    const value = shorten(issue.value);
    const seen = this.values.get(value);
    if (seen !== undefined) this.values.set(value, seen + 1);
    else if (this.values.size < VALUES_KEPT) this.values.set(value, 1);
    else this.valuesOverflow = true;
  }

  /** Words, repeated: the labels of an export that wrote labels instead of codes. */
  looksLikeLabels(): boolean {
    if (!this.repeat.labels || this.valuesOverflow || this.values.size === 0) return false;
    let words = false;
    let total = 0;
    for (const [value, n] of this.values) {
      total += n;
      if (!/\p{L}/u.test(value)) return false;
      if (/\p{L}{2}/u.test(value) && !MISSING_MARKS.has(value.toLowerCase())) words = true;
    }
    return words && total > this.values.size;
  }
}

/** The hint for labels exported instead of codes, by the file's format. */
function labelsHint(file: string): string {
  return /\.sav$/i.test(file)
    ? 'Store the answers as numeric codes with value labels in SPSS, not as text.'
    : 'Export the values rather than the value labels (the numeric codes), or put the SPSS file itself beside it as responses.sav instead.';
}

/**
 * Collects a file's problems. An error given with a Repeat is one message per
 * column and kind however often it repeats, with the count, the values and
 * the first places; at most `cap` messages are listed, the rest counted into
 * one closing "… and N more problems".
 */
export class IssueList {
  readonly file: string;
  readonly cap: number;
  /** The errors listed, in the order first found (a repeated kind where it first was). */
  private readonly entries: (InputIssue | Group)[] = [];
  private readonly groups = new Map<string, Group>();
  readonly warnings: InputIssue[] = [];
  errorCount = 0;
  /**
   * Names the place of an issue the way the file's format does (a workbook's
   * cell, an SPSS case and variable); the row readers give a line and column.
   */
  placed: IssuePlacer | undefined;
  /** Names the places of a repeated error the way the file's format does. */
  grouped: GroupPlacer = csvRows;

  constructor(file: string, cap = 50) {
    this.file = file;
    this.cap = cap;
  }

  /** Adds an error; one that may repeat down a column comes with its Repeat. */
  error(issue: IssueBody, repeat?: Repeat): void {
    this.errorCount++;
    if (repeat) {
      const key = `${issue.column ?? ''}\u0000${repeat.key}`;
      const group = this.groups.get(key);
      if (group) {
        group.add(issue);
        return;
      }
      if (this.entries.length >= this.cap) return;
      const made = new Group(this.issue('error', issue), repeat, issue);
      this.groups.set(key, made);
      this.entries.push(made);
      return;
    }
    if (this.entries.length < this.cap) this.entries.push(this.issue('error', issue));
  }

  /**
   * Counts `n` more errors that are not listed (found beyond what was kept of
   * them); they show in the closing count, or in the count of their kind when
   * given its column and Repeat.
   */
  unlisted(n: number, column?: string, repeat?: Repeat): void {
    if (n <= 0) return;
    this.errorCount += n;
    const group = repeat ? this.groups.get(`${column ?? ''}\u0000${repeat.key}`) : undefined;
    if (group) {
      group.count += n;
      group.unlistedPlaces = true;
    }
  }

  warning(issue: IssueBody): void {
    this.warnings.push(this.issue('warning', issue));
  }

  /** The errors listed so far (a repeated kind as one). */
  get errors(): InputIssue[] {
    return this.entries.map((e) => (e instanceof Group ? this.groupIssue(e) : e));
  }

  /** Errors first (with the overflow note), then warnings. */
  all(): InputIssue[] {
    let listed = 0;
    for (const e of this.entries) listed += e instanceof Group ? e.count : 1;
    const more = this.errorCount - listed;
    const overflow: InputIssue[] =
      more > 0
        ? [
            {
              severity: 'error',
              file: this.file,
              message: `… and ${countText(more)} more problem${more === 1 ? '' : 's'}`,
              hint: `Only the first ${this.cap} problems are listed; fix these and run the check again to see the rest.`,
            },
          ]
        : [];
    return [...this.errors, ...overflow, ...this.warnings];
  }

  private issue(severity: InputIssue['severity'], issue: IssueBody): InputIssue {
    return { severity, file: this.file, ...shortened(this.placed ? this.placed(issue) : issue) };
  }

  /** One message for a repeated kind: the first issue itself when it did not repeat. */
  private groupIssue(g: Group): InputIssue {
    if (g.count === 1) return g.first;
    const more = g.unlistedPlaces || g.count > PLACES_SHOWN;
    const where = this.grouped(g.column, g.lines.slice(0, PLACES_SHOWN), more);
    const named = where.value ?? ((v: string) => `"${v}"`);
    const byCount = [...g.values].sort((a, b) => b[1] - a[1]);
    const shown = byCount.slice(0, VALUES_SHOWN).map(([v]) => named(v));
    const all = !g.valuesOverflow && byCount.length <= VALUES_SHOWN;
    const values = shown.length === 0 ? '' : all ? `: ${joinAnd(shown)}` : ` such as ${joinAnd(shown)}`;
    const labels = g.looksLikeLabels();
    const many = labels ? 'values are text labels' : g.repeat.many;
    const message = `${countText(g.count)} ${many}${values} (${where.rows})${labels ? '' : (g.repeat.after ?? '')}`;
    const { line: _line, value: _value, place: _place, ...rest } = g.first;
    return {
      ...rest,
      ...(g.column !== undefined ? { column: g.column } : {}),
      ...(where.place !== undefined ? { place: where.place } : {}),
      message,
      ...(labels ? { hint: labelsHint(this.file) } : {}),
    };
  }
}
