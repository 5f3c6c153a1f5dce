/**
 * The loader's hashes of text: hashText for one string (respondent ids),
 * RowHash for a row of fields (repeated rows without an id column), and
 * sha256Hex for the inputs that publication records fingerprint.
 */
import { createHash } from 'node:crypto';

/**
 * Text to read in place: a string, or bytes whose each byte is one character
 * (ASCII or latin1), as the byte reader gives its fields without decoding them.
 */
export type CodeUnits = string | Uint8Array;

/** The code unit at i: the UTF-16 code unit of a string, the byte of bytes. */
export function unitAt(text: CodeUnits, i: number): number {
  return typeof text === 'string' ? text.charCodeAt(i) : text[i];
}

/** text[from, to) as a string (bytes as latin1: one character per byte). */
export function unitsText(text: CodeUnits, from: number, to: number): string {
  return typeof text === 'string' ? text.slice(from, to) : Buffer.from(text.buffer, text.byteOffset + from, to - from).toString('latin1');
}

/** The SHA-256 of bytes or text, in hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A 32-bit hash of text[from, to): FNV-1a over the UTF-16 code units with the
 * murmur3 finaliser (http://www.isthe.com/chongo/tech/comp/fnv/,
 * https://github.com/aappleby/smhasher), so similar strings (r1, r2, …) get
 * evenly spread hashes. The duplicate-id table's hash (id-registry.ts) and the
 * quotes' rank (quote-sample.ts, quoteRank).
 */
export function hashText(text: CodeUnits, from: number, to: number): number {
  let h = 0x811c9dc5;
  // A loop per kind of text, each with one kind of access (see id-registry.ts).
  if (typeof text === 'string') for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  else for (let i = from; i < to; i++) h = Math.imul(h ^ text[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 64-bit hash of a row's fields, as two independent 32-bit hashes (FNV-1a,
 * and a murmur-style multiply and shift), taken field by field: begin(), then
 * fieldAt (a field read in place) or field (a string) for each field, then
 * `low` and `high`. Each field is closed by its length, so that fields cannot
 * run into each other ("ab","c" differs from "a","bc").
 */
export class RowHash {
  private h1 = 0;
  private h2 = 0;

  /** Starts a row. */
  begin(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x2545f491;
  }

  /** Adds the field text[from, to) to the row. */
  fieldAt(text: CodeUnits, from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    // A loop per kind of text, each with one kind of access (see id-registry.ts).
    if (typeof text === 'string') {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
    } else {
      for (let i = from; i < to; i++) {
        const c = text[i];
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
    }
    const n = to - from;
    this.h1 = Math.imul(h1 ^ (n + 0x10000), 0x01000193);
    this.h2 = Math.imul(h2 ^ (n + 0x10000), 0x5bd1e995);
  }

  /**
   * fieldAt of the text that the UTF-8 bytes[from, to) stand for (valid UTF-8: the loader checks a file's bytes
   * before it reads them): their UTF-16 code units decoded on the way, without a string.
   */
  fieldUtf8At(bytes: Uint8Array, from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    let n = 0;
    for (let i = from; i < to; ) {
      const b = bytes[i];
      let c: number;
      if (b < 0x80) {
        c = b;
        i++;
      } else if (b < 0xe0) {
        c = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
        i += 2;
      } else if (b < 0xf0) {
        c = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
        i += 3;
      } else {
        // Beyond the basic plane: two code units, a surrogate pair.
        const point = (((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) - 0x10000;
        i += 4;
        const high = 0xd800 + (point >> 10);
        h1 = Math.imul(h1 ^ high, 0x01000193);
        h2 = Math.imul(h2 ^ high, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        n++;
        c = 0xdc00 + (point & 0x3ff);
      }
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      n++;
    }
    this.h1 = Math.imul(h1 ^ (n + 0x10000), 0x01000193);
    this.h2 = Math.imul(h2 ^ (n + 0x10000), 0x5bd1e995);
  }

  /** Adds a field to the row. */
  field(s: string): void {
    this.fieldAt(s, 0, s.length);
  }

  /** The row's first and second 32-bit hash (unsigned). */
  get low(): number {
    return this.h1 >>> 0;
  }

  get high(): number {
    return this.h2 >>> 0;
  }
}
