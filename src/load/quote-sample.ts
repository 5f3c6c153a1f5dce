import type { InputIssue, QuoteCandidate } from './types.ts';
import { type CodeUnits, hashText, unitsText } from './hash.ts';

/**
 * Longest open answer (in UTF-16 code units, after trimming) considered for
 * publication as a quote. A longer answer is left out, never cut (a cut quote
 * could say something its writer did not), and counted for one warning per
 * column (QuoteSampler.lengthWarning). It also bounds the work of redaction.
 */
export const MAX_QUOTE_LENGTH = 2000;

/** How many line numbers of over-long answers a warning lists. */
const EXAMPLE_LINES = 5;

/**
 * A respondent id's rank for quote selection: a 32-bit hash (FNV-1a over the
 * UTF-16 code units with the murmur3 finaliser), so the ranks of similar ids
 * (r1, r2, …) are spread evenly and unrelated to the row order or the answers.
 */
export function quoteRank(id: string): number {
  return hashText(id, 0, id.length);
}

/** Whether candidate a (rank ra) comes before b (rank rb): by rank, then by id. */
function before(ra: number, a: string, rb: number, b: string): boolean {
  return ra < rb || (ra === rb && a < b);
}

/**
 * Picks the open answers that may be published as quotes while the rows go
 * by: per group, the `perGroup` non-empty answers whose respondent ids have
 * the smallest quoteRank (ties by id). A stable, order-independent choice
 * (the same data gives the same quotes however its rows are ordered) that is
 * a uniform random sample of the group's answers as far as the hash is
 * concerned, in O(groups × perGroup) memory: nothing is kept per row.
 */
export class QuoteSampler {
  private readonly k: number;
  private readonly maxLength: number;
  /** Per group: the kept candidates and their ranks, in rank order. */
  private readonly kept: { rank: number; id: string; text: string }[][];
  /** Answers left out for their length: how many, and the first lines where they are. */
  private readonly tooLong = { count: 0, lines: [] as number[] };

  /** Answers longer than maxLength (MAX_QUOTE_LENGTH unless given) are left out and counted. */
  constructor(groups: number, perGroup: number, maxLength = MAX_QUOTE_LENGTH) {
    this.k = Math.max(0, Math.floor(perGroup));
    this.maxLength = maxLength;
    this.kept = Array.from({ length: groups }, () => []);
  }

  /**
   * Offers respondent `id`'s answer `text` (already trimmed; empty answers are
   * ignored) in group g, from line `line` of the file when known. An answer
   * longer than the maximum is not considered, whatever its rank.
   */
  offer(g: number, id: string, text: string, line?: number): void {
    if (text === '' || this.k === 0) return;
    if (text.length > this.maxLength) {
      this.countTooLong(line);
      return;
    }
    const list = this.kept[g];
    if (list === undefined) return;
    const rank = quoteRank(id);
    if (list.length === this.k) {
      const last = list[this.k - 1];
      if (!before(rank, id, last.rank, last.id)) return;
      list.pop();
    }
    let at = list.length;
    while (at > 0 && before(rank, id, list[at - 1].rank, list[at - 1].id)) at--;
    // Copies, so that no kept string holds on to the text it was cut from.
    list.splice(at, 0, { rank, id: copy(id), text: copy(text) });
  }

  /**
   * offer for the id text[idFrom, idTo) (already trimmed) and the answer
   * text[from, to) (to be trimmed), read in place: strings are cut only for
   * an answer that may be kept. `answer` cuts the answer's text (the
   * default, from `text`; from a file's bytes it decodes them: their length
   * is then at least the text's, so the length check still holds).
   */
  offerAt(g: number, text: CodeUnits, idFrom: number, idTo: number, from: number, to: number, line?: number, answer: (from: number, to: number) => string = (f, t) => unitsText(text, f, t)): void {
    if (from === to || this.k === 0) return;
    if (to - from > this.maxLength && answer(from, to).trim().length > this.maxLength) {
      this.countTooLong(line);
      return;
    }
    const list = this.kept[g];
    if (list === undefined) return;
    if (list.length === this.k && hashText(text, idFrom, idTo) > list[this.k - 1].rank) return;
    this.offer(g, unitsText(text, idFrom, idTo), answer(from, to).trim(), line);
  }

  private countTooLong(line: number | undefined): void {
    this.tooLong.count++;
    if (line !== undefined && this.tooLong.lines.length < EXAMPLE_LINES) this.tooLong.lines.push(line);
  }

  /**
   * One warning for all the answers in `column` left out for their length
   * (with their count and the first lines), or undefined when there were none.
   * The answers themselves are not quoted in it: they may hold personal data.
   */
  lengthWarning(column: string): Omit<InputIssue, 'severity' | 'file'> | undefined {
    const { count, lines } = this.tooLong;
    if (count === 0) return undefined;
    const max = this.maxLength.toLocaleString('en-US');
    const where = lines.length === 0 ? '' : ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? ', …' : ''})`;
    return {
      ...(lines.length > 0 ? { line: lines[0] } : {}),
      column,
      message: `${count === 1 ? 'an open answer is' : `${count} open answers are`} longer than ${max} characters and not considered for quotes${where}`,
      hint: `Answers this long are left out of the published quotes. If the column should not hold them, look for a missing closing quote that joins many fields into one.`,
    };
  }

  /** The kept candidates per group, in respondent-id order. */
  result(): QuoteCandidate[][] {
    return this.kept.map((list) => list.map(({ id, text }) => ({ id, text })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from
 * (V8 keeps a long substring as a slice of its parent, which would keep every
 * piece of the file alive).
 */
function copy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
