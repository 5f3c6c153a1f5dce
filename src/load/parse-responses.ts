import { isUtf8 } from 'node:buffer';
import type { Study } from '../study/schema.ts';
import type { FileEncoding } from './byte-row-reader.ts';
import { NotUtf8Error } from './decode.ts';
import { CsvScanner } from './csv-scanner.ts';
import { sniffDelimiter } from './delimiter.ts';
import { HeaderLead } from './header-lead.ts';
import { IssueList } from './issue-list.ts';
import { LineEndNormaliser } from './line-ends.ts';
import { ResponseRows } from './response-rows.ts';
import { scaleIssue } from './row-rules.ts';
import { sepLine, sepLineIssue } from './sep-line.ts';
import type { EditionData } from './types.ts';
import type { InputIssue } from '../issues/input-issue.ts';

/** Rows accounting of one file: read = used + rejected. */
export type RowCounts = EditionData['rows'];

export interface ParseResponsesResult {
  /** The edition's data; undefined when there is any error. */
  data?: EditionData;
  /** Errors first (at most 50 listed, then "… and N more problems"), then warnings. */
  issues: InputIssue[];
  /** Rows accounting, also when the data is refused. */
  rows: RowCounts;
}

export interface ParseResponsesOptions {
  /** Called now and then with the share of the text parsed so far. */
  onProgress?: (fraction: number) => void;
  /**
   * The length of the whole text in characters (for a file, its size in
   * bytes is close enough), when it is given in pieces: sizes the columns up
   * front and makes onProgress's shares.
   */
  expectedLength?: number;
  /** How many errors to list before "… and N more problems" (default 50). */
  maxErrors?: number;
  /** The encoding of the bytes given to pushBytes (default UTF-8). */
  encoding?: FileEncoding;
}

/** After this many rows in a row declined by the byte reader, the rest of a piece of bytes is read as text. */
const DECLINED_RUN = 64;

/**
 * Parses one edition's responses.csv text against the study definition.
 * Every problem is collected; any error (a rejected row included) refuses the
 * whole file, so rows are never dropped silently. Answers are stored in typed
 * arrays, with no object per row. The text is the decoded file (see
 * decodeText); for a file read piece by piece use ResponsesParser.
 *
 * An Excel "sep=;" first line names the delimiter and is not the header (see
 * sepLine); line numbers stay the file's. Weights written with thousands
 * separators are errors by the rule of WeightFormats. Without an id column,
 * rows that repeat an earlier row exactly are counted in a warning (see
 * RowRegistry).
 */
export function parseResponses(text: string, file: string, year: number, study: Study, options: ParseResponsesOptions = {}): ParseResponsesResult {
  const parser = new ResponsesParser(file, year, study, { ...options, expectedLength: options.expectedLength ?? text.length });
  parser.push(text);
  return parser.end();
}

/**
 * parseResponses for a text given in pieces (as a file stream is decoded):
 * push() each piece, then end(). Only the unfinished last row of a piece is
 * kept between pieces. The result is the same however the text is cut.
 */
export class ResponsesParser {
  private readonly study: Study;
  private readonly file: string;
  private readonly year: number;
  private readonly options: ParseResponsesOptions;
  private readonly issues: IssueList;
  private readonly lineEnds = new LineEndNormaliser();
  private readonly lead = new HeaderLead();
  /** Once the header line is whole: the scanner and the rows it visits. */
  private scanner?: CsvScanner;
  private rows?: ResponseRows;
  private readonly encoding: FileEncoding;
  private readonly decoder: TextDecoder;
  /** Bytes of a line not ended yet (pushBytes): carry[0, carryLength), in a buffer kept from piece to piece so that reading allocates nothing per piece. */
  private carry: Buffer = Buffer.alloc(0);
  private carryLength = 0;

  constructor(file: string, year: number, study: Study, options: ParseResponsesOptions = {}) {
    this.study = study;
    this.file = file;
    this.year = year;
    this.options = options;
    this.issues = new IssueList(file, options.maxErrors ?? 50);
    this.encoding = options.encoding ?? 'utf-8';
    // Not fatal: UTF-8 is checked before anything is decoded. The byte order mark is UTF-8's only (and dropped before
    // the bytes come here); in Windows-1252 ÿ is a letter, which some Node versions drop at a piece's start with ignoreBOM.
    this.decoder = new TextDecoder(this.encoding, this.encoding === 'utf-8' ? { ignoreBOM: true } : {});
  }

  /**
   * Parses the next piece of the file's bytes (in the encoding of the
   * options, a byte order mark already dropped). Only whole lines are read:
   * the common row straight from the bytes (see ResponseRows.onRowBytes),
   * any other line decoded and parsed as text, so the result is the same as
   * push() of the decoded text. Throws NotUtf8Error when UTF-8 bytes are not
   * valid.
   */
  pushBytes(piece: Uint8Array): void {
    if (piece.length === 0) return;
    const last = piece.lastIndexOf(10);
    const carried = this.carryLength;
    if (last < 0 || carried > 0) this.keep(piece);
    if (last < 0) return;
    // The piece itself when nothing is carried, else the carry with the piece after it.
    const bytes = carried > 0 ? this.carry.subarray(0, this.carryLength) : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
    const stop = carried + last + 1;
    this.lines(bytes, stop);
    // The unfinished line goes to the front of the carry; the piece may be the caller's buffer, read into again.
    const rest = bytes.length - stop;
    if (carried > 0) this.carry.copyWithin(0, stop, bytes.length);
    else if (rest > 0) {
      this.carryLength = 0;
      this.keep(bytes.subarray(stop));
    }
    this.carryLength = rest;
  }

  /** Appends bytes to the carry, growing it when they do not fit. */
  private keep(bytes: Uint8Array): void {
    const needed = this.carryLength + bytes.length;
    if (needed > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.carry.length, 1 << 16));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(bytes, this.carryLength);
    this.carryLength = needed;
  }

  /** Reads the whole lines bytes[0, stop). */
  private lines(bytes: Buffer, stop: number): void {
    if (this.encoding === 'utf-8' && !isUtf8(bytes.subarray(0, stop))) throw new NotUtf8Error();
    const decode = (from: number, to: number) => this.decoder.decode(bytes.subarray(from, to));
    // The next carriage return at or after the line read (-1: none; a lone one is a line end, left to the text).
    let cr = -2;
    let declined = 0;
    let pos = 0;
    while (pos < stop) {
      const rows = this.rows;
      const scanner = this.scanner;
      if (!rows?.headerRead) {
        // Line by line until the header is read, so that the bytes are read from the first row on.
        const nl = bytes.indexOf(10, pos);
        this.push(decode(pos, nl + 1));
        pos = nl + 1;
        continue;
      }
      if (!rows.takesBytes || declined >= DECLINED_RUN) {
        this.push(decode(pos, stop));
        return;
      }
      const nl = bytes.indexOf(10, pos);
      if (scanner!.idle) {
        const end = nl > pos && bytes[nl - 1] === 13 ? nl - 1 : nl;
        if (cr !== -1 && cr < pos) cr = bytes.indexOf(13, pos);
        if ((cr < 0 || cr >= end) && rows.onRowBytes(bytes, pos, end, scanner!.nextLine, decode)) {
          scanner!.passRow(nl - pos);
          pos = nl + 1;
          declined = 0;
          continue;
        }
      }
      declined++;
      this.push(decode(pos, nl + 1));
      pos = nl + 1;
    }
  }

  /** Parses the next piece of the text. */
  push(piece: string): void {
    const text = this.lineEnds.push(piece);
    if (this.scanner) {
      this.scanner.push(text);
      return;
    }
    const lead = this.lead.push(text);
    if (lead !== undefined) this.start(lead);
  }

  /** Parses the rest and returns the result. */
  end(): ParseResponsesResult {
    // Nothing more is pushed: the carry (as large as the longest line) is let go with its last line.
    const rest = this.carry.subarray(0, this.carryLength);
    this.carry = Buffer.alloc(0);
    this.carryLength = 0;
    if (rest.length > 0) {
      if (this.encoding === 'utf-8' && !isUtf8(rest)) throw new NotUtf8Error();
      this.push(this.decoder.decode(rest));
    }
    const tail = this.lineEnds.end();
    if (!this.scanner) {
      const text = this.lead.take() + tail;
      const sep = sepLine(text);
      if ((sep ? text.slice(sep.end) : text).trim() === '') {
        this.issues.error({ message: 'the file is empty', hint: 'Export the responses with a header row of column names and one row per respondent.' });
        return { issues: this.issues.all(), rows: { read: 0, used: 0, rejected: 0 } };
      }
      this.start(text);
    } else if (tail !== '') this.scanner.push(tail);
    const scan = this.scanner!.end();
    const rows = this.rows!;
    const data = rows.finish(scan, this.year, this.file);
    return { ...(data ? { data } : {}), issues: this.issues.all(), rows: rows.rows };
  }

  /** Sets up the rows once the delimiter is known and parses the first text. */
  private start(src: string): void {
    const issues = this.issues;
    // Excel's "sep=;" line names the delimiter and is not the header; lines keep their numbers in the file.
    const sep = sepLine(src);
    const delimiter = sep?.delimiter ?? sniffDelimiter(sep ? src.slice(sep.end) : src);
    if (sep && !sep.delimiter) issues.error(sepLineIssue(sep));
    const scale = scaleIssue(this.study);
    if (scale) issues.error(scale);
    const { onProgress, expectedLength } = this.options;
    const rows = new ResponseRows(this.study, issues, delimiter, {
      year: this.year,
      encoding: this.encoding,
      expectedLength,
      ...(onProgress && expectedLength ? { onProgress: () => onProgress(Math.min(1, scanner.consumed / expectedLength)) } : {}),
    });
    const scanner = new CsvScanner(delimiter, rows.onRow, rows.onRowInPlace, sep ? { line: sep.line + 1, offset: sep.end } : undefined);
    rows.follow(scanner);
    this.rows = rows;
    this.scanner = scanner;
    scanner.push(sep ? src.slice(sep.end) : src);
  }
}
