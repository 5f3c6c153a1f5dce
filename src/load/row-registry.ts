import { type CodeUnits, RowHash } from './hash.ts';

/**
 * Finds rows that repeat an earlier row exactly (every field the same), for
 * a study without an id column, where a row exported twice would count twice.
 * Memory is bounded: a row is kept as a 64-bit hash of its fields (two
 * independent 32-bit hashes, see RowHash) and its line, 12 bytes per row plus an
 * open-addressing table of at most 8 bytes per row; the row's text is not
 * kept. Two different rows are taken for the same only when both hashes
 * agree, which for a million rows happens with a chance of about 1 in 30
 * million.
 *
 * A row is hashed field by field (fieldAt for a field read in place,
 * field for a string), then registered with end().
 */
export class RowRegistry {
  private readonly hash = new RowHash();
  private lo = new Uint32Array(1024);
  private hi = new Uint32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  /** Row numbers + 1 (0 = empty slot); its size is 2^(32 − shift), at most half full. */
  private table = new Int32Array(2048);
  private shift = 21;
  /** Rows that repeat an earlier one. */
  repeats = 0;
  /** The first few: [line, line of the row it repeats]. */
  readonly examples: [number, number][] = [];

  /** Starts a row. */
  begin(): void {
    this.hash.begin();
  }

  /** Adds the field text[from, to) to the row. */
  fieldAt(text: CodeUnits, from: number, to: number): void {
    this.hash.fieldAt(text, from, to);
  }

  /** fieldAt of the text UTF-8 bytes[from, to) stand for (see RowHash.fieldUtf8At). */
  fieldUtf8At(bytes: Uint8Array, from: number, to: number): void {
    this.hash.fieldUtf8At(bytes, from, to);
  }

  /** Adds a field to the row. */
  field(s: string): void {
    this.hash.fieldAt(s, 0, s.length);
  }

  /** Registers the row on `line`; returns the line of an earlier equal row, or undefined. */
  end(line: number): number | undefined {
    const a = this.hash.low;
    const b = this.hash.high;
    const mask = this.table.length - 1;
    let slot = slotOf(a, this.shift);
    for (;;) {
      const k = this.table[slot] - 1;
      if (k < 0) break;
      if (this.lo[k] === a && this.hi[k] === b) {
        const first = this.lines[k];
        this.repeats++;
        if (this.examples.length < 3) this.examples.push([line, first]);
        return first;
      }
      slot = (slot + 1) & mask;
    }
    const k = this.count;
    if (k === this.lo.length) {
      this.lo = grown(this.lo);
      this.hi = grown(this.hi);
      this.lines = grown(this.lines);
    }
    this.lo[k] = a;
    this.hi[k] = b;
    this.lines[k] = line;
    this.count++;
    this.table[slot] = k + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return undefined;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.shift--;
    for (let k = 0; k < this.count; k++) {
      let slot = slotOf(this.lo[k], this.shift);
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    this.table = table;
  }
}

/** A slot from the top bits of h times 2^32/φ (Fibonacci hashing), which spread well even where h's low bits do not. */
function slotOf(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

function grown<T extends Uint32Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
