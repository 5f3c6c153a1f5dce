import Papa from 'papaparse';
import type { Delimiter } from './delimiter.ts';
import { LineSplitter } from './line-splitter.ts';
import type { QuoteProblem } from './quote-problem.ts';

export interface CsvScanResult {
  /** Physical lines of the empty lines skipped between rows (empty lines at the end are not listed). */
  skippedEmptyLines: number[];
}

/** A row visitor: the row's fields, the physical line it starts on, and its quoting problem. */
export type RowVisitor = (fields: string[], line: number, quote: QuoteProblem | undefined) => void;

/**
 * A visitor of a simple row (one line, not blank, no escaped quote) read in
 * place: field k is text[starts[k], ends[k]) for k < count, and firsts[k]
 * is its first character's code (−1 when it is empty). It
 * returns false, having changed nothing, when it wants the row as strings,
 * which the RowVisitor is then given.
 */
export type InPlaceRowVisitor = (text: string, starts: Int32Array, ends: Int32Array, firsts: Int32Array, count: number, line: number) => boolean;

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
 * its own streamers do), so they are the same however the text is cut: a line
 * whose quoted fields close on it is split here exactly as papaparse splits
 * it, and any other line is left to papaparse (see parse). With an
 * InPlaceRowVisitor, a plain row is offered to it before any string is cut.
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
  /** While papaparse tries one line on its own: the rows it gave (not visited yet). */
  private trial: Papa.ParseStepResult<string[]>[] | undefined = undefined;
  private readonly inPlace: InPlaceRowVisitor | undefined;
  /** Splits the lines whose quoted fields close on them. */
  private readonly splitter: LineSplitter;
  /** Pieces pushed but not parsed yet (no row can end in them), and their length. */
  private pending: string[] = [];
  private pendingLength = 0;
  /** Parse again only once rest + pending reach this length (after a row papaparse could not finish). */
  private retryAt = 0;
  private scanned = 0;
  /** Characters handed to `visit` so far (offset of the end of the last row). */
  get consumed(): number {
    return this.rowStart;
  }

  /**
   * Characters gone over so far: searched, split, copied or given to
   * papaparse. A bound on the work done, which grows linearly with the text
   * however long its lines are and however it is cut.
   */
  get work(): number {
    return this.scanned;
  }

  /**
   * `start`: where the text given begins in the file, when something before
   * it was read otherwise (an Excel "sep=" line): its physical line and its
   * offset. Line numbers and offsets count from there.
   */
  constructor(delimiter: Delimiter, visit: RowVisitor, inPlace?: InPlaceRowVisitor, start?: { line: number; offset: number }) {
    this.visit = visit;
    this.inPlace = inPlace;
    this.splitter = new LineSplitter(delimiter);
    if (start) {
      this.line = start.line;
      this.base = this.counted = this.rowStart = start.offset;
    }
    this.parser = new Papa.Parser({
      delimiter,
      newline: '\n',
      quoteChar: '"',
      step: (result: Papa.ParseStepResult<string[]>) => {
        if (this.trial) this.trial.push(result);
        else this.onRow(result);
      },
    });
  }

  /** Counts the newlines of the text being parsed up to an absolute offset. */
  private lineAt(offset: number): number {
    const text = this.text;
    const base = this.base;
    let i = text.indexOf('\n', this.counted - base);
    const stop = offset - base;
    this.scanned += Math.max(0, stop - (this.counted - base));
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
    this.row(fields, at, quote);
  }

  private row(fields: string[], at: number, quote: QuoteProblem | undefined): void {
    if (quote === undefined && allBlank(fields)) {
      this.pendingEmpty.push(at);
      return;
    }
    if (this.pendingEmpty.length > 0) {
      for (const l of this.pendingEmpty) this.skipped.push(l);
      this.pendingEmpty.length = 0;
    }
    this.visit(fields, at, quote);
  }

  /**
   * Parses the rest. A line whose quoted fields close on it (the common case)
   * is one row, split here as papaparse would (see split). Another line is
   * given to papaparse on its own; when that does not make exactly one clean
   * row ending with the line (a quoted field spanning lines, a quoting
   * problem), papaparse parses all the rest from the row's start, as if it
   * had parsed the whole text, so the rows are papaparse's in every case.
   */
  private parse(final: boolean): void {
    const text = this.rest;
    this.text = text;
    const base = this.base;
    const len = text.length;
    const inPlace = this.inPlace;
    const splitter = this.splitter;
    let pos = 0;
    while (pos < len) {
      let nl = text.indexOf('\n', pos);
      const lastLine = nl < 0;
      this.scanned += (lastLine ? len : nl) - pos;
      if (lastLine) {
        if (!final) break;
        nl = len;
      }
      const count = splitter.split(text, pos, nl, lastLine);
      this.scanned += nl - pos;
      if (count < 0) {
        if (!lastLine && this.tryLine(text, pos, nl)) {
          pos = nl + 1;
          continue;
        }
        // Papaparse parses the rest, from this row's start.
        this.scanned += len - pos;
        const result = this.parser.parse(pos === 0 ? text : text.slice(pos), base + pos, !final);
        const next = final ? len : result.meta.cursor - base;
        // A row it could not finish (a quoted field spanning pieces) is parsed
        // again only when the text has doubled, so a long row costs linear work.
        if (!final && next === pos) this.retryAt = 2 * (len - pos);
        pos = next;
        break;
      }
      const start = base + pos;
      const at = this.counted === start ? this.line : this.lineAt(start);
      const end = lastLine ? len : nl + 1;
      this.rowStart = base + end;
      if (!lastLine) {
        this.line = at + 1;
        this.counted = base + end;
      }
      const first = splitter.starts[0] < splitter.ends[0] ? text.charCodeAt(splitter.starts[0]) : 0;
      if (first > 32 && first < 127) {
        // Not blank (its first field is not).
        if (this.pendingEmpty.length > 0) {
          for (const l of this.pendingEmpty) this.skipped.push(l);
          this.pendingEmpty.length = 0;
        }
        if (inPlace === undefined || splitter.escaped || !inPlace(text, splitter.starts, splitter.ends, splitter.firsts, count, at)) this.visit(splitter.fields(text, count), at, undefined);
      } else this.row(splitter.fields(text, count), at, undefined);
      pos = end;
    }
    // Count the newlines of the last row while its text is still here.
    this.lineAt(base + pos);
    this.rest = pos === 0 ? text : text.slice(pos);
    this.base = base + pos;
    this.text = '';
  }

  /** Papaparse on the one line [pos, nl]; visits its row and says true when that is one clean row ending with the line. */
  private tryLine(text: string, pos: number, nl: number): boolean {
    const rows: Papa.ParseStepResult<string[]>[] = [];
    this.trial = rows;
    this.scanned += nl + 1 - pos;
    try {
      this.parser.parse(text.slice(pos, nl + 1), this.base + pos, true);
    } finally {
      this.trial = undefined;
    }
    if (rows.length !== 1 || rows[0].errors.length > 0 || rows[0].meta.cursor !== this.base + nl + 1) return false;
    this.onRow(rows[0]);
    return true;
  }

  /** Whether every row given so far has been visited: the next text starts a row, on line `nextLine`. */
  get idle(): boolean {
    return this.rest === '' && this.pendingLength === 0 && !this.ended;
  }

  /** The physical line the next row starts on. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Goes past one non-empty row of `length` characters and its newline, read
   * by the caller itself (see ResponsesParser.pushBytes) while the scanner
   * was idle: the lines and offsets count on as if it had been pushed.
   */
  passRow(length: number): void {
    if (this.pendingEmpty.length > 0) {
      for (const l of this.pendingEmpty) this.skipped.push(l);
      this.pendingEmpty.length = 0;
    }
    this.line++;
    this.base += length + 1;
    this.counted = this.rowStart = this.base;
  }

  /**
   * Parses the next piece of text; the rows that end in it are visited now
   * (or, while papaparse has a row spanning pieces, once the text has doubled).
   * A piece without a newline ends no row: it is kept as it is, and the
   * pieces are joined once, when a newline comes, so that a long line is not
   * copied and searched again for every piece.
   */
  push(piece: string): void {
    if (this.ended) throw new Error('CsvScanner: push after end');
    if (piece === '') return;
    this.pending.push(piece);
    this.pendingLength += piece.length;
    if (this.retryAt > 0) {
      if (this.rest.length + this.pendingLength < this.retryAt) return;
    } else {
      this.scanned += piece.length;
      if (piece.indexOf('\n') < 0) return;
    }
    this.retryAt = 0;
    this.takePending();
    this.parse(false);
  }

  /** Joins the pending pieces to the rest. */
  private takePending(): void {
    if (this.pendingLength === 0) return;
    this.scanned += this.rest.length + this.pendingLength;
    this.rest = this.rest === '' && this.pending.length === 1 ? this.pending[0] : this.rest + this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
  }

  /** Parses what is left (a last row without a newline) and returns the empty lines that were skipped. */
  end(): CsvScanResult {
    if (!this.ended) {
      this.ended = true;
      this.takePending();
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
export function scanCsv(text: string, delimiter: Delimiter, visit: RowVisitor, onProgress?: (fraction: number) => void, start?: { line: number; offset: number }): CsvScanResult {
  let rows = 0;
  let scanner: CsvScanner | undefined;
  const counting: RowVisitor = (fields, line, quote) => {
    visit(fields, line, quote);
    if (onProgress && ++rows % 4096 === 0) onProgress(text.length === 0 ? 1 : scanner!.consumed / text.length);
  };
  scanner = new CsvScanner(delimiter, onProgress ? counting : visit, undefined, start);
  scanner.push(start ? text.slice(start.offset) : text);
  return scanner.end();
}
