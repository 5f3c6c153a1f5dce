/**
 * The dictionary of an SPSS system file (.sav): its header and the records
 * before the data, read the way GNU PSPP documents the format
 * (https://www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html).
 * Only what the loader needs is kept: the variables (long names, widths,
 * user-missing values, value labels, very long strings joined from their
 * segments), the compression, the case count and the text encoding.
 */

/** A variable's user-missing values: discrete values and at most one range. */
export interface SavMissing {
  values: (number | string)[];
  range?: [number, number];
}

/** Where a string's bytes are in a case: from 8-byte slot `slot`, `bytes` bytes (a very long string has several). */
export interface SavSegment {
  slot: number;
  bytes: number;
}

export interface SavVariable {
  /** The long name (the column name). */
  name: string;
  /** 0 for a numeric variable, else the string's width in bytes. */
  width: number;
  /** The variable label ('' without one). */
  label: string;
  /** A numeric variable's one slot, or a string's segments. */
  segments: SavSegment[];
  missing: SavMissing;
  /** Value labels, by number (numeric) or by value with trailing spaces removed (string). */
  labels: Map<number | string, string>;
}

export interface SavDictionary {
  littleEndian: boolean;
  /** 0 none, 1 bytecode, 2 zlib (.zsav). */
  compression: number;
  bias: number;
  /** Number of cases the header states, -1 when unknown. */
  cases: number;
  /** 8-byte slots in a case. */
  slots: number;
  variables: SavVariable[];
  /** The encoding of the file's text, as a TextDecoder label. */
  encoding: string;
  /** The system-missing value. */
  sysmis: number;
  /** Offset of the first byte after the dictionary. */
  dataOffset: number;
}

/** A file that is not a system file Luotain can read; the message is for people. */
export class SavFormatError extends Error {}

/** The bytes end before the dictionary does: read more and try again. */
export class SavNeedMore extends Error {}

const SYSMIS = -Number.MAX_VALUE;

/** The encoding named by the character code of the machine integer info record (a Windows code page). */
function codePage(code: number): string | undefined {
  if (code === 65001) return 'utf-8';
  if (code === 2 || code === 3 || code === 4) return 'windows-1252';
  if (code >= 874 && code <= 1258) return `windows-${code}`;
  if (code >= 28591 && code <= 28605) return `iso-8859-${code - 28590}`;
  return undefined;
}

interface RawVariable {
  shortName: Uint8Array;
  label?: Uint8Array;
  width: number;
  slot: number;
  missingCount: number;
  missing: Uint8Array[];
  labels: [Uint8Array, Uint8Array][];
}

/** A cursor over the dictionary's bytes that throws SavNeedMore at their end. */
class Cursor {
  pos = 0;
  readonly view: DataView;
  le = true;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new SavNeedMore();
  }
  int(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, this.le);
    this.pos += 8;
    return v;
  }
  take(n: number): Uint8Array {
    if (n < 0) throw new SavFormatError('a record has a negative length: the file is damaged');
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

/**
 * Reads the dictionary from the start of the file's bytes (which must hold
 * at least the whole dictionary, else SavNeedMore). Throws SavFormatError
 * for a file that is not a system file or is damaged.
 */
export function readSavDictionary(bytes: Uint8Array): SavDictionary {
  const c = new Cursor(bytes);
  const magic = String.fromCharCode(...c.take(4));
  if (magic === '$FL3') throw new SavFormatError('the file is a ZLIB-compressed system file (.zsav), which Luotain does not read');
  if (magic !== '$FL2') throw new SavFormatError('the file is not an SPSS system file (it does not start with "$FL2")');
  c.take(60);
  c.le = true;
  c.need(4);
  const layout = c.view.getInt32(64, true);
  if (layout !== 2 && layout !== 3) c.le = false;
  c.int();
  c.int(); // nominal case size, often wrong: the variable records are counted instead
  const compression = c.int();
  c.int(); // weight index
  const cases = c.int();
  const bias = c.double();
  c.take(9 + 8 + 64 + 3);

  const raw: RawVariable[] = [];
  /** The variable whose first slot is each slot (continuation slots map to their variable). */
  const bySlot: (RawVariable | undefined)[] = [];
  let encoding: string | undefined;
  let codePageEncoding: string | undefined;
  let sysmis = SYSMIS;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  const longStringLabels: Uint8Array[] = [];
  let slots = 0;

  for (;;) {
    const type = c.int();
    if (type === 2) {
      const width = c.int();
      const hasLabel = c.int();
      const missingCount = c.int();
      c.int();
      c.int();
      const shortName = c.take(8);
      let label: Uint8Array | undefined;
      if (hasLabel === 1) {
        const len = c.int();
        label = c.take(Math.ceil(len / 4) * 4).subarray(0, len);
      }
      const n = Math.abs(missingCount);
      if (n > 3) throw new SavFormatError(`variable ${latin(shortName)} has ${missingCount} missing values: the file is damaged`);
      const missing: Uint8Array[] = [];
      for (let i = 0; i < n; i++) missing.push(c.take(8));
      if (width === -1) {
        bySlot.push(bySlot[slots - 1]);
      } else {
        const v: RawVariable = { shortName, width, slot: slots, missingCount, missing, labels: [], ...(label ? { label } : {}) };
        raw.push(v);
        bySlot.push(v);
      }
      slots++;
    } else if (type === 3) {
      const count = c.int();
      const pairs: [Uint8Array, Uint8Array][] = [];
      for (let i = 0; i < count; i++) {
        const value = c.take(8);
        c.need(1);
        const len = c.bytes[c.pos];
        const text = c.take(Math.ceil((len + 1) / 8) * 8).subarray(1, 1 + len);
        pairs.push([value, text]);
      }
      if (c.int() !== 4) throw new SavFormatError('a value label record is not followed by its variable list: the file is damaged');
      const vars = c.int();
      for (let i = 0; i < vars; i++) {
        const v = bySlot[c.int() - 1];
        if (v) v.labels.push(...pairs);
      }
    } else if (type === 6) {
      c.take(c.int() * 80);
    } else if (type === 7) {
      const subtype = c.int();
      const size = c.int();
      const count = c.int();
      const data = c.take(size * count);
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      if (subtype === 3 && size === 4 && count >= 8) codePageEncoding = codePage(view.getInt32(28, c.le));
      else if (subtype === 4 && size === 8 && count >= 1) sysmis = view.getFloat64(0, c.le);
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 20) encoding = latin(data).trim();
      else if (subtype === 21) longStringLabels.push(data);
    } else if (type === 999) {
      c.int();
      break;
    } else throw new SavFormatError(`record type ${type} at byte ${c.pos - 4} is not one of a system file's: the file is damaged`);
  }

  const label = encoding ?? codePageEncoding ?? 'windows-1252';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new SavFormatError(`the file's text encoding "${label}" is not one Luotain knows`);
  }
  const text = (b: Uint8Array) => decoder.decode(b).replace(/[ \0]+$/, '');

  // Long names: "SHORT=Long Name" pairs separated by tabs.
  const longOf = new Map<string, string>();
  if (longNames) {
    for (const pair of text(longNames).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq > 0) longOf.set(pair.slice(0, eq).toUpperCase(), pair.slice(eq + 1));
    }
  }
  // Very long strings: "SHORT=00600\0" pairs separated by tabs; the variables after SHORT are its further segments.
  const veryLongWidth = new Map<string, number>();
  if (veryLong) {
    for (const pair of latin(veryLong).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq > 0) veryLongWidth.set(pair.slice(0, eq).toUpperCase(), Number.parseInt(pair.slice(eq + 1), 10));
    }
  }

  const le = c.le;
  const number = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, le);
  const variables: SavVariable[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const short = text(r.shortName).toUpperCase();
    const segments: SavSegment[] = [{ slot: r.slot, bytes: r.width === 0 ? 8 : Math.min(r.width, 255) }];
    let width = r.width;
    const long = veryLongWidth.get(short);
    if (long !== undefined && long > 255) {
      const n = Math.ceil(long / 252);
      for (let k = 1; k < n; k++) {
        const s = raw[i + k];
        if (!s || s.width <= 0) throw new SavFormatError(`the very long string ${short} lacks its segments: the file is damaged`);
        segments.push({ slot: s.slot, bytes: Math.min(s.width, 255) });
      }
      i += n - 1;
      width = long;
    }
    const numeric = width === 0;
    const missing: SavMissing = { values: [] };
    if (numeric) {
      const m = r.missing.map(number);
      if (r.missingCount < 0) {
        missing.range = [m[0], m[1]];
        missing.values = m.slice(2);
      } else missing.values = m;
    } else missing.values = r.missing.map(text);
    const labels = new Map<number | string, string>();
    for (const [value, l] of r.labels) labels.set(numeric ? number(value) : text(value), text(l));
    variables.push({ name: longOf.get(short) ?? text(r.shortName), width, label: r.label ? text(r.label) : '', segments, missing, labels });
  }
  for (const data of longStringLabels) addLongStringLabels(data, variables, text, le);

  return { littleEndian: le, compression, bias, cases, slots, variables, encoding: label, sysmis, dataOffset: c.pos };
}

/** Bytes as Latin-1 text (for the parts of the dictionary that are ASCII). */
function latin(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/** Value labels of strings wider than 8 bytes (record 7, subtype 21). */
function addLongStringLabels(data: Uint8Array, variables: SavVariable[], text: (b: Uint8Array) => string, le: boolean): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let p = 0;
  const int = () => {
    const v = view.getInt32(p, le);
    p += 4;
    return v;
  };
  const bytes = (n: number) => {
    const b = data.subarray(p, p + n);
    p += n;
    return b;
  };
  while (p + 4 <= data.length) {
    const name = text(bytes(int()));
    int(); // width
    const count = int();
    const v = variables.find((x) => x.name.toUpperCase() === name.toUpperCase());
    for (let i = 0; i < count; i++) {
      const value = text(bytes(int()));
      const label = text(bytes(int()));
      v?.labels.set(value, label);
    }
  }
}

/**
 * Collects a .sav file's first pieces until they hold its whole dictionary. Gives the
 * dictionary and the data bytes already read, or undefined while more are needed;
 * a malformed dictionary throws SavFormatError.
 */
export class SavHeadReader {
  private head = new Uint8Array(0);

  push(piece: Uint8Array): { dict: SavDictionary; data: Uint8Array } | undefined {
    const head = new Uint8Array(this.head.length + piece.length);
    head.set(this.head);
    head.set(piece, this.head.length);
    this.head = head;
    let dict: SavDictionary;
    try {
      dict = readSavDictionary(head);
    } catch (error) {
      if (error instanceof SavNeedMore) return undefined;
      throw error;
    }
    this.head = new Uint8Array(0);
    return { dict, data: head.subarray(dict.dataOffset) };
  }
}
