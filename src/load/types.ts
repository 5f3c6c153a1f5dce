/**
 * A problem found in the input. Errors stop the build; warnings are odd but legal.
 * `line` is the 1-based physical line in the file (the header is line 1).
 */
export type { InputIssue } from '../issues/input-issue.ts';

export { BLANK, CANT_SAY, MAX_SCALE_POINTS } from '../study/answer-codes.ts';

/**
 * One item's answers, one byte per respondent: BLANK (0) when not answered,
 * CANT_SAY (255) for a can't-say code, otherwise 1 + (answer − scale.min), so
 * on a 1–5 scale the code is the answer. Only codes 1 … points are valid
 * answers; answerValues() turns them back into scale values.
 */
export interface ItemAnswers {
  codes: Uint8Array;
}

/**
 * One edition's respondent-level data in compact columnar form: only what
 * estimation needs, one typed array per column (about 1 byte per item and
 * 16 bytes more per respondent).
 */
export interface EditionData {
  year: number;
  /** The file the data came from, as given to the loader (for messages). */
  file: string;
  /** Number of respondents (rows used). */
  n: number;
  /** Index into study.groups per respondent. */
  group: Uint16Array;
  /** Design weight per respondent (1 without a weight column). */
  weight: Float64Array;
  /** Answers per item id. */
  items: Map<string, ItemAnswers>;
  /** NPS answer 0–10 per respondent, -1 when not answered. */
  nps?: Int8Array;
  /**
   * The open answers that may be published as quotes, per group (index into
   * study.groups), in respondent-id order: at most nps.quotes.perGroup
   * non-empty (trimmed) answers per group, those whose respondent ids have the
   * smallest quoteRank (see QuoteSampler) — the same whatever the row order.
   * Kept by the loader only when the study publishes quotes
   * (study.nps.quotes.publish); otherwise undefined.
   */
  quoteCandidates?: QuoteCandidate[][];
  /** Per background variable id: index into its values, -1 when missing. */
  background: Map<string, Int16Array>;
  /** Rows accounting: read = used + rejected. */
  rows: { read: number; used: number; rejected: number };
}

/** An open answer that may be published as a quote, with its respondent's id. */
export interface QuoteCandidate {
  id: string;
  text: string;
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
