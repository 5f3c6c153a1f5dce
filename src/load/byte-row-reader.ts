import { PlainDecimalReader } from './parse-number.ts';
import type { RowReaderContext } from './row-reader.ts';

/** What a field position of a row holds, for ByteRowReader. */
const SKIP = 0;
const ITEM = 1;
const NPS = 2;
const ID = 3;
const GROUP = 4;
const WEIGHT = 5;
const BACKGROUND = 6;
const REASON = 7;

const QUOTE = 34;

/** Rows whose answers are gathered before they are copied to the store's columns. */
const BLOCK_ROWS = 1024;
/** Where each item's rows start in the block, apart: 1024 put a row's answers in the same few sets of the processor's cache. */
const BLOCK_STRIDE = BLOCK_ROWS + 64;

/** The bytes a file holds for its text: UTF-8, or Windows-1252 (read when the file is not UTF-8). */
export type FileEncoding = 'utf-8' | 'windows-1252';

/**
 * Codes matched as bytes: each code (not blank, no surrounding white space,
 * as ExactCodes) as its bytes in the file's encoding — in UTF-8 its UTF-8
 * bytes; in Windows-1252 only an ASCII code, whose bytes are its characters.
 */
export class ByteCodes {
  /** The codes' bytes one after the other: code k is flat[start[k], start[k + 1]). */
  private readonly flat: Uint8Array;
  private readonly start: Int32Array;
  private readonly values: Int32Array;
  /** Per slot of (first byte, last byte, length): its first code + 1 (0: none); then next[k] + 1 the code after k in that slot. */
  private readonly head = new Int32Array(256);
  private readonly next: Int32Array;

  constructor(index: ReadonlyMap<string, number>, encoding: FileEncoding) {
    const entries = [...index].flatMap(([code, v]) => {
      const bytes = Buffer.from(code, 'utf8');
      const usable = code !== '' && code === code.trim() && (encoding === 'utf-8' || bytes.length === code.length);
      return usable ? [[bytes, v] as const] : [];
    });
    this.flat = Buffer.concat(entries.map(([bytes]) => bytes));
    this.start = new Int32Array(entries.length + 1);
    entries.forEach(([bytes], k) => {
      this.start[k + 1] = this.start[k] + bytes.length;
    });
    this.values = Int32Array.from(entries, ([, v]) => v);
    this.next = new Int32Array(entries.length);
    // Chained in reverse, so that a slot lists its codes in the index's order (the first equal code wins, as before).
    for (let k = entries.length - 1; k >= 0; k--) {
      const [bytes] = entries[k];
      const slot = slotOf(bytes, 0, bytes.length);
      this.next[k] = this.head[slot];
      this.head[slot] = k + 1;
    }
  }

  /** The value of the code equal to bytes[from, to), or -1. */
  match(bytes: Uint8Array, from: number, to: number): number {
    if (to <= from) return -1;
    const { flat, start, next } = this;
    const n = to - from;
    candidates: for (let k = this.head[slotOf(bytes, from, to)] - 1; k >= 0; k = next[k] - 1) {
      const at = start[k];
      if (start[k + 1] - at !== n) continue;
      for (let i = 0; i < n; i++) if (flat[at + i] !== bytes[from + i]) continue candidates;
      return this.values[k];
    }
    return -1;
  }
}

/** ByteCodes' table slot of the code bytes[from, to) (not empty): its first and last byte and its length. */
function slotOf(bytes: Uint8Array, from: number, to: number): number {
  return (bytes[from] + 7 * bytes[to - 1] + 31 * (to - from)) & 255;
}

/**
 * Reads the common row of responses.csv straight from the file's bytes, in
 * one pass that finds the fields and reads them: no decoding, no string per
 * field. It takes a row of the header's width whose fields are split as
 * papaparse splits a line whose quoted fields close on it (see LineSplitter),
 * with a plain ASCII id (no white space at either end) not seen before, known
 * group and background codes, a weight of digits (with a decimal point or
 * comma), answers of one or two digits or blank, and quotes only around
 * fields it does not read as values (a quote doubled inside one is an escaped
 * quote, as papaparse reads it). It declines any other row,
 * which is then decoded and read as text (InPlaceReader or RowReader).
 *
 * The id registry and the weight's reader read the bytes as code units
 * (CodeUnits, one character per byte); the id and the weight they read are
 * ASCII, so what they see is what they would see in the decoded text. Codes are compared as bytes (ByteCodes). A row it takes gives exactly what the
 * text readers give for it, as the property tests show
 * (test/load/byte-rows.test.ts); a row it declines has changed nothing but
 * store values that the text readers overwrite.
 */
export class ByteRowReader {
  private readonly context: RowReaderContext;
  private readonly decimal = new PlainDecimalReader();
  private readonly delimiter: number;
  /** Per field position: its kind, and the index of its item or background variable. */
  private readonly kinds: Uint8Array;
  private readonly indices: Int32Array;
  /** Per answer's position: where its item's rows start in the block, and the end of the run of answers (the NPS among them) it is in. */
  private readonly offsets: Int32Array;
  private readonly runEnds: Int32Array;
  private readonly group: ByteCodes;
  private readonly background: ByteCodes[];
  /** Items and background variables the header lacks (blank in every row). */
  private readonly absentItems: number[];
  private readonly absentBackground: number[];
  /** False when a column has two roles (the byte reader then declines every row). */
  readonly usable: boolean;
  /**
   * The answers of up to BLOCK_ROWS rows taken in a row (slots blockStart …),
   * item by item: writing straight to one column per item scattered the
   * writes of a row over dozens of arrays, which cost more than reading it.
   */
  private readonly block: Uint8Array;
  private blockStart = 0;
  private blockRows = 0;
  /** The reason's field in the row last taken (when the study has one). */
  reasonFrom = 0;
  reasonTo = 0;
  /** Whether that field is quoted with escaped quotes ("") in it, to be read as one quote each. */
  reasonEscaped = false;
  /** The id's field in the row last taken. */
  idFrom = 0;
  idTo = 0;

  constructor(context: RowReaderContext, delimiter: string, encoding: FileEncoding) {
    this.context = context;
    this.delimiter = delimiter.charCodeAt(0);
    const { positions: at, rules } = context;
    const width = at.width;
    this.kinds = new Uint8Array(width);
    this.indices = new Int32Array(width);
    let clash = false;
    const set = (pos: number, kind: number, index = 0) => {
      if (pos < 0) return;
      if (this.kinds[pos] !== SKIP) clash = true;
      this.kinds[pos] = kind;
      this.indices[pos] = index;
    };
    set(at.id, ID);
    set(at.group, GROUP);
    set(at.weight, WEIGHT);
    at.items.forEach((pos, k) => set(pos, ITEM, k));
    if (context.store.nps) set(at.nps, NPS);
    set(at.reason, REASON);
    at.background.forEach((pos, k) => set(pos, BACKGROUND, k));
    this.block = new Uint8Array(BLOCK_STRIDE * at.items.length);
    this.offsets = Int32Array.from(this.indices, (k) => k * BLOCK_STRIDE);
    this.runEnds = new Int32Array(width);
    const answer = (pos: number) => this.kinds[pos] === ITEM || this.kinds[pos] === NPS;
    for (let pos = width - 1; pos >= 0; pos--) this.runEnds[pos] = answer(pos) && pos + 1 < width && answer(pos + 1) ? this.runEnds[pos + 1] : pos + 1;
    this.absentItems = [...at.items.keys()].filter((k) => at.items[k] < 0);
    this.absentBackground = [...at.background.keys()].filter((k) => at.background[k] < 0);
    this.usable = !clash && delimiter.length === 1 && this.delimiter !== QUOTE;
    this.group = new ByteCodes(rules.groupIndex, encoding);
    this.background = rules.backgroundIndex.map((index) => new ByteCodes(index, encoding));
  }

  /**
   * Reads the row bytes[from, end) (its line end excluded) on `line` into row
   * `slot` of the store; false when it declines.
   */
  read(bytes: Uint8Array, from: number, end: number, line: number, slot: number): boolean {
    if (!this.usable || from >= end) return false;
    const first = bytes[from];
    // A row starting blank is left to the text readers (blank rows are empty lines there).
    if (first <= 32 || first >= 127) return false;
    const { kinds, indices, offsets, runEnds, delimiter } = this;
    const { rules, store } = this.context;
    const quick = rules.quick;
    if (slot !== this.blockStart + this.blockRows) {
      this.flush();
      this.blockStart = slot;
    }
    const block = this.block;
    const row = slot - this.blockStart;
    const width = kinds.length;
    let idFrom = -1;
    let idTo = -1;
    let g = 0;
    let w = 1;
    let weightFrom = -1;
    let weightTo = -1;
    let weightMark = -1;
    let npsValue = -1;
    // Whether any field read as a value holds one: a row with none may be an empty line to the text readers.
    let filled = false;
    // bytes[end] is the line's "\n" (or the "\r" before it): neither a digit nor the delimiter, so reading it ends any field.
    let i = from;
    for (let pos = 0; pos < width; pos++) {
      const kind = kinds[pos];
      const start = i;
      let c = bytes[i];
      if (kind === ITEM || kind === NPS) {
        // A run of answers (the NPS among them), read in a loop of its own: one or two digits, or blank, each.
        const last = runEnds[pos] - 1;
        for (;;) {
          let value = -1;
          // A quoted answer ("4", or "" for none), as some tools write every field.
          const quoted = c === QUOTE && i !== end;
          if (quoted) c = bytes[++i];
          const close = quoted ? QUOTE : delimiter;
          if (c !== close && i !== end) {
            value = c - 48;
            if (value < 0 || value > 9) return false;
            c = bytes[++i];
            if (c !== close && i !== end) {
              const d = c - 48;
              if (d < 0 || d > 9) return false;
              value = value * 10 + d;
              c = bytes[++i];
              if (c !== close && i !== end) return false;
            }
          }
          if (quoted) {
            if (c !== QUOTE || i === end) return false;
            c = bytes[++i];
            if (c !== delimiter && i !== end) return false;
          }
          if (value >= 0) filled = true;
          if (kinds[pos] === ITEM) {
            const code = value < 0 ? 0 : quick[value];
            if (code === 0 && value >= 0) return false;
            block[offsets[pos] + row] = code;
          } else {
            if (value > 10) return false;
            npsValue = value;
          }
          if (pos === last) break;
          if (i === end) return false;
          c = bytes[++i];
          pos++;
        }
      } else {
        // The field's text: bytes[from, to).
        let from = start;
        let to: number;
        if (c === QUOTE && i !== end) {
          // Quoted, closing on the line; a quote doubled inside is an escaped one, only in text not read as a value.
          let q = bytes.indexOf(QUOTE, i + 1);
          let escaped = false;
          while (q >= 0 && q < end && bytes[q + 1] === QUOTE) {
            escaped = true;
            q = bytes.indexOf(QUOTE, q + 2);
          }
          if (q < 0 || q >= end) return false;
          if (escaped && kind !== SKIP && kind !== REASON) return false;
          i = q + 1;
          c = bytes[i];
          if (c !== delimiter && i !== end) return false;
          from = start + 1;
          to = q;
          if (kind === REASON) this.reasonEscaped = escaped;
        } else {
          if (kind === SKIP || kind === REASON) {
            // Text, often long: the next delimiter, if on the line.
            const d = bytes.indexOf(delimiter, i);
            i = d < 0 || d > end ? end : d;
          } else if (kind === ID) {
            // ASCII, checked as it is read (see below).
            while (c !== delimiter && i !== end) {
              if (c >= 127) return false;
              c = bytes[++i];
            }
          } else while (c !== delimiter && i !== end) c = bytes[++i];
          c = bytes[i];
          to = i;
          if (kind === REASON) this.reasonEscaped = false;
        }
        if (kind === ID) {
          if (to === from) return false;
          // ASCII, so that the id registry sees the id's own characters (a quoted id checked here, a plain one as it
          // was read); no white space at either end.
          if (from !== start) for (let j = from; j < to; j++) if (bytes[j] >= 127) return false;
          if (bytes[from] <= 32 || bytes[to - 1] <= 32) return false;
          idFrom = from;
          idTo = to;
          filled = true;
        } else if (kind === GROUP) {
          g = this.group.match(bytes, from, to);
          if (g < 0) return false;
          filled = true;
        } else if (kind === WEIGHT) {
          w = this.decimal.read(bytes, from, to);
          if (!(w > 0)) return false;
          filled = true;
          weightMark = this.decimal.mark;
          weightFrom = from;
          weightTo = to;
        } else if (kind === BACKGROUND) {
          const k = indices[pos];
          let value = -1;
          if (to > from) {
            value = this.background[k].match(bytes, from, to);
            if (value < 0) return false;
            filled = true;
          }
          store.background[k][slot] = value;
        } else if (kind === REASON) {
          this.reasonFrom = from;
          this.reasonTo = to;
        }
      }
      // i is at the field's delimiter, or at the row's end after the last field.
      if (pos < width - 1) {
        if (i === end) return false;
        i++;
      } else if (i !== end) return false;
    }

    if (!filled) return false;
    for (const k of this.absentItems) block[k * BLOCK_STRIDE + row] = 0;
    for (const k of this.absentBackground) store.background[k][slot] = -1;

    // Last, as it registers the id: a repeated one is left to the text readers, which find it again.
    const context = this.context;
    if (idFrom >= 0) {
      if (context.ids.firstLineAt(bytes, idFrom, idTo, line) !== undefined) return false;
      this.idFrom = idFrom;
      this.idTo = idTo;
    }
    if (weightFrom >= 0) {
      const weights = context.weights;
      weights.total++;
      if (weightMark >= 0) weights.noteAt(bytes, weightFrom, weightTo, weightMark, line);
    }
    store.group[slot] = g;
    store.weight[slot] = w;
    if (store.nps) store.nps[slot] = npsValue;
    if (++this.blockRows === BLOCK_ROWS) this.flush();
    return true;
  }

  /** Copies the answers of the rows taken to the store's columns; before the store grows or is read. */
  flush(): void {
    const n = this.blockRows;
    if (n === 0) return;
    const { block, blockStart } = this;
    const codes = this.context.store.codes;
    // A few rows (the block cut short by a row the text readers took) are copied one by one: a view per column costs more.
    if (n < 64) for (let k = 0; k < codes.length; k++) copyRows(codes[k], blockStart, block, k * BLOCK_STRIDE, n);
    else for (let k = 0; k < codes.length; k++) codes[k].set(block.subarray(k * BLOCK_STRIDE, k * BLOCK_STRIDE + n), blockStart);
    this.blockStart += n;
    this.blockRows = 0;
  }
}

/** to[at + j] = from[start + j] for j < n. */
function copyRows(to: Uint8Array, at: number, from: Uint8Array, start: number, n: number): void {
  for (let j = 0; j < n; j++) to[at + j] = from[start + j];
}
