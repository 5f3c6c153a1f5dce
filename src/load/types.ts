/**
 * A problem found in the input. Errors stop the build; warnings are odd but legal.
 * `line` is the 1-based physical line in the file (the header is line 1).
 */
export interface InputIssue {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: string;
  value?: string;
  message: string;
  /** What the analyst should do about it. */
  hint?: string;
}

/** One item's answers: the scale value, or NaN when not a valid answer. */
export interface ItemAnswers {
  /** Scale value per respondent; NaN for can't-say and blank. */
  values: Float64Array;
  /** 1 where the answer was a can't-say code. Blank = NaN and not can't-say. */
  cantSay: Uint8Array;
}

/**
 * One edition's respondent-level data in compact columnar form: only what
 * estimation needs, one typed array per column.
 */
export interface EditionData {
  year: number;
  /** The file the data came from, as given to the loader (for messages). */
  file: string;
  /** Number of respondents (rows used). */
  n: number;
  /** Respondent ids, in file order. */
  ids: string[];
  /** Index into study.groups per respondent. */
  group: Uint16Array;
  /** Design weight per respondent (1 without a weight column). */
  weight: Float64Array;
  /** Answers per item id. */
  items: Map<string, ItemAnswers>;
  /** NPS answer 0–10 per respondent, NaN when not answered. */
  nps?: Float64Array;
  /** The open NPS reason per respondent ('' when none). */
  npsReason?: string[];
  /** Per background variable id: index into its values, -1 when missing. */
  background: Map<string, Int16Array>;
  /** Rows accounting: read = used + rejected. */
  rows: { read: number; used: number; rejected: number };
}

/** A benchmark row from the research bank. */
export interface BenchmarkRow {
  year: number;
  indicator: string;
  /** Group code, or undefined for the total. */
  group?: string;
  mean: number;
  sd?: number;
  n?: number;
}
