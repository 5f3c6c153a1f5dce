import { type CodeUnits, hashText } from './hash.ts';

/**
 * The respondent ids of one file, for finding duplicates, in compact form:
 * the ids' UTF-16 code units in one growing array, with an open-addressing
 * hash table of their positions. Exact (ids are compared in full on a hash
 * match) at about 2 bytes per character plus 16 bytes per id, where a
 * Map<string, number> of a million ids takes several times that.
 *
 * Ids registered in increasing order (as an export sorted by id has them)
 * need no hashing: while each new id is above the one before, it cannot have
 * been seen, and it joins a sorted run that is searched by bisection. Only
 * the ids after the run go into the hash table.
 */
export class IdRegistry {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per id k: its start in `chars` (the end is start[k + 1]), its hash and its line. */
  private start = new Uint32Array(1025);
  private hashes = new Uint32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  /** Ids 0 … run − 1 are in increasing order and not in the hash table. */
  private run = 0;
  /** Ids in the hash table. */
  private hashed = 0;
  /** Hash table of id numbers + 1 (0 = empty slot); its size is a power of two. */
  private table = new Int32Array(2048);

  /** Number of distinct ids registered. */
  get size(): number {
    return this.count;
  }

  /**
   * Registers an id first seen on `line` and returns undefined, or returns
   * the line where the same id was registered before (and keeps that one).
   */
  firstLine(id: string, line: number): number | undefined {
    return this.firstLineAt(id, 0, id.length, line);
  }

  /** firstLine for the id text[from, to), read in place. */
  firstLineAt(text: CodeUnits, from: number, to: number, line: number): number | undefined {
    const run = this.run;
    if (run > 0) {
      const last = this.compare(run - 1, text, from, to);
      if (last < 0 && run === this.count) {
        // Above every id so far: new, and the run goes on.
        this.append(text, from, to, 0, line);
        this.run++;
        return undefined;
      }
      if (last === 0) return this.lines[run - 1];
      if (last > 0) {
        let lo = 0;
        let hi = run - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const c = this.compare(mid, text, from, to);
          if (c === 0) return this.lines[mid];
          if (c < 0) lo = mid + 1;
          else hi = mid;
        }
      }
    } else if (this.count === 0) {
      this.append(text, from, to, 0, line);
      this.run = 1;
      return undefined;
    }
    const h = hashText(text, from, to);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.table[slot] - 1;
      if (k < 0) break;
      if (this.hashes[k] === h && this.equals(k, text, from, to)) return this.lines[k];
      slot = (slot + 1) & mask;
    }
    this.add(text, from, to, h, line, slot);
    return undefined;
  }

  /** Registered id k against text[from, to), by UTF-16 code units as `<` compares strings: negative when id k is below. */
  private compare(k: number, text: CodeUnits, from: number, to: number): number {
    const at = this.start[k];
    const length = this.start[k + 1] - at;
    const n = Math.min(length, to - from);
    const d = typeof text === 'string' ? firstDifference(this.chars, at, text, from, n) : firstByteDifference(this.chars, at, text, from, n);
    return d !== 0 ? d : length - (to - from);
  }

  private equals(k: number, text: CodeUnits, from: number, to: number): boolean {
    return this.start[k + 1] - this.start[k] === to - from && this.compare(k, text, from, to) === 0;
  }

  private add(text: CodeUnits, from: number, to: number, h: number, line: number, slot: number): void {
    const k = this.count;
    this.append(text, from, to, h, line);
    this.table[slot] = k + 1;
    this.hashed++;
    // Keep the table at most half full.
    if (this.hashed * 2 > this.table.length) this.rehash(this.table.length * 2);
  }

  /**
   * Makes room for `ids` ids in all, their characters as long on average as
   * those registered so far: grown once to the size the file's length
   * suggests instead of doubling many times.
   */
  reserve(ids: number): void {
    if (ids + 1 <= this.hashes.length) return;
    this.hashes = grown(this.hashes, ids + 1);
    this.lines = grown(this.lines, ids + 1);
    this.start = grown(this.start, ids + 2);
    const perId = this.count > 0 ? this.used / this.count : 0;
    const chars = Math.ceil(perId * ids * 1.02);
    if (chars > this.chars.length) this.chars = grown(this.chars, chars);
  }

  /** Stores id number `count`. */
  private append(text: CodeUnits, from: number, to: number, h: number, line: number): void {
    const length = to - from;
    const k = this.count;
    if (k + 1 >= this.hashes.length) {
      const cap = this.hashes.length * 2;
      this.hashes = grown(this.hashes, cap);
      this.lines = grown(this.lines, cap);
      this.start = grown(this.start, cap + 1);
    }
    if (this.used + length > this.chars.length) this.chars = grown(this.chars, Math.max(this.chars.length * 2, this.used + length));
    const at = this.used;
    if (typeof text === 'string') copyUnits(this.chars, at, text, from, to);
    else copyBytes(this.chars, at, text, from, to);
    this.used += length;
    this.start[k] = at;
    this.start[k + 1] = this.used;
    this.hashes[k] = h;
    this.lines[k] = line;
    this.count++;
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let k = this.run; k < this.count; k++) {
      let slot = this.hashes[k] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    this.table = table;
  }
}

// Each kind of text (a string, bytes) has loops of its own: one loop for both reads its text through a check of the
// kind and an access that is not one array type, at each character of a million ids.

/** The first difference of chars[at …] and text[from …] over n code units, or 0. */
function firstDifference(chars: Uint16Array, at: number, text: string, from: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = chars[at + i] - text.charCodeAt(from + i);
    if (d !== 0) return d;
  }
  return 0;
}

/** firstDifference of bytes. */
function firstByteDifference(chars: Uint16Array, at: number, bytes: Uint8Array, from: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = chars[at + i] - bytes[from + i];
    if (d !== 0) return d;
  }
  return 0;
}

/** text[from, to) into chars at `at`. */
function copyUnits(chars: Uint16Array, at: number, text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) chars[at + i - from] = text.charCodeAt(i);
}

/** copyUnits of bytes. */
function copyBytes(chars: Uint16Array, at: number, bytes: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) chars[at + i - from] = bytes[i];
}

function grown<T extends Uint16Array | Uint32Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
