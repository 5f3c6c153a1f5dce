import type { Study } from '../study/schema.ts';
import { IssueList } from './issue-list.ts';
import { placeList } from './message-text.ts';
import type { ParseResponsesOptions, ParseResponsesResult } from './parse-responses.ts';
import { ResponseRows } from './response-rows.ts';
import { scaleIssue } from './row-rules.ts';
import { savNumberText } from './sav-responses.ts';

/** A column's letters as a workbook names it: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * A cell's value as the text a CSV export of it would hold: numbers as
 * numbers are shown without a needless decimal part (1001, 4, 0.75), text as
 * it is (so text that looks like a number is read as in a CSV), a formula by
 * its result, rich text by its characters, an error by its code (#N/A),
 * TRUE/FALSE, and a date by its ISO form.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return savNumberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.error !== undefined) return v.error;
    if (v.formula !== undefined || v.sharedFormula !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value);
}

/**
 * Parses one edition's responses.xlsx sheet against the study definition,
 * row by row as the workbook is read: row() each row with its number and
 * its cells' values (index 1 is column A), then end(). The first row that is
 * not empty is the header; each row after it is read by the same row readers
 * as responses.csv, so the checks and messages are the same, with the place
 * named as the workbook names it (`sheet "Data" cell D57`). Empty rows are
 * skipped with the CSV's warning. Nothing but the current row is held.
 */
export class XlsxResponsesParser {
  private readonly file: string;
  private readonly year: number;
  private readonly issues: IssueList;
  private readonly rows: ResponseRows;
  private width = 0;
  private lastRow = 0;
  /** The last row that is not empty. */
  private lastData = 0;
  private readonly skipped: number[] = [];
  private fields: string[] = [];

  constructor(file: string, year: number, study: Study, sheet: string, options: Pick<ParseResponsesOptions, 'maxErrors'> = {}) {
    this.file = file;
    this.year = year;
    this.issues = new IssueList(file, options.maxErrors ?? 50);
    const scale = scaleIssue(study);
    if (scale) this.issues.error(scale);
    this.rows = new ResponseRows(study, this.issues, ',', { year });
    const positions = new Map<string, number>();
    const inSheet = `sheet "${sheet}"`;
    this.issues.placed = (issue) => {
      const { line, column } = issue;
      if (line === undefined) return issue;
      const at = column === undefined ? undefined : positions.get(column);
      const place = at === undefined ? `${inSheet} row ${line}` : `${inSheet} cell ${columnLetters(at)}${line} (column "${column}")`;
      return { ...issue, place };
    };
    this.issues.grouped = (column, lines, more) => {
      const at = column === undefined ? undefined : positions.get(column);
      if (at === undefined) return { place: column === undefined ? inSheet : `${inSheet} column "${column}"`, rows: `rows ${placeList(lines.map(String), more)}` };
      const letters = columnLetters(at);
      return {
        place: `${inSheet} column ${letters} ("${column}")`,
        rows: `cells ${placeList(
          lines.map((l) => `${letters}${l}`),
          more,
        )}`,
      };
    };
    this.setHeader = (names) => names.forEach((n, i) => n !== '' && !positions.has(n) && positions.set(n, i + 1));
  }

  private readonly setHeader: (names: string[]) => void;

  /**
   * Reads the row numbered `number` (1-based, as the sheet numbers it) whose
   * cells' values are `values[1]` (column A) on.
   */
  row(number: number, values: readonly unknown[]): void {
    const empty = values.every((v) => cellText(v).trim() === '');
    if (this.width === 0) {
      if (empty) return;
      const names = Array.from({ length: values.length - 1 }, (_, i) => cellText(values[i + 1]).trim());
      while (names.length > 0 && names[names.length - 1] === '') names.pop();
      this.width = names.length;
      this.fields = names.map(() => '');
      this.lastRow = number;
      this.lastData = number;
      this.setHeader(names);
      this.rows.onRow(names, number, undefined);
      return;
    }
    for (let r = this.lastRow + 1; r < number; r++) this.skipped.push(r);
    this.lastRow = number;
    if (empty) {
      this.skipped.push(number);
      return;
    }
    this.lastData = number;
    // A value beyond the header's last named column belongs to no column.
    for (let c = this.width + 1; c < values.length; c++) {
      const text = cellText(values[c]).trim();
      if (text === '') continue;
      this.issues.error({
        line: number,
        value: text,
        message: `cell ${columnLetters(c)}${number} holds "${text}" but its column has no name in the header row`,
        hint: 'Name the column in the header row, or clear the cell.',
      });
      this.rows.rows.read++;
      this.rows.rows.rejected++;
      return;
    }
    const fields = this.fields;
    for (let i = 0; i < this.width; i++) fields[i] = cellText(values[i + 1]);
    this.rows.onRow(fields, number, undefined);
  }

  /** The result, once every row has been given. */
  end(): ParseResponsesResult {
    if (this.width === 0) {
      this.issues.error({ message: 'the sheet is empty', hint: 'Put a header row of column names and one row per respondent in the sheet.' });
      return { issues: this.issues.all(), rows: { read: 0, used: 0, rejected: 0 } };
    }
    // Empty rows at the end are not listed, as in a CSV.
    const last = this.lastData;
    const skipped = this.skipped.filter((r) => r < last);
    const data = this.rows.finish({ skippedEmptyLines: skipped }, this.year, this.file);
    return { ...(data ? { data } : {}), issues: this.issues.all(), rows: this.rows.rows };
  }
}
