/**
 * The respondent ids of one file, for finding duplicates, in compact form:
 * the ids' UTF-16 code units in one growing array, with an open-addressing
 * hash table of their positions. Exact (ids are compared in full on a hash
 * match) at about 2 bytes per character plus 16 bytes per id, where a
 * Map<string, number> of a million ids takes several times that.
 */
export class IdRegistry {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per id k: its start in `chars` (the end is start[k + 1]), its hash and its line. */
  private start = new Uint32Array(1025);
  private hashes = new Uint32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
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
    const h = hashOf(id);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.table[slot] - 1;
      if (k < 0) break;
      if (this.hashes[k] === h && this.equals(k, id)) return this.lines[k];
      slot = (slot + 1) & mask;
    }
    this.add(id, h, line, slot);
    return undefined;
  }

  private equals(k: number, id: string): boolean {
    const from = this.start[k];
    if (this.start[k + 1] - from !== id.length) return false;
    const chars = this.chars;
    for (let i = 0; i < id.length; i++) if (chars[from + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private add(id: string, h: number, line: number, slot: number): void {
    const k = this.count;
    if (k + 1 >= this.hashes.length) {
      const cap = this.hashes.length * 2;
      this.hashes = grown(this.hashes, cap);
      this.lines = grown(this.lines, cap);
      this.start = grown(this.start, cap + 1);
    }
    if (this.used + id.length > this.chars.length) this.chars = grown(this.chars, Math.max(this.chars.length * 2, this.used + id.length));
    const from = this.used;
    for (let i = 0; i < id.length; i++) this.chars[from + i] = id.charCodeAt(i);
    this.used += id.length;
    this.start[k] = from;
    this.start[k + 1] = this.used;
    this.hashes[k] = h;
    this.lines[k] = line;
    this.table[slot] = k + 1;
    this.count++;
    // Keep the table at most half full.
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < this.count; k++) {
      let slot = this.hashes[k] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    this.table = table;
  }
}

function grown<T extends Uint16Array | Uint32Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** FNV-1a over the UTF-16 code units, with a final avalanche so that linear probing spreads. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
