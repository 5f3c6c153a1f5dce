/**
 * The same responses as a CSV, an SPSS file and an Excel workbook, for tests
 * that prove the three give the same data: a column whose values are all
 * numbers becomes a numeric variable (and numeric cells), any other a string
 * variable (and text cells).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type SavValue, type SavWriterOptions, type SavWriterVariable, writeSav } from './sav-writer.ts';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The header and rows of a CSV text. */
export function csvTable(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: header!, rows };
}

/** The variables of a table: numeric where every non-blank value is a number. */
export function savVariables(header: string[], rows: string[][], extra: Record<string, Partial<SavWriterVariable>> = {}): SavWriterVariable[] {
  const utf8 = new TextEncoder();
  return header.map((name, i) => {
    const values = rows.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
    const numeric = values.length > 0 && values.every((v) => NUMBER.test(v.trim()));
    const width = numeric ? 0 : Math.max(1, ...values.map((v) => utf8.encode(v).length));
    return { name, width: Math.min(255, width), ...extra[name] };
  });
}

/** A CSV text as a .sav file (blank numbers are system-missing). */
export function csvToSav(text: string, options: SavWriterOptions = {}, extra: Record<string, Partial<SavWriterVariable>> = {}): Uint8Array {
  const { header, rows } = csvTable(text);
  const variables = savVariables(header, rows, extra);
  const cases: SavValue[][] = rows.map((r) => variables.map((v, i) => (v.width === 0 ? ((r[i] ?? '').trim() === '' ? null : Number(r[i])) : (r[i] ?? ''))));
  return writeSav(variables, cases, options);
}

/** A CSV text as an .xlsx workbook: numbers as numeric cells, the rest as text, in a sheet of the given name (after `before` other sheets). */
export async function csvToXlsx(text: string, sheet = 'Sheet1', before: string[] = []): Promise<Uint8Array> {
  const { header, rows } = csvTable(text);
  const workbook = new ExcelJS.Workbook();
  for (const name of before) workbook.addWorksheet(name).addRow(['not', 'this', 'one']);
  const ws = workbook.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (v.trim() === '' ? null : NUMBER.test(v.trim()) ? Number(v) : v)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
