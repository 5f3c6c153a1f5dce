import type { SavDictionary } from './sav-dictionary.ts';

const MACHINE_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The cases of a .sav file's data, decoded as its bytes come in pieces:
 * uncompressed, or with SPSS's bytecode compression (blocks of eight
 * command bytes: 1–251 a number less the bias, 253 eight bytes that follow,
 * 254 eight spaces, 255 system-missing, 252 the end, 0 nothing). Each case
 * is written out whole into one reused buffer of 8-byte slots in the file's
 * byte order and handed to `onCase` with its number (1-based); only the
 * unfinished end of a piece is kept between pieces, so memory does not grow
 * with the file.
 */
export class SavCases {
  /** The current case, 8 bytes per slot. */
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** The slots as numbers, when the file's byte order is the machine's (else read them through `view`). */
  readonly numbers: Float64Array | undefined;
  /** Cases decoded so far. */
  count = 0;
  private readonly dict: SavDictionary;
  private readonly onCase: (number: number) => void;
  private pending: Uint8Array = new Uint8Array(0);
  /** In compressed data: the command block (its offset in `pending`) and the next command in it (8 = none left). */
  private commands = 0;
  private next = 8;
  /** In compressed data: the offset in `pending` where decoding goes on. */
  private resume = 0;
  private done = false;

  constructor(dict: SavDictionary, onCase: (number: number) => void) {
    this.dict = dict;
    this.onCase = onCase;
    this.bytes = new Uint8Array(dict.slots * 8);
    this.view = new DataView(this.bytes.buffer);
    this.numbers = dict.littleEndian === MACHINE_LITTLE_ENDIAN ? new Float64Array(this.bytes.buffer) : undefined;
  }

  /** Decodes the cases completed by the next piece of the data. */
  push(piece: Uint8Array): void {
    if (this.done) return;
    const rest = this.pending;
    let buf: Uint8Array;
    if (rest.length === 0) buf = piece;
    else {
      buf = new Uint8Array(rest.length + piece.length);
      buf.set(rest);
      buf.set(piece, rest.length);
    }
    const used = this.dict.compression === 0 ? this.plain(buf) : this.compressed(buf);
    this.pending = this.done ? new Uint8Array(0) : buf.slice(used);
  }

  /** Whether the data ended in the middle of a case (bytes left over that make no whole case). */
  end(): { partial: boolean } {
    if (this.done) return { partial: false };
    const b = this.pending;
    if (this.dict.compression === 0) return { partial: b.length > 0 };
    if (b.length > this.resume) return { partial: true };
    // What is left of the last command block must be padding (0) or the end (252).
    for (let i = this.next; i < 8; i++) {
      const code = b[this.commands + i];
      if (code === 252) break;
      if (code !== 0) return { partial: true };
    }
    return { partial: false };
  }

  /** Uncompressed: whole cases of slots × 8 bytes. Returns the bytes used. */
  private plain(buf: Uint8Array): number {
    const size = this.bytes.length;
    const cases = this.dict.cases;
    let at = 0;
    while (at + size <= buf.length) {
      this.bytes.set(buf.subarray(at, at + size));
      at += size;
      this.onCase(++this.count);
      if (cases >= 0 && this.count >= cases) {
        this.done = true;
        break;
      }
    }
    return at;
  }

  /**
   * Bytecode compression. Returns the bytes used: a case cut off by the
   * piece's end is decoded again from its start (and its command block) with
   * the next piece.
   */
  private compressed(buf: Uint8Array): number {
    const { slots, bias, sysmis, littleEndian, cases } = this.dict;
    const out = this.bytes;
    const view = this.view;
    const numbers = this.numbers;
    const length = buf.length;
    let at = this.resume;
    let commands = this.commands;
    let next = this.next;
    for (;;) {
      const caseStart = at;
      const caseCommands = commands;
      const caseNext = next;
      let slot = 0;
      while (slot < slots) {
        if (next === 8) {
          if (at + 8 > length) break;
          commands = at;
          next = 0;
          at += 8;
        }
        const code = buf[commands + next];
        if (code === 253 && at + 8 > length) break;
        next++;
        if (code === 0) continue;
        if (code === 252) {
          this.done = true;
          return length;
        }
        const o = slot * 8;
        // Byte by byte and through a Float64Array where it can: a million cases of 50 slots make this the loader's inner loop.
        if (code === 253) {
          for (let k = 0; k < 8; k++) out[o + k] = buf[at + k];
          at += 8;
        } else if (code === 254) for (let k = 0; k < 8; k++) out[o + k] = 32;
        else if (numbers) numbers[slot] = code === 255 ? sysmis : code - bias;
        else view.setFloat64(o, code === 255 ? sysmis : code - bias, littleEndian);
        slot++;
      }
      if (slot < slots) {
        const used = caseNext < 8 ? caseCommands : caseStart;
        this.commands = caseCommands - used;
        this.next = caseNext;
        this.resume = caseStart - used;
        return used;
      }
      this.onCase(++this.count);
      if (cases >= 0 && this.count >= cases) {
        this.done = true;
        return length;
      }
    }
  }
}
