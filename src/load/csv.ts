import Papa from 'papaparse';
import type { InputIssue } from './types.ts';

/** The delimiters a responses or benchmarks file may use. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a delimiter is named in messages. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma';
}

/**
 * Guesses the delimiter from the first non-empty line: the one of comma,
 * semicolon and tab that occurs most often outside quotes (comma on a tie or
 * when none occurs, as for a one-column file).
 */
export function sniffDelimiter(text: string): Delimiter {
  // The header is the first line with something other than white space on it.
  const first = text.search(/\S/);
  if (first < 0) return ',';
  const start = text.lastIndexOf('\n', first) + 1;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Makes every line end a single "\n" (CRLF, CR and LF alike, even mixed); keeps the line count. */
export function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

// Unambiguous, so that a long run of digits cannot make the match backtrack quadratically.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/**
 * Reads a number the way a spreadsheet export writes it: surrounding spaces
 * are ignored; with `decimalComma` also "1,25". NaN when it is not a number
 * (thousands separators, "Infinity", "1e" and the like are not numbers).
 */
export function parseNumber(raw: string, decimalComma: boolean): number {
  let s = raw.trim();
  if (decimalComma && DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** A quoting problem papaparse found in a row. */
export type QuoteProblem = 'unclosed' | 'malformed';

/** The message and hint of a quoting problem. */
export function quoteMessage(problem: QuoteProblem): { message: string; hint: string } {
  return problem === 'unclosed'
    ? {
        message: 'a quoted field starts on this line but its closing quote is missing, so the rest of the file was read into it',
        hint: 'Add the missing closing quote ("); a quote inside a quoted text is written twice ("").',
      }
    : {
        message: 'a quoted field has text after its closing quote, so what follows, up to the next quote, was read into it',
        hint: 'A quote inside a quoted text is written twice (""), and the whole field is put in quotes: "He said ""yes"" twice".',
      };
}

export interface CsvScanResult {
  /** Physical lines of the empty lines skipped between rows (empty lines at the end are not listed). */
  skippedEmptyLines: number[];
}

/** A row visitor: the row's fields, the physical line it starts on, and its quoting problem. */
export type RowVisitor = (fields: string[], line: number, quote: QuoteProblem | undefined) => void;

/**
 * Walks the rows of a delimited text given in pieces (line ends already
 * normalised to "\n"), calling `visit` with each non-empty row's fields and
 * the physical line it starts on (1-based), the header included. A quoted
 * field may span lines and pieces; the line numbers still count physical
 * lines. Rows whose fields are all blank count as empty lines. No object is
 * kept per row, and only the unfinished last row of a piece is carried over
 * to the next, so a file of any size streams through in little memory.
 *
 * The rows are papaparse's (its low-level parser, fed piece by piece the way
 * its own streamers do), so they are the same however the text is cut.
 */
export class CsvScanner {
  private readonly parser: Papa.Parser;
  private readonly visit: RowVisitor;
  private readonly skipped: number[] = [];
  private readonly pendingEmpty: number[] = [];
  /** The unparsed rest: the start of a row that has not ended yet. */
  private rest = '';
  /** Absolute offset of `rest` (and of the text being parsed) in the whole text. */
  private base = 0;
  /** The text being parsed and the absolute offset up to which its newlines are counted. */
  private text = '';
  private counted = 0;
  private line = 1;
  private rowStart = 0;
  private ended = false;
  /** Characters handed to `visit` so far (offset of the end of the last row). */
  get consumed(): number {
    return this.rowStart;
  }

  constructor(delimiter: Delimiter, visit: RowVisitor) {
    this.visit = visit;
    this.parser = new Papa.Parser({
      delimiter,
      newline: '\n',
      quoteChar: '"',
      step: (result: Papa.ParseStepResult<string[]>) => this.onRow(result),
    });
  }

  /** Counts the newlines of the text being parsed up to an absolute offset. */
  private lineAt(offset: number): number {
    const text = this.text;
    const base = this.base;
    let i = text.indexOf('\n', this.counted - base);
    const stop = offset - base;
    while (i >= 0 && i < stop) {
      this.line++;
      i = text.indexOf('\n', i + 1);
    }
    this.counted = offset;
    return this.line;
  }

  private onRow(result: Papa.ParseStepResult<string[]>): void {
    const start = this.rowStart;
    this.rowStart = result.meta.cursor;
    // The low-level parser's step gets a list holding the one row.
    const fields = (result.data as unknown as string[][])[0];
    const at = this.lineAt(start);
    let quote: QuoteProblem | undefined;
    for (const e of result.errors) {
      // Text after a closing quote makes papaparse read on to the next quote
      // (often reporting a missing quote too); the first cause is the one to fix.
      if (e.code === 'InvalidQuotes') quote = 'malformed';
      else if (e.code === 'MissingQuotes' && quote === undefined) quote = 'unclosed';
    }
    if (quote === undefined && allBlank(fields)) {
      this.pendingEmpty.push(at);
      return;
    }
    for (const l of this.pendingEmpty) this.skipped.push(l);
    this.pendingEmpty.length = 0;
    this.visit(fields, at, quote);
  }

  private parse(final: boolean): void {
    this.text = this.rest;
    const result = this.parser.parse(this.text, this.base, !final);
    const cursor: number = final ? this.base + this.text.length : result.meta.cursor;
    // Count the newlines of the last row while its text is still here.
    this.lineAt(cursor);
    this.rest = this.text.slice(cursor - this.base);
    this.base = cursor;
    this.text = '';
  }

  /** Parses the next piece of text; the rows that end in it are visited now. */
  push(piece: string): void {
    if (this.ended) throw new Error('CsvScanner: push after end');
    if (piece === '') return;
    this.rest += piece;
    this.parse(false);
  }

  /** Parses what is left (a last row without a newline) and returns the empty lines that were skipped. */
  end(): CsvScanResult {
    if (!this.ended) {
      this.ended = true;
      if (this.rest !== '') this.parse(true);
    }
    return { skippedEmptyLines: this.skipped };
  }
}

function allBlank(fields: string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

/**
 * Walks the rows of a whole delimited text (line ends already normalised to
 * "\n"): a CsvScanner given the text in one piece. `onProgress` is called now
 * and then with the share of the text visited.
 */
export function scanCsv(text: string, delimiter: Delimiter, visit: RowVisitor, onProgress?: (fraction: number) => void): CsvScanResult {
  let rows = 0;
  let scanner: CsvScanner | undefined = undefined;
  const counting: RowVisitor = (fields, line, quote) => {
    visit(fields, line, quote);
    if (onProgress && ++rows % 4096 === 0) onProgress(text.length === 0 ? 1 : scanner!.consumed / text.length);
  };
  scanner = new CsvScanner(delimiter, onProgress ? counting : visit);
  scanner.push(text);
  return scanner.end();
}

/**
 * Turns CRLF and lone CR line ends into "\n" in a text given in pieces: a CR
 * at the end of a piece waits for the next one (it may be half of a CRLF).
 */
export class LineEndNormaliser {
  private carry = false;

  push(piece: string): string {
    let s = this.carry ? '\r' + piece : piece;
    this.carry = s.endsWith('\r');
    if (this.carry) s = s.slice(0, -1);
    return normaliseLineEnds(s);
  }

  end(): string {
    const out = this.carry ? '\n' : '';
    this.carry = false;
    return out;
  }
}

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

  constructor(file: string, cap = 50) {
    this.file = file;
    this.cap = cap;
  }

  error(issue: Omit<InputIssue, 'severity' | 'file'>): void {
    this.errorCount++;
    if (this.errors.length < this.cap) this.errors.push({ severity: 'error', file: this.file, ...shortened(issue) });
  }

  warning(issue: Omit<InputIssue, 'severity' | 'file'>): void {
    this.warnings.push({ severity: 'warning', file: this.file, ...shortened(issue) });
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

/** Lists values for a message: `"a", "b", "c"`, cut after `max` with "…". */
export function quoteList(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  if (values.length > max) shown.push(`… (${values.length - max} more)`);
  return shown.join(', ');
}

/** Joins numbers as prose: "4", "4 and 13", "4, 9 and 13". */
export function joinAnd(list: readonly (string | number)[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** A share as a percentage for messages: 42%, 30.4%. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Resolves the header: trimmed names, the first position of each, and the duplicates. */
export function readHeader(fields: string[]): { names: string[]; index: Map<string, number>; duplicates: { name: string; positions: number[] }[] } {
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
  const duplicates = [...positions].filter(([, p]) => p.length > 1).map(([name, p]) => ({ name, positions: p }));
  return { names, index, duplicates };
}
