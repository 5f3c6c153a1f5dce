/**
 * The Excel download of an edition in one language: a cover sheet (the study, the
 * edition, its version and the method notes), then one sheet per chapter with every
 * table the site shows there, numbers stored as the rounded numbers shown.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { t } from '../i18n/index.ts';
import { aboutRows, reportSheets } from '../site/report-tables.ts';
import type { TableView } from '../site/tables.ts';
import { shownNumber } from './shown-number.ts';
import { repackOffice } from './zip-dates.ts';

/** The characters Excel refuses in a sheet's name, and its longest name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF1' } };
/** Printed, a sheet is as wide as the page. */
const PRINT_SETUP: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
const SUPPRESSED_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF5A5A5A' } };

/** Sheet names Excel accepts: no []:*?/\, at most 31 characters, each different (case aside). */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const base = title.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'|'$/g, '') || 'Sheet';
    let name = base.slice(0, SHEET_NAME_MAX).trim();
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, SHEET_NAME_MAX - String(k).length - 3).trim()} (${k})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The date the file says it was made: the edition's publication, or the build date of a draft. */
export function documentDate(model: ReportModel, edition: EditionModel): string {
  return edition.published ?? model.builtOn;
}

/** Writes a cell as the site shows it: a number with the format that shows it so, or the text itself. */
function putCell(cell: ExcelJS.Cell, text: string, lang: Lang, numeric: boolean, suppressed: boolean | undefined): void {
  const shown = numeric && !suppressed ? shownNumber(text, lang) : undefined;
  if (shown) {
    cell.value = shown.value;
    cell.numFmt = shown.format;
  } else {
    cell.value = text;
    if (numeric) cell.alignment = { horizontal: 'right' };
  }
  if (suppressed) cell.font = SUPPRESSED_FONT;
}

/** One table at `row`: its caption, header and rows; returns the row after it and its header row. */
function putTable(sheet: ExcelJS.Worksheet, row: number, table: TableView & { caption: string }, lang: Lang, widths: number[]): { next: number; header: number } {
  sheet.getCell(row, 1).value = table.caption;
  sheet.getCell(row, 1).font = { bold: true };
  const header = row + 1;
  table.head.forEach((text, c) => {
    const cell = sheet.getCell(header, c + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: table.numeric[c] ? 'right' : 'left', vertical: 'top', wrapText: true };
    widths[c] = Math.max(widths[c] ?? 0, Math.min(28, text.length + 2));
  });
  table.rows.forEach((cells, r) => {
    cells.forEach((x, c) => {
      putCell(sheet.getCell(header + 1 + r, c + 1), x.text, lang, table.numeric[c] ?? false, x.suppressed);
      widths[c] = Math.max(widths[c] ?? 0, Math.min(c === 0 ? 60 : 24, x.text.length + 2));
    });
  });
  return { next: header + table.rows.length + 2, header };
}

/** The workbook of an edition in `lang`, as the bytes of an .xlsx file; the same model gives the same bytes. */
export async function workbookBytes(model: ReportModel, edition: EditionModel, lang: Lang): Promise<Uint8Array> {
  const date = documentDate(model, edition);
  // Loaded when a workbook is made (a fifth of a second of CPU), not by every build that renders the pages.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = `${t(lang, 'ui.tool')} ${model.toolVersion}`;
  book.lastModifiedBy = book.creator;
  book.title = `${model.study.title[lang]} ${edition.year}`;
  book.company = model.study.organisation[lang];
  book.created = new Date(`${date}T00:00:00Z`);
  book.modified = book.created;

  const sheets = reportSheets(model, edition, lang);
  const names = sheetNames([t(lang, 'office.about'), ...sheets.map((s) => s.title)]);

  const about = aboutRows(model, edition, lang);
  const cover = book.addWorksheet(names[0]!, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT_SETUP });
  cover.getCell(1, 1).value = `${model.study.title[lang]} ${edition.year}`;
  cover.getCell(1, 1).font = { bold: true, size: 14 };
  let row = 3;
  for (const [label, value] of about.facts) {
    cover.getCell(row, 1).value = label;
    cover.getCell(row, 1).font = { bold: true };
    cover.getCell(row, 2).value = value;
    row++;
  }
  for (const block of about.notes) {
    row++;
    cover.getCell(row++, 1).value = block.heading;
    cover.getCell(row - 1, 1).font = { bold: true };
    for (const paragraph of block.paragraphs) {
      cover.getCell(row, 1).value = paragraph;
      cover.mergeCells(row, 1, row, 2);
      cover.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
      // A merged cell does not grow with its text: its height follows the paragraph's length.
      cover.getRow(row).height = 15 * Math.max(1, Math.ceil(paragraph.length / 100));
      row++;
    }
  }
  cover.getColumn(1).width = 34;
  cover.getColumn(2).width = 80;

  sheets.forEach((s, i) => {
    // A sheet of one table keeps its header in view; a sheet of several keeps its title.
    const sheet = book.addWorksheet(names[i + 1]!, { pageSetup: PRINT_SETUP });
    sheet.getCell(1, 1).value = s.title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    const widths: number[] = [];
    let at = 3;
    let firstHeader = 0;
    for (const table of s.tables) {
      const placed = putTable(sheet, at, table, lang, widths);
      firstHeader ||= placed.header;
      at = placed.next;
    }
    sheet.views = [{ state: 'frozen', ySplit: s.tables.length === 1 ? firstHeader : 1 }];
    widths.forEach((w, c) => {
      sheet.getColumn(c + 1).width = Math.max(8, w);
    });
  });

  // Stored, not deflated: repackOffice deflates once (natively).
  const buffer = await book.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Parameters<typeof book.xlsx.writeBuffer>[0]);
  return repackOffice(new Uint8Array(buffer as ArrayBuffer), date);
}
