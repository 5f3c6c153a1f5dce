import { cellText } from '../load/xlsx-responses.ts';
import { TableProfiler } from './column-profile.ts';
import type { TableRead } from './table.ts';

/**
 * A worksheet given row by row (as ExcelJS's streaming reader gives it),
 * summarised column by column: the first row that is not empty is the
 * header, and the cells are read as the loader reads them (cellText).
 */
export class XlsxTable {
  private profiler: TableProfiler | undefined;
  private width = 0;
  private rows = 0;
  private readonly sheet: string;

  constructor(sheet: string) {
    this.sheet = sheet;
  }

  /** Row `values[1]` (column A) on. */
  row(values: readonly unknown[]): void {
    const texts = values.slice(1).map(cellText);
    if (!this.profiler) {
      if (texts.every((t) => t.trim() === '')) return;
      const names = texts.map((t) => t.trim());
      while (names.length > 0 && names[names.length - 1] === '') names.pop();
      this.width = names.length;
      this.profiler = new TableProfiler(names.map((name) => ({ name })));
      return;
    }
    if (texts.every((t) => t.trim() === '')) return;
    this.rows++;
    this.profiler.row(texts.slice(0, this.width));
  }

  end(): TableRead {
    const notes = [`the responses are the sheet "${this.sheet}"`];
    if (!this.profiler) return { format: 'xlsx', rows: 0, columns: [], notes, failure: `the sheet "${this.sheet}" is empty` };
    return { format: 'xlsx', rows: this.rows, columns: this.profiler.profiles, notes };
  }
}
