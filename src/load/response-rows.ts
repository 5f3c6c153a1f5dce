import type { Study } from '../study/schema.ts';
import { planColumns } from './column-plan.ts';
import { ColumnStore } from './column-store.ts';
import type { CsvScanResult } from './csv-scanner.ts';
import { dataWarnings } from './data-warnings.ts';
import { delimiterName, type Delimiter } from './delimiter.ts';
import { IdRegistry } from './id-registry.ts';
import { ByteRowReader, type FileEncoding } from './byte-row-reader.ts';
import { InPlaceReader } from './in-place-reader.ts';
import type { IssueList } from './issue-list.ts';
import { quoteMessage, type QuoteProblem } from './quote-problem.ts';
import { QuoteSampler } from './quote-sample.ts';
import { ResponsePositions, responseColumns, unusedResponseColumns } from './response-columns.ts';
import { RowReader, type RowReaderContext } from './row-reader.ts';
import { RowRegistry } from './row-registry.ts';
import { RowRules } from './row-rules.ts';
import type { EditionData, ItemAnswers } from './types.ts';
import { WeightFormats } from './weight-format.ts';
import { absentWanted, editionPlan, widenToStudy, type EditionPlan } from './edition-plan.ts';
import type { WantedColumn } from './column-plan.ts';
import { quoteList } from './message-text.ts';

/** The byte of a double quote. */
const QUOTE = 34;

/** Without an id column a row is known by its line. */
const lineId = (line: number) => String(line).padStart(10, '0');

/** How far the text has been read, for sizing the columns and for progress. */
export interface ReadProgress {
  /** Characters of the text handed out as rows so far. */
  readonly consumed: number;
}

/**
 * The rows of one responses.csv, from the header on, as the scanner gives
 * them: the header makes the column plan; each row is read in place when it
 * can be (InPlaceReader), else with every check (RowReader); a row free of
 * errors is kept while the file has none. Counts the rows, offers the open
 * answers as quotes, and finds repeated rows when there is no id column.
 */
export class ResponseRows {
  /** Rows accounting: read = used + rejected. */
  readonly rows = { read: 0, used: 0, rejected: 0 };
  private readonly study: Study;
  private readonly issues: IssueList;
  private readonly delimiter: Delimiter;
  private readonly rules: RowRules;
  private readonly store: ColumnStore;
  private readonly ids = new IdRegistry();
  private readonly weights: WeightFormats;
  /** Without ids a row exported twice would count twice: repeated rows are found by their hash. */
  private readonly repeats: RowRegistry | undefined;
  /** Open answers are offered as quote candidates only when quotes are published; a bounded sample is kept. */
  private readonly quotes: QuoteSampler | undefined;
  private readonly expectedLength: number | undefined;
  private readonly onProgress: (() => void) | undefined;
  private readonly plan: EditionPlan | undefined;
  private progress: ReadProgress = { consumed: 0 };
  /** Set by the header. */
  private at: ResponsePositions | undefined;
  private headerLine = 1;
  private validating: RowReader | undefined;
  private inPlace: InPlaceReader | undefined;
  private bytes: ByteRowReader | undefined;
  private readonly encoding: FileEncoding;

  /**
   * `expectedLength`: the text's length when known, to size the columns up
   * front; `onProgress` is called every 4096 rows.
   */
  /**
   * `year`: the edition's, whose plan (see EditionPlan) decides which variables
   * are read, from which columns and with which codes; the data of finish() is
   * then the whole study's, a variable not asked all blank.
   */
  /** `encoding`: the file's, for rows read from its bytes (onRowBytes). */
  constructor(whole: Study, issues: IssueList, delimiter: Delimiter, options: { expectedLength?: number; onProgress?: () => void; year?: number; encoding?: FileEncoding } = {}) {
    const plan = options.year !== undefined ? editionPlan(whole, options.year) : undefined;
    const study = plan?.view ?? whole;
    this.study = study;
    this.issues = issues;
    this.delimiter = delimiter;
    this.rules = new RowRules(study, delimiter !== ',', plan);
    this.plan = plan;
    this.store = new ColumnStore(study.items.length, study.nps !== undefined, study.background.length);
    // Enough lines to name the first places of their one message (see IssueList).
    this.weights = new WeightFormats(8);
    this.repeats = study.columns.id ? undefined : new RowRegistry();
    this.quotes = study.nps?.quotes?.publish === true ? new QuoteSampler(Math.max(1, study.groups.length), study.nps.quotes.perGroup) : undefined;
    this.expectedLength = options.expectedLength;
    this.onProgress = options.onProgress;
    this.encoding = options.encoding ?? 'utf-8';
  }

  /** Whether the header has been read. */
  get headerRead(): boolean {
    return this.at !== undefined;
  }

  /** Whether rows can be offered from the bytes (onRowBytes): the header is read and the file is free of errors. */
  get takesBytes(): boolean {
    return this.bytes !== undefined && this.issues.errorCount === 0;
  }

  /** The columns the rows are read for (as the edition's file names them). */
  get wanted(): WantedColumn[] {
    return responseColumns(this.study);
  }

  /** Where the reading is (the scanner), once it exists. */
  follow(progress: ReadProgress): void {
    this.progress = progress;
  }

  /** A row as strings (the header first), with papaparse's quoting problem if any. */
  readonly onRow = (fields: string[], line: number, quote: QuoteProblem | undefined): void => {
    const at = this.at;
    if (!at) {
      this.header(fields, line, quote);
      return;
    }
    const { rows, issues } = this;
    rows.read++;
    if ((rows.read & 4095) === 0) this.onProgress?.();
    if (quote) {
      const i = fields.length - 1;
      issues.error({ line, column: at.names[i] || `(field ${i + 1})`, ...quoteMessage(quote) });
      rows.rejected++;
      return;
    }
    if (fields.length !== at.width) {
      const d = delimiterName(this.delimiter);
      issues.error(
        {
          line,
          message: `the row has ${fields.length} fields but the header has ${at.width}`,
          hint: `Look for a missing or extra ${d}, or a text answer with a ${d} that is not in quotes.`,
        },
        { key: 'width', many: `rows do not have the header's ${at.width} fields` },
      );
      rows.rejected++;
      return;
    }
    // The row's values go straight into slot r; a rejected row's are overwritten by the next.
    const r = rows.used;
    const keep = issues.errorCount === 0;
    if (keep && r === this.store.capacity) this.grow();
    if (!this.validating!.read(fields, line, keep ? r : -1)) {
      rows.rejected++;
      return;
    }
    // Only kept while the file is still clean.
    if (keep && this.quotes && at.reason >= 0) {
      this.quotes.offer(this.store.group[r], at.id >= 0 ? fields[at.id].trim() : lineId(line), fields[at.reason].trim(), line);
    }
    const repeats = this.repeats;
    if (repeats) {
      repeats.begin();
      for (let k = 0; k < fields.length; k++) repeats.field(fields[k]);
      repeats.end(line);
    }
    rows.used++;
  };

  /**
   * A simple row read in place (see InPlaceRowVisitor): taken while the file
   * is free of errors and InPlaceReader takes it, else false (the row then
   * comes to onRow).
   */
  readonly onRowInPlace = (text: string, starts: Int32Array, ends: Int32Array, firsts: Int32Array, count: number, line: number): boolean => {
    const at = this.at;
    if (!at || count !== at.width || this.issues.errorCount > 0) return false;
    const rows = this.rows;
    const r = rows.used;
    if (r === this.store.capacity) this.grow();
    if (!this.inPlace!.read(text, starts, ends, firsts, line, r)) return false;
    rows.read++;
    if ((rows.read & 4095) === 0) this.onProgress?.();
    const repeats = this.repeats;
    if (repeats) {
      repeats.begin();
      for (let k = 0; k < count; k++) repeats.fieldAt(text, starts[k], ends[k]);
      repeats.end(line);
    }
    const quotes = this.quotes;
    if (quotes && at.reason >= 0) {
      const g = this.store.group[r];
      if (at.id >= 0) quotes.offerAt(g, text, starts[at.id], ends[at.id], starts[at.reason], ends[at.reason], line);
      else quotes.offer(g, lineId(line), text.slice(starts[at.reason], ends[at.reason]).trim(), line);
    }
    rows.used++;
    return true;
  };

  /**
   * A row read from the file's bytes (see ByteRowReader): bytes[from, end),
   * its line end excluded, with `decode` the decoding of a part of them. Taken while the file is free of
   * errors and ByteRowReader takes it, else false (the row is then decoded
   * and comes as text).
   */
  readonly onRowBytes = (bytes: Uint8Array, from: number, end: number, line: number, decode: (from: number, to: number) => string): boolean => {
    const reader = this.bytes;
    if (!reader || this.issues.errorCount > 0) return false;
    const rows = this.rows;
    const r = rows.used;
    if (r === this.store.capacity) this.grow();
    const repeats = this.repeats;
    if (!reader.read(bytes, from, end, line, r)) return false;
    rows.read++;
    if ((rows.read & 4095) === 0) this.onProgress?.();
    if (repeats) hashRowBytes(repeats, bytes, from, end, this.delimiter.charCodeAt(0), this.encoding === 'utf-8' ? undefined : decode, line);
    const at = this.at!;
    const quotes = this.quotes;
    if (quotes && at.reason >= 0) {
      const g = this.store.group[r];
      const { reasonFrom, reasonTo } = reader;
      // The answer as the text readers give it: a doubled quote inside a quoted field is one quote.
      const answer = reader.reasonEscaped ? (from: number, to: number) => decode(from, to).replaceAll('""', '"') : decode;
      if (at.id >= 0) quotes.offerAt(g, bytes, reader.idFrom, reader.idTo, reasonFrom, reasonTo, line, answer);
      else quotes.offer(g, lineId(line), answer(reasonFrom, reasonTo).trim(), line);
    }
    rows.used++;
    return true;
  };

  private header(fields: string[], line: number, quote: QuoteProblem | undefined): void {
    this.headerLine = line;
    const plan = planColumns(fields, line, quote, [...responseColumns(this.study), ...absentWanted(this.plan)], this.issues, unusedResponseColumns);
    // Columns of variables that do not exist in this edition: read by no one, said once.
    const absent = [...(this.plan?.absentColumns ?? [])].filter(([column]) => plan.position(column) >= 0);
    if (absent.length > 0) {
      const year = this.plan!.year;
      this.issues.warning({
        line,
        message: `${absent.length === 1 ? 'column' : 'columns'} ${quoteList(absent.map(([c]) => c))} ignored: ${absent.map(([, what]) => what).join(', ')} ${absent.length === 1 ? 'does' : 'do'} not exist in ${year} (see from, until or years in study.json)`,
        hint: `Nothing to do if the question was not asked in ${year}; if it was, correct its from, until or years in study.json.`,
      });
    }
    const at = new ResponsePositions(this.study, plan);
    const context: RowReaderContext = { rules: this.rules, positions: at, issues: this.issues, ids: this.ids, weights: this.weights, store: this.store };
    this.validating = new RowReader(context);
    this.inPlace = new InPlaceReader(context);
    this.bytes = new ByteRowReader(context, this.delimiter, this.encoding);
    this.at = at;
  }

  /** Grows the columns: with the text's length known, straight to the rows expected from the rows read so far. */
  private grow(): void {
    this.bytes?.flush();
    const total = this.expectedLength;
    const consumed = this.progress.consumed;
    const read = this.rows.read;
    const expected = total && consumed > 0 && read > 0 ? Math.ceil((total / consumed) * read * 1.02) + 16 : 0;
    this.store.grow(expected);
    // Only a file with ids registers them.
    if (this.at !== undefined && this.at.id >= 0) this.ids.reserve(expected);
  }

  /** The end of the rows: the file's closing checks and warnings, and the edition's data when the file is free of errors. */
  finish(scan: CsvScanResult, year: number, file: string): EditionData | undefined {
    const { issues, rows, study, store } = this;
    this.bytes?.flush();
    this.weights.finish(issues, study.columns.weight);
    const longAnswers = this.quotes?.lengthWarning(study.nps!.reason!);
    if (longAnswers) issues.warning(longAnswers);
    if (rows.read === 0) {
      issues.error({ line: this.headerLine, message: 'the file has a header but no data rows', hint: 'Export the responses with one row per respondent below the header.' });
    }
    if (scan.skippedEmptyLines.length > 0) {
      const lines = scan.skippedEmptyLines;
      issues.warning({
        line: lines[0],
        message: `skipped ${lines.length === 1 ? 'an empty line' : `${lines.length} empty lines`} between the rows (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', …' : ''})`,
        hint: 'Check that no respondents are missing there; remove the empty lines to silence this warning.',
      });
    }
    const repeats = this.repeats;
    if (repeats && repeats.repeats > 0) {
      const { repeats: count, examples } = repeats;
      const shown = examples.map(([l, first]) => `line ${l} repeats line ${first}`).join(', ');
      issues.warning({
        line: examples[0][0],
        message: `${count} ${count === 1 ? 'row repeats' : 'rows repeat'} an earlier row exactly${count === examples.length ? ':' : ', e.g.'} ${shown}; without an id column (columns.id) each counts as another respondent`,
        hint: 'If rows were exported twice, remove the repeats. If they are different respondents who answered alike, nothing needs to be done; an id column would tell them apart.',
      });
    }
    if (issues.errorCount > 0) return undefined;

    const n = rows.used;
    const fit = ColumnStore.fit;
    const items = new Map<string, ItemAnswers>();
    study.items.forEach((x, k) => items.set(x.id, { codes: fit(store.codes[k], n) }));
    const data: EditionData = {
      year,
      file,
      n,
      group: fit(store.group, n),
      weight: fit(store.weight, n),
      items,
      ...(store.nps ? { nps: fit(store.nps, n) } : {}),
      ...(this.quotes ? { quoteCandidates: this.quotes.result() } : {}),
      background: new Map(study.background.map((b, k) => [b.id, fit(store.background[k], n)])),
      rows,
    };
    dataWarnings(data, study, issues, this.plan?.groupExists);
    return this.plan ? widenToStudy(data, this.plan) : data;
  }
}

/**
 * Adds a row read from the bytes (by ByteRowReader, so its quotes are whole and on the line) to the repeated rows,
 * each field hashed as the text readers hash it: a quoted field's text between its quotes, a doubled quote in it
 * standing for one; a field with a byte of 128 or more as its text: decoded on the way from UTF-8 (`decode`
 * undefined), else by `decode` (Windows-1252's upper half).
 */
function hashRowBytes(repeats: RowRegistry, bytes: Uint8Array, from: number, end: number, delimiter: number, decode: ((from: number, to: number) => string) | undefined, line: number): void {
  repeats.begin();
  let i = from;
  for (;;) {
    let high = 0;
    if (i < end && bytes[i] === QUOTE) {
      let q = i + 1;
      let escaped = false;
      while (q < end) {
        const c = bytes[q];
        if (c === QUOTE) {
          if (bytes[q + 1] !== QUOTE) break;
          escaped = true;
          q += 2;
        } else {
          high |= c & 128;
          q++;
        }
      }
      if (escaped) repeats.field(decodeText(bytes, i + 1, q, decode).replaceAll('""', '"'));
      else hashField(repeats, bytes, i + 1, q, high, decode);
      i = q + 1;
    } else {
      let j = i;
      while (j < end && bytes[j] !== delimiter) high |= bytes[j++] & 128;
      hashField(repeats, bytes, i, j, high, decode);
      i = j;
    }
    // i is at the field's delimiter, or at the row's end.
    if (i >= end) break;
    i++;
  }
  repeats.end(line);
}

/** Adds the text of bytes[from, to) (no escaped quotes in it) to the row: as is in ASCII (`high` 0), else decoded. */
function hashField(repeats: RowRegistry, bytes: Uint8Array, from: number, to: number, high: number, decode: ((from: number, to: number) => string) | undefined): void {
  if (high === 0) repeats.fieldAt(bytes, from, to);
  else if (decode === undefined) repeats.fieldUtf8At(bytes, from, to);
  else repeats.field(decode(from, to));
}

/** bytes[from, to) as text: by `decode`, or as UTF-8 when it is undefined. */
function decodeText(bytes: Uint8Array, from: number, to: number, decode: ((from: number, to: number) => string) | undefined): string {
  return decode ? decode(from, to) : Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
}
