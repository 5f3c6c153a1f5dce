import type { Study } from '../study/schema.ts';
import { IssueList } from './issue-list.ts';
import { placeList } from './message-text.ts';
import type { ParseResponsesOptions, ParseResponsesResult } from './parse-responses.ts';
import { ResponseRows } from './response-rows.ts';
import { scaleIssue } from './row-rules.ts';
import { SavCases } from './sav-cases.ts';
import { SavFormatError, SavHeadReader, type SavDictionary, type SavVariable } from './sav-dictionary.ts';

/** Numbers 0–99 as text, made once: most values of a survey are these. */
const SMALL = Array.from({ length: 100 }, (_, i) => String(i));

/**
 * A number as SPSS shows it in a text field, so that ids and codes read as
 * in a CSV export: whole numbers without a decimal part ("1001", not
 * "1001.0"), others in the shortest form that reads back the same.
 */
export function savNumberText(v: number): string {
  if (v >= 0 && v < 100 && Number.isInteger(v)) return SMALL[v];
  return String(v);
}

/** Whether a value is one of a variable's user-missing values (discrete or in the range). */
export function userMissing(v: SavVariable, value: number | string): boolean {
  const { values, range } = v.missing;
  if (range && typeof value === 'number' && value >= range[0] && value <= range[1]) return true;
  for (let i = 0; i < values.length; i++) if (values[i] === value) return true;
  return false;
}

/**
 * Parses one edition's responses.sav (an SPSS system file) against the study
 * definition, from its bytes given in pieces: push() each, then end(). The
 * variables are the columns (by their long names) and each case a row, read
 * by the same row readers as responses.csv, so the checks and messages are
 * the same; a message names its case and variable instead of a line and
 * column, and quotes the value label of a value it refuses. System-missing
 * and user-missing values (discrete and ranges) are blank, "not answered";
 * numbers become text as SPSS shows them (savNumberText). Only the
 * dictionary and one case are held at a time.
 */
export class SavResponsesParser {
  private readonly file: string;
  private readonly year: number;
  private readonly study: Study;
  private readonly options: ParseResponsesOptions;
  private readonly issues: IssueList;
  private readonly head = new SavHeadReader();
  private dict: SavDictionary | undefined;
  private cases: SavCases | undefined;
  private rows: ResponseRows | undefined;
  private failed = false;
  private bytes = 0;

  constructor(file: string, year: number, study: Study, options: ParseResponsesOptions = {}) {
    this.file = file;
    this.year = year;
    this.study = study;
    this.options = options;
    this.issues = new IssueList(file, options.maxErrors ?? 50);
  }

  /** Reads the next piece of the file's bytes. */
  push(piece: Uint8Array): void {
    if (this.failed) return;
    this.bytes += piece.length;
    if (this.cases) {
      this.cases.push(piece);
      return;
    }
    let found: ReturnType<SavHeadReader['push']>;
    try {
      found = this.head.push(piece);
    } catch (error) {
      if (!(error instanceof SavFormatError)) throw error;
      this.refuse(error.message);
      return;
    }
    if (!found) return;
    this.start(found.dict);
    this.cases!.push(found.data);
  }

  /** Reads the rest and returns the result. */
  end(): ParseResponsesResult {
    const issues = this.issues;
    if (!this.failed && !this.cases) {
      if (this.bytes === 0) issues.error({ message: 'the file is empty', hint: 'Save the responses from SPSS again (File › Save As, SPSS Statistics .sav).' });
      else this.refuse('the file ends before its dictionary (the list of variables) does');
    }
    const rows = this.rows;
    const cases = this.cases;
    if (this.failed || !rows || !cases) return { issues: issues.all(), rows: { read: 0, used: 0, rejected: 0 } };
    const { partial } = cases.end();
    const stated = this.dict!.cases;
    if (partial || (stated >= 0 && cases.count < stated)) {
      issues.error({
        message: `the file ends in the middle of its data: ${cases.count} complete cases${stated >= 0 ? ` of the ${stated} its header states` : ''}`,
        hint: 'The file was cut short (a copy or download that did not finish): save or copy it again.',
      });
    }
    const data = rows.finish({ skippedEmptyLines: [] }, this.year, this.file);
    return { ...(data ? { data } : {}), issues: issues.all(), rows: rows.rows };
  }

  private refuse(message: string): void {
    this.failed = true;
    this.issues.error({ message, hint: 'Save the responses from SPSS or PSPP as an uncompressed or compressed .sav (not .zsav), or export them as responses.csv.' });
  }

  /** Sets up the row readers once the dictionary is known: its variables are the header. */
  private start(dict: SavDictionary): void {
    this.dict = dict;
    const { study, issues, options } = this;
    const scale = scaleIssue(study);
    if (scale) issues.error(scale);
    const variables = dict.variables;
    const byName = new Map(variables.map((v) => [v.name, v]));
    issues.placed = (issue) => {
      const { line, column } = issue;
      if (line === undefined) return column === undefined ? issue : { ...issue, place: `variable "${column}"` };
      const v = column === undefined ? undefined : byName.get(column);
      const label = v && issue.value !== undefined ? (v.width === 0 ? v.labels.get(Number(issue.value)) : v.labels.get(issue.value)) : undefined;
      let message = label === undefined ? issue.message : issue.message.replace(`value "${issue.value}"`, `value "${issue.value}" (labelled "${label}")`);
      // The row readers name an earlier row by its line; here a line is a case.
      message = message.replace(/\bas on line (\d+)/, 'as in case $1');
      const { line: _, ...rest } = issue;
      if (line === 0) return { ...rest, message, place: column === undefined ? 'the variables' : `variable "${column}"` };
      return { ...rest, line, message, place: column === undefined ? `case ${line}` : `case ${line}, variable "${column}"` };
    };
    issues.grouped = (column, lines, more) => {
      const v = column === undefined ? undefined : byName.get(column);
      const value = (text: string) => {
        const label = v === undefined ? undefined : v.width === 0 ? v.labels.get(Number(text)) : v.labels.get(text);
        return label === undefined ? `"${text}"` : `"${text}" (labelled "${label}")`;
      };
      return { ...(column !== undefined ? { place: `variable "${column}"` } : {}), rows: `cases ${placeList(lines.map(String), more)}`, value };
    };
    const expected = dict.cases > 0 ? dict.cases : undefined;
    const progress = { consumed: 0 };
    const rows = new ResponseRows(study, issues, ',', {
      year: this.year,
      ...(expected ? { expectedLength: expected } : {}),
      ...(options.onProgress && expected ? { onProgress: () => options.onProgress!(Math.min(1, progress.consumed / expected)) } : {}),
    });
    rows.follow(progress);
    rows.onRow(
      variables.map((v) => v.name),
      0,
      undefined,
    );
    this.rows = rows;

    // Only the variables the study reads are turned into text; the others stay blank.
    const wanted = new Set(rows.wanted.map((w) => w.column));
    const read = variables.map((v, i) => (wanted.has(v.name) ? i : -1)).filter((i) => i >= 0);
    const fields: string[] = variables.map(() => '');
    const decoder = new TextDecoder(dict.encoding);
    const { sysmis, littleEndian } = dict;
    const cases = new SavCases(dict, (number) => {
      const view = cases.view;
      const numbers = cases.numbers;
      for (let k = 0; k < read.length; k++) {
        const i = read[k];
        const v = variables[i];
        let text = '';
        if (v.width === 0) {
          const d = numbers ? numbers[v.segments[0].slot] : view.getFloat64(v.segments[0].slot * 8, littleEndian);
          if (d !== sysmis && !Number.isNaN(d) && !userMissing(v, d)) text = savNumberText(d);
        } else {
          text = stringValue(latin, v, decoder);
          if (v.missing.values.length > 0 && userMissing(v, text)) text = '';
        }
        fields[i] = text;
      }
      progress.consumed = number;
      rows.onRow(fields, number, undefined);
    });
    const latin = Buffer.from(cases.bytes.buffer, cases.bytes.byteOffset, cases.bytes.byteLength);
    this.cases = cases;
  }
}

/** A string variable's value: its segments' bytes joined, trailing spaces removed. */
export function stringValue(bytes: Buffer, v: SavVariable, decoder: TextDecoder): string {
  const segments = v.segments;
  let raw: Buffer;
  let from = 0;
  let end: number;
  if (segments.length === 1) {
    raw = bytes;
    from = segments[0].slot * 8;
    end = from + Math.min(v.width, segments[0].bytes);
  } else {
    raw = Buffer.alloc(v.width);
    let at = 0;
    for (const s of segments) {
      const take = Math.min(s.bytes, v.width - at);
      raw.set(bytes.subarray(s.slot * 8, s.slot * 8 + take), at);
      at += take;
      if (at >= v.width) break;
    }
    end = raw.length;
  }
  while (end > from && (raw[end - 1] === 32 || raw[end - 1] === 0)) end--;
  if (end === from) return '';
  for (let i = from; i < end; i++) if (raw[i] >= 128) return decoder.decode(raw.subarray(from, end));
  // ASCII, the common case: Latin-1 decoding is the same and native.
  return raw.toString('latin1', from, end);
}
