import { type CodeUnits, unitAt } from './hash.ts';
// Unambiguous, so that a long run of digits cannot make the match backtrack quadratically.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/**
 * Reads a number the way a spreadsheet export writes it: surrounding spaces
 * are ignored; with `decimalComma` also "1,25". NaN when it is not a number
 * (thousands separators, "Infinity", "1e" and the like are not numbers).
 */
export function parseNumber(raw: string, decimalComma: boolean): number {
  let s = raw.trim();
  if (decimalComma && DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  return NUMBER.test(s) ? Number(s) : NaN;
}

/** A field that is a plain non-negative integer of one or two digits, as a number; else -1. */
export function smallInt(s: string): number {
  const n = s.length;
  if (n === 1) {
    const a = s.charCodeAt(0) - 48;
    return a >= 0 && a <= 9 ? a : -1;
  }
  if (n === 2) {
    const a = s.charCodeAt(0) - 48;
    const b = s.charCodeAt(1) - 48;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  }
  return -1;
}

/** Exact powers of ten. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads a plain decimal in place: text[from, to) as a number when it is
 * digits, or digits, a point or comma and digits, with at most 15 digits in
 * all, the way parseNumber reads it with a decimal comma (both the digits and
 * the power of ten are exact, so the one division is Number's correctly
 * rounded value); else NaN. After a number, `mark` is the offset of its point
 * or comma, or -1 when it had none.
 */
export class PlainDecimalReader {
  /** The offset of the point or comma of the number read last, or -1 when it had none. */
  mark = -1;

  read(text: CodeUnits, from: number, to: number): number {
    if (to <= from) return NaN;
    let m = 0;
    let digits = 0;
    let point = -1;
    for (let i = from; i < to; i++) {
      const d = unitAt(text, i) - 48;
      if (d >= 0 && d <= 9) {
        m = m * 10 + d;
        digits++;
      } else if ((d === -2 || d === -4) && point < 0 && i > from && i < to - 1) point = i;
      else return NaN;
    }
    if (digits > 15) return NaN;
    this.mark = point;
    return point < 0 ? m : m / POW10[to - 1 - point];
  }
}
