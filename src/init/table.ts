import type { ColumnProfile } from './column-profile.ts';

/** The formats a responses file may have. */
export type TableFormat = 'csv' | 'sav' | 'xlsx';

/** A responses file read for a draft: its columns summarised, and what could not be read. */
export interface TableRead {
  format: TableFormat;
  /** Data rows (cases) read. */
  rows: number;
  columns: ColumnProfile[];
  /** Why the file cannot be read at all (then `columns` is empty). */
  failure?: string;
  /** What was read oddly, for the report (rows skipped, a delimiter, an encoding). */
  notes: string[];
}
