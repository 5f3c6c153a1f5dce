/**
 * A small writer of SPSS system files (.sav) for tests and the benchmark, so
 * that neither needs SPSS or R: numeric and string variables (up to 255
 * bytes), variable labels, value labels, user-missing values (discrete and
 * ranges), long names, UTF-8 text, uncompressed or bytecode-compressed data,
 * little- or big-endian. Written from the format as GNU PSPP documents it
 * (https://www.gnu.org/software/pspp/pspp-dev/html_node/System-File-Format.html);
 * the fixture written by R's haven (test/fixtures/load/sav/) checks the reader
 * against an independent writer.
 */

export interface SavWriterVariable {
  name: string;
  /** 0 for numeric, else the string width in bytes (1–255). */
  width: number;
  label?: string;
  missing?: { values?: (number | string)[]; range?: [number, number] };
  labels?: [number | string, string][];
}

export interface SavWriterOptions {
  compressed?: boolean;
  bigEndian?: boolean;
  /** Cases stated in the header (-1: unknown). */
  cases?: number;
  bias?: number;
}

/** A case's value: a number, text, or null for system-missing (numeric) / blank (string). */
export type SavValue = number | string | null;

const SYSMIS = -Number.MAX_VALUE;
const utf8 = new TextEncoder();

class Bytes {
  private parts: Uint8Array[] = [];
  private readonly le: boolean;
  constructor(le: boolean) {
    this.le = le;
  }
  int(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, this.le);
    this.parts.push(b);
    return this;
  }
  double(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, this.le);
    this.parts.push(b);
    return this;
  }
  raw(b: Uint8Array): this {
    this.parts.push(b);
    return this;
  }
  /** Text padded with spaces (or cut) to n bytes. */
  text(s: string, n: number): this {
    const b = new Uint8Array(n).fill(32);
    b.set(utf8.encode(s).subarray(0, n));
    this.parts.push(b);
    return this;
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const slotsOf = (v: SavWriterVariable) => (v.width === 0 ? 1 : Math.ceil(v.width / 8));

/** The header and dictionary of a file with these variables. */
export function savDictionary(variables: SavWriterVariable[], options: SavWriterOptions = {}): Uint8Array {
  const le = !options.bigEndian;
  const b = new Bytes(le);
  const slots = variables.reduce((n, v) => n + slotsOf(v), 0);
  b.text('$FL2', 4)
    .text('@(#) SPSS DATA FILE Luotain test writer', 60)
    .int(2)
    .int(slots)
    .int(options.compressed ? 1 : 0)
    .int(0)
    .int(options.cases ?? -1)
    .double(options.bias ?? 100)
    .text('01 Jan 25', 9)
    .text('12:00:00', 8)
    .text('', 64)
    .raw(new Uint8Array(3));
  const shortNames = variables.map((_, i) => `V${i + 1}`);
  const firstSlot: number[] = [];
  let slot = 0;
  variables.forEach((v, i) => {
    firstSlot.push(slot + 1);
    const missing = v.missing ?? {};
    const values = missing.values ?? [];
    const n = missing.range ? -(2 + values.length) : values.length;
    b.int(2)
      .int(v.width)
      .int(v.label ? 1 : 0)
      .int(n);
    const format = v.width === 0 ? 0x050802 : 0x010000 | (v.width << 8);
    b.int(format).int(format).text(shortNames[i], 8);
    if (v.label) {
      const label = utf8.encode(v.label);
      b.int(label.length)
        .raw(label)
        .raw(new Uint8Array((4 - (label.length % 4)) % 4));
    }
    if (missing.range) b.double(missing.range[0]).double(missing.range[1]);
    for (const m of values) {
      if (typeof m === 'number') b.double(m);
      else b.text(m, 8);
    }
    for (let k = 1; k < slotsOf(v); k++) b.int(2).int(-1).int(0).int(0).int(0).int(0).text('', 8);
    slot += slotsOf(v);
  });
  variables.forEach((v, i) => {
    if (!v.labels || v.labels.length === 0) return;
    b.int(3).int(v.labels.length);
    for (const [value, label] of v.labels) {
      if (typeof value === 'number') b.double(value);
      else b.text(value, 8);
      const text = utf8.encode(label).subarray(0, 120);
      const padded = Math.ceil((text.length + 1) / 8) * 8;
      const l = new Uint8Array(padded).fill(32);
      l[0] = text.length;
      l.set(text, 1);
      b.raw(l);
    }
    b.int(4).int(1).int(firstSlot[i]);
  });
  // Machine integer info: version 1.0.0, machine -1, IEEE floats, compression 1, endianness, UTF-8 (code page 65001).
  b.int(7)
    .int(3)
    .int(4)
    .int(8)
    .int(1)
    .int(0)
    .int(0)
    .int(-1)
    .int(1)
    .int(1)
    .int(le ? 2 : 1)
    .int(65001);
  b.int(7).int(4).int(8).int(3).double(SYSMIS).double(Number.MAX_VALUE).double(-1.7976931348623155e308);
  const longNames = utf8.encode(variables.map((v, i) => `${shortNames[i]}=${v.name}`).join('\t'));
  b.int(7).int(13).int(1).int(longNames.length).raw(longNames);
  const encoding = utf8.encode('UTF-8');
  b.int(7).int(20).int(1).int(encoding.length).raw(encoding);
  b.int(999).int(0);
  return b.done();
}

/**
 * Encodes cases one by one (bytecode compression carries its command block
 * from one case to the next, as SPSS writes it); end() gives the last bytes.
 * Writes into one growing buffer, so that a million cases take seconds.
 */
export class SavCaseWriter {
  private readonly variables: SavWriterVariable[];
  private readonly le: boolean;
  private readonly compressed: boolean;
  private readonly bias: number;
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private pos = 0;
  /** The open command block's offset and the commands in it (8: none open). */
  private block = 0;
  private next = 8;
  private readonly text = new Map<string, Uint8Array>();

  constructor(variables: SavWriterVariable[], options: SavWriterOptions = {}) {
    this.variables = variables;
    this.le = !options.bigEndian;
    this.compressed = options.compressed ?? false;
    this.bias = options.bias ?? 100;
  }

  /** The bytes of one case (those complete so far, in compressed data). */
  case(values: readonly SavValue[]): Uint8Array {
    const variables = this.variables;
    for (let i = 0; i < variables.length; i++) {
      const v = variables[i];
      const x = values[i];
      if (v.width === 0) {
        const d = x === null || x === undefined ? SYSMIS : Number(x);
        if (!this.compressed) this.number(d);
        else if (d === SYSMIS) this.code(255);
        else if (Number.isInteger(d) && d + this.bias >= 1 && d + this.bias <= 251) this.code(d + this.bias);
        else {
          this.code(253);
          this.number(d);
        }
      } else {
        const s = x === null || x === undefined ? '' : String(x);
        let bytes = this.text.get(s);
        if (!bytes) {
          bytes = utf8.encode(s).subarray(0, v.width);
          if (this.text.size < 10_000) this.text.set(s, bytes);
        }
        const size = slotsOf(v) * 8;
        for (let k = 0; k < size; k += 8) {
          const blank = k >= bytes.length;
          if (this.compressed && blank) {
            this.code(254);
            continue;
          }
          if (this.compressed) this.code(253);
          this.room(8);
          this.buf.fill(32, this.pos, this.pos + 8);
          this.buf.set(bytes.subarray(k, k + 8), this.pos);
          this.pos += 8;
        }
      }
    }
    return this.take();
  }

  /** The last bytes: in compressed data the last command block, padded with 0. */
  end(): Uint8Array {
    if (this.next < 8) {
      this.buf.fill(0, this.block + this.next, this.block + 8);
      this.next = 8;
    }
    return this.take();
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    b.set(this.buf);
    this.buf = b;
    this.view = new DataView(b.buffer);
  }

  private number(d: number): void {
    this.room(8);
    this.view.setFloat64(this.pos, d, this.le);
    this.pos += 8;
  }

  private code(c: number): void {
    if (this.next === 8) {
      this.room(8);
      this.block = this.pos;
      this.next = 0;
      this.pos += 8;
    }
    this.buf[this.block + this.next++] = c;
  }

  /** The bytes written whose command block is complete; the open block and what follows it stay. */
  private take(): Uint8Array {
    const upTo = this.next < 8 ? this.block : this.pos;
    const out = this.buf.slice(0, upTo);
    this.buf.copyWithin(0, upTo, this.pos);
    this.pos -= upTo;
    this.block -= upTo;
    return out;
  }
}

/** A whole .sav file in memory. */
export function writeSav(variables: SavWriterVariable[], cases: readonly (readonly SavValue[])[], options: SavWriterOptions = {}): Uint8Array {
  const o = { ...options, cases: options.cases ?? cases.length };
  const w = new SavCaseWriter(variables, o);
  const parts = [savDictionary(variables, o), ...cases.map((c) => w.case(c)), w.end()];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
