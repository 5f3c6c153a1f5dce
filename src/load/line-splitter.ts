import type { Delimiter } from './delimiter.ts';

/**
 * Splits a line whose quoted fields all close on it into fields, as
 * papaparse splits it, without cutting a string: after split(), field k is
 * text[starts[k], ends[k]), firsts[k] its first character's code (−1 when
 * empty), and escapes[k] says whether it holds an escaped quote ("" for ").
 * A line it cannot split (see split) is left to papaparse by CsvScanner.
 */
export class LineSplitter {
  private readonly delimiterCode: number;
  /** The fields of the line last split (the arrays grow with the fields found, not with the line's length). */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  firsts = new Int32Array(64);
  escapes = new Uint8Array(64);
  /** Whether a field of the line last split has an escaped quote. */
  escaped = false;

  constructor(delimiter: Delimiter) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * Splits the line text[pos, nl) into fields (starts, ends, escapes) the way
   * papaparse does when every quoted field closes on the line: a field that
   * starts with a quote runs to the quote followed by the delimiter or the
   * line end, "" in it being one quote; any other field runs to the next
   * delimiter, quotes and all. Returns the number of fields, or -1 when the
   * line is not that simple (a quote not closed on the line, or followed by
   * something else; or any quoted field on a last line without a newline).
   */
  split(text: string, pos: number, nl: number, lastLine: boolean): number {
    const delimiterCode = this.delimiterCode;
    // The field arrays grow with the fields found, not with the line's length.
    let starts = this.starts;
    let ends = this.ends;
    let firsts = this.firsts;
    let escapes = this.escapes;
    let count = 0;
    let i = pos;
    this.escaped = false;
    for (;;) {
      if (count === starts.length) {
        this.growFields();
        starts = this.starts;
        ends = this.ends;
        firsts = this.firsts;
        escapes = this.escapes;
      }
      let c = i < nl ? text.charCodeAt(i) : -1;
      if (c === 34) {
        if (lastLine) return -1;
        let j = i + 1;
        let escaped = 0;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0 || q >= nl) return -1;
          const next = text.charCodeAt(q + 1);
          if (next === 34) {
            escaped = 1;
            j = q + 2;
            continue;
          }
          if (q + 1 !== nl && next !== delimiterCode) return -1;
          starts[count] = i + 1;
          ends[count] = q;
          firsts[count] = q > i + 1 ? text.charCodeAt(i + 1) : -1;
          escapes[count] = escaped;
          if (escaped) this.escaped = true;
          count++;
          i = q + 2;
          break;
        }
        if (i > nl) return count;
        continue;
      }
      starts[count] = i;
      firsts[count] = c === delimiterCode ? -1 : c;
      escapes[count] = 0;
      // The field runs to the next delimiter or the line end.
      while (c !== delimiterCode && c !== -1) c = ++i < nl ? text.charCodeAt(i) : -1;
      ends[count] = i;
      count++;
      if (c === -1) return count;
      i++;
    }
  }

  private growFields(): void {
    const size = this.starts.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.firsts = grow(this.firsts);
    this.escapes = grow(this.escapes);
  }

  /** The fields of the line last split, as strings. */
  fields(text: string, count: number): string[] {
    const fields = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      const f = text.slice(this.starts[k], this.ends[k]);
      fields[k] = this.escapes[k] ? f.replace(/""/g, '"') : f;
    }
    return fields;
  }
}
