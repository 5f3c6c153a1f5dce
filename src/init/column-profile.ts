/** Distinct values kept per column; a column with more is "many-valued" (not a code list). */
export const MAX_DISTINCT = 60;

/** What a file says about a column beyond its values: an SPSS variable's labels and missing values. */
export interface ColumnMeta {
  /** The variable label ('' without one). */
  label: string;
  /** Value labels by the value as text (numbers as SPSS shows them: 1, not 1.0). */
  valueLabels: Map<string, string>;
  /** User-missing values as declared (discrete values as text, and a range). */
  missing: { values: string[]; range?: [number, number] };
  /** Whether the file stores it as a number (SPSS numeric) rather than text; undefined when the file does not say. */
  numeric?: boolean;
}

/** A column of a responses file as the draft guesses from it: its name, metadata and a summary of its values. */
export interface ColumnProfile {
  name: string;
  meta: ColumnMeta;
  /** Rows of the file. */
  rows: number;
  /** Blank values (system-missing included). */
  blank: number;
  /** Values that are user-missing in the file (counted apart: they read as blank). */
  userMissing: number;
  /** Non-blank values that are numbers, and whole numbers. */
  numbers: number;
  integers: number;
  min: number;
  max: number;
  sum: number;
  /** Non-blank values by their count, while there are at most MAX_DISTINCT; undefined beyond. */
  distinct: Map<string, number> | undefined;
  /** Whether every non-blank value is different from the others. */
  unique: boolean;
  /** Longest value, and whether some value has white space in it. */
  longest: number;
  spaces: boolean;
}

export const emptyMeta = (): ColumnMeta => ({ label: '', valueLabels: new Map(), missing: { values: [] } });

// A number as a CSV writes one: decimal point or comma, no thousands separators.
const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/**
 * Summarises the columns of a table, row by row, in memory that does not
 * grow with the rows (but for the uniqueness check of a column, which stops
 * at the first repeat): the header first (`columns`), then `row()` each row's
 * values as text (blank for missing), with which of them are user-missing.
 */
export class TableProfiler {
  readonly profiles: ColumnProfile[];
  private readonly seen: (Set<string> | undefined)[];

  constructor(columns: readonly { name: string; meta?: ColumnMeta }[]) {
    this.profiles = columns.map((c) => ({
      name: c.name,
      meta: c.meta ?? emptyMeta(),
      rows: 0,
      blank: 0,
      userMissing: 0,
      numbers: 0,
      integers: 0,
      min: Number.POSITIVE_INFINITY,
      max: Number.NEGATIVE_INFINITY,
      sum: 0,
      distinct: new Map(),
      unique: true,
      longest: 0,
      spaces: false,
    }));
    this.seen = columns.map(() => new Set<string>());
  }

  /** One row: the values of the columns in order (missing ones blank); `missing[i]` when value i is user-missing. */
  row(values: readonly string[], missing?: readonly boolean[]): void {
    const profiles = this.profiles;
    for (let i = 0; i < profiles.length; i++) {
      const p = profiles[i];
      p.rows++;
      if (missing?.[i]) {
        p.userMissing++;
        p.blank++;
        continue;
      }
      const value = (values[i] ?? '').trim();
      if (value === '') {
        p.blank++;
        continue;
      }
      if (value.length > p.longest) p.longest = value.length;
      if (!p.spaces && /\s/.test(value)) p.spaces = true;
      if (NUMBER.test(value)) {
        const x = Number(value.replace(',', '.'));
        p.numbers++;
        if (Number.isInteger(x)) p.integers++;
        if (x < p.min) p.min = x;
        if (x > p.max) p.max = x;
        p.sum += x;
      }
      if (p.distinct) {
        p.distinct.set(value, (p.distinct.get(value) ?? 0) + 1);
        if (p.distinct.size > MAX_DISTINCT) p.distinct = undefined;
      }
      const seen = this.seen[i];
      if (seen) {
        if (seen.has(value)) {
          p.unique = false;
          this.seen[i] = undefined;
        } else seen.add(value);
      }
    }
  }
}

/** Non-blank values of a column. */
export const filled = (p: ColumnProfile): number => p.rows - p.blank;

/** Whether every non-blank value is a number (and there is one). */
export const allNumbers = (p: ColumnProfile): boolean => filled(p) > 0 && p.numbers === filled(p);

/** Whether every non-blank value is a whole number (and there is one). */
export const allIntegers = (p: ColumnProfile): boolean => filled(p) > 0 && p.integers === filled(p);

/** The distinct whole-number values of a column with their counts, or undefined when it has others or too many. */
export function integerCodes(p: ColumnProfile): Map<number, number> | undefined {
  if (!allIntegers(p) || !p.distinct) return undefined;
  const codes = new Map<number, number>();
  for (const [v, n] of p.distinct) {
    const x = Number(v.replace(',', '.'));
    codes.set(x, (codes.get(x) ?? 0) + n);
  }
  return codes;
}
