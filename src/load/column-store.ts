type Column = Uint8Array | Int8Array | Uint16Array | Int16Array | Float64Array;

/** A copy of a column in a new array of `size` elements. */
function resized<T extends Column>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * The respondents' values as they are read, one typed array per column, no
 * object per row: row r's values are at index r of each. The arrays grow
 * (doubling, or to a number of rows expected) and are cut to the rows used at
 * the end.
 */
export class ColumnStore {
  /** Rows the arrays have room for. */
  capacity = 1024;
  /** Index into study.groups, weight, NPS (0–10, -1 blank) per row. */
  group = new Uint16Array(this.capacity);
  weight = new Float64Array(this.capacity);
  nps: Int8Array | undefined;
  /** Per item: its answer codes (see ItemAnswers); per background variable: an index into its values, -1 when missing. */
  codes: Uint8Array[];
  background: Int16Array[];

  constructor(items: number, nps: boolean, background: number) {
    this.nps = nps ? new Int8Array(this.capacity) : undefined;
    this.codes = Array.from({ length: items }, () => new Uint8Array(this.capacity));
    this.background = Array.from({ length: background }, () => new Int16Array(this.capacity));
  }

  /** Makes room for more rows: twice as many, or `expected` when that is more. */
  grow(expected = 0): void {
    const size = Math.max(this.capacity * 2, expected);
    this.capacity = size;
    this.group = resized(this.group, size);
    this.weight = resized(this.weight, size);
    this.codes = this.codes.map((a) => resized(a, size));
    if (this.nps) this.nps = resized(this.nps, size);
    this.background = this.background.map((a) => resized(a, size));
  }

  /**
   * A column cut to its first n rows: in place when little is spare, else by
   * a copy (so that the spare room is freed).
   */
  static fit<T extends Column>(a: T, n: number): T {
    return a.length <= n * 1.25 + 64 ? (a.subarray(0, n) as T) : (a.slice(0, n) as T);
  }
}
