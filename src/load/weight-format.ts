import { type CodeUnits, unitAt, unitsText } from './hash.ts';
import type { IssueList, Repeat } from './issue-list.ts';

/**
 * Thousands separators in weights. Within one weights column:
 *
 * - A weight whose whole part is cut into groups of three digits by commas,
 *   points, spaces (also non-breaking ones) or apostrophes in a way that can
 *   only be grouping — two or more separators ("1.371.000", "12,345,678",
 *   "1 371 000"), a space or an apostrophe ("1 371", "1'371"), or a
 *   separator and then the other decimal mark ("1,371.5", "1.371,5") — is an
 *   error (see groupedWeight).
 * - A weight of one to three digits (not starting with 0), one comma or point
 *   and exactly three digits ("1,371", "1.000") could be either a decimal
 *   mark or a thousands separator. It is read as a decimal mark (1.371) when
 *   another weight of the column shows that mark as a decimal one — before
 *   other than three digits or after a 0 ("0,862", "1,5", "2,4567") — or when
 *   every weight of the column is written that way (the two readings then
 *   differ by a factor of 1000 only, which changes no estimate). Otherwise
 *   each such weight is an error: "862" next to "1,371" cannot be told from
 *   862 and 1371.
 */
export class WeightFormats {
  /** Valid weights seen. */
  total = 0;
  /** Per mark (0 comma, 1 point): whether a weight shows it as a decimal mark. */
  private readonly decimal = [false, false];
  /** Per mark: how many ambiguous weights, and the first lines and values (as many as are listed). */
  private readonly ambiguous = [
    { count: 0, lines: [] as number[], values: [] as string[] },
    { count: 0, lines: [] as number[], values: [] as string[] },
  ];
  private readonly keep: number;

  constructor(keep: number) {
    this.keep = keep;
  }

  /**
   * Notes a valid weight written text[from, to) with its decimal mark at
   * `mark` (-1 without one): digits, or digits, a mark and digits. The
   * caller counts it in `total`.
   */
  noteAt(text: CodeUnits, from: number, to: number, mark: number, line: number): void {
    if (mark < 0) return;
    const m = unitAt(text, mark) === 44 ? 0 : 1;
    if (to - mark - 1 === 3 && mark - from <= 3 && mark > from && unitAt(text, from) !== 48) this.addAmbiguous(m, unitsText(text, from, to), line);
    else this.decimal[m] = true;
  }

  /** Notes a valid weight as written (trimmed). */
  note(raw: string, line: number): void {
    this.total++;
    const s = raw.charCodeAt(0) === 43 ? raw.slice(1) : raw; // a leading "+"
    const m = DECIMAL.exec(s);
    if (m) this.noteAt(s, 0, s.length, m[1].length, line);
  }

  private addAmbiguous(m: number, value: string, line: number): void {
    const a = this.ambiguous[m];
    a.count++;
    if (a.lines.length < this.keep) {
      a.lines.push(line);
      a.values.push(value);
    }
  }

  /** Adds the errors of the ambiguous weights that cannot be read (see the class). */
  finish(issues: IssueList, column: string | undefined): void {
    for (const m of [0, 1]) {
      const a = this.ambiguous[m];
      if (a.count === 0 || this.decimal[m] || a.count === this.total) continue;
      const [sign, mark, example] = m === 0 ? [',', 'comma', '0,862 or 1,5'] : ['.', 'point', '0.862 or 1.5'];
      const repeat: Repeat = {
        key: `ambiguous-${mark}`,
        many: `weights match the thousands-separator pattern 1${sign}234 (a ${mark} before the last three digits), so each may mean thousands as well as decimals; no other weight in the column shows a decimal ${mark} (like ${example})`,
      };
      a.lines.forEach((line, k) => {
        const value = a.values[k];
        const [whole, decimals] = value.split(sign);
        issues.error(
          {
            line,
            column,
            value,
            message:
              `value "${value}" matches the thousands-separator pattern 1${sign}234 (a ${mark} before the last three digits), so it may mean ${whole}${decimals} as well as ${whole}.${decimals}; ` +
              `no other weight in the column shows a decimal ${mark} (like ${example})`,
            hint: `Export the weights without thousands separators (${whole}${decimals}, not ${value}); three digits after a ${mark} are read as decimals only when another weight in the column shows a decimal ${mark}.`,
          },
          repeat,
        );
      });
      issues.unlisted(a.count - a.lines.length, column, repeat);
    }
  }
}

/** A decimal number with a comma or point (the whole part may be empty). */
const DECIMAL = /^(\d*)[,.]\d+$/;

// A number whose whole part is cut into groups of three by one kind of separator, then perhaps a decimal part.
const GROUPED = /^[+-]?[1-9]\d{0,2}([,.' \u00a0\u202f])\d{3}((?:\1\d{3})*)(?:([.,])\d+)?$/;

const SEPARATOR_NAMES: Record<string, [string, string]> = {
  ',': ['commas', '1,234,567'],
  '.': ['points', '1.234.567'],
  ' ': ['spaces', '1 234 567'],
  '\u00a0': ['non-breaking spaces', '1 234 567'],
  '\u202f': ['narrow non-breaking spaces', '1 234 567'],
  "'": ['apostrophes', "1'234'567"],
};

/**
 * The error of a weight (trimmed; not a number as written) whose
 * whole part can only be cut into groups of three digits by a thousands
 * separator ("1 371", "1.371.000", "12,345,678", "1,371.5"), or undefined.
 * A single comma or point before three digits is a number, and is not
 * matched here (see WeightFormats).
 */
export function groupedWeight(raw: string): { message: string; repeat: Repeat } | undefined {
  const m = GROUPED.exec(raw);
  if (!m) return undefined;
  const separator = m[1];
  const decimalMark = m[3];
  if (decimalMark === separator) return undefined;
  // "1,371" or "1.371" alone is a number (not NaN), and never reaches here.
  const [name, pattern] = SEPARATOR_NAMES[separator];
  const what = `written with thousands separators (the pattern ${pattern}: digits in groups of three between ${name}); weights are read without them`;
  return { message: `value "${raw}" is ${what}`, repeat: { key: `grouped-${name}`, many: `weights are ${what}` } };
}

/** The hint for a weight with thousands separators. */
export const GROUPED_HINT = 'Export the weights without thousands separators (as plain numbers such as 1371 or 1.371), then run the check again.';
