/**
 * A PDF file as Chromium writes it (one body, a cross-reference table, no object
 * streams), read object by object without parsing the ones that are not asked for,
 * and written back with the objects that are not streams packed into compressed
 * object streams (ISO 32000-1, 7.5.7) and a cross-reference stream (7.5.8).
 *
 * pdf-lib did this before by parsing every object of the file into its own model and
 * writing every one back: a tagged print has some 20 000 objects (a structure element
 * per table cell), which cost about 0.8 s of CPU per PDF. Here the objects are cut out
 * by the offsets of the cross-reference table and copied as they are, unless changed.
 */
import { constants } from 'node:buffer';
import { deflateSync, inflateSync } from 'node:zlib';
import { parseValue, PdfSyntaxError, writeValue, type PdfValue } from './pdf-syntax.ts';

/** Objects packed into one object stream: qpdf's number; a reader inflates one stream to read one object. */
const OBJECTS_PER_STREAM = 100;

interface Span {
  /** Where the object's value starts (after "N G obj") and ends (before "endobj"). */
  start: number;
  end: number;
  isStream: boolean;
}

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;

/** Where `text` between `start` and `end` ends without PDF's white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
  return end;
}

/** `text` between `start` and `end` without PDF's white space at either end (JavaScript's trim also takes 0xA0, a byte of data here). */
function trimmed(text: string, start: number, end: number): string {
  while (start < end && isWhite(text.charCodeAt(start))) start++;
  return text.slice(start, trimmedEnd(text, start, end));
}

export class PdfFile {
  /** The file as one character per byte. */
  private readonly text: string;
  private readonly spans: Map<number, Span>;
  private readonly parsed = new Map<number, PdfValue>();
  private readonly replaced = new Map<number, PdfValue | string>();
  /** Streams with new data: their source text, and the data. */
  private readonly streams = new Map<number, string>();
  private readonly streamsData = new Map<number, Buffer>();
  readonly trailer: Map<string, PdfValue>;

  private constructor(text: string, spans: Map<number, Span>, trailer: Map<string, PdfValue>) {
    this.text = text;
    this.spans = spans;
    this.trailer = trailer;
  }

  /**
   * Reads a file with one cross-reference table and no object streams, as Chromium
   * writes them; undefined for any other (an updated file, a cross-reference stream,
   * encryption), which the caller reads another way.
   */
  static read(bytes: Uint8Array): PdfFile | undefined {
    // Larger than a string can be (about 512 MB): read another way.
    if (bytes.byteLength >= constants.MAX_STRING_LENGTH) return undefined;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
    if (!startxref) return undefined;
    const xrefAt = Number(startxref[1]);
    if (!text.startsWith('xref', xrefAt)) return undefined;
    const trailerAt = text.indexOf('trailer', xrefAt);
    if (trailerAt < 0) return undefined;
    let trailer: PdfValue;
    try {
      trailer = parseValue(text, trailerAt + 'trailer'.length).value;
    } catch (error) {
      if (error instanceof PdfSyntaxError) return undefined;
      throw error;
    }
    if (trailer.type !== 'dict' || trailer.entries.has('Prev') || trailer.entries.has('Encrypt') || trailer.entries.has('XRefStm')) return undefined;
    // The table: subsections of "first count" and entries of "offset generation n|f".
    const offsets: [number, number][] = [];
    const lines = text
      .slice(xrefAt + 4, trailerAt)
      .trim()
      .split(/\s*[\r\n]+\s*/);
    for (let l = 0; l < lines.length; ) {
      const head = /^(\d+) (\d+)$/.exec(lines[l++]!);
      if (!head) return undefined;
      const [first, count] = [Number(head[1]), Number(head[2])];
      for (let k = 0; k < count; k++, l++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[l] ?? '');
        if (!entry) return undefined;
        if (entry[3] === 'n') {
          if (entry[2] !== '00000') return undefined;
          offsets.push([first + k, Number(entry[1])]);
        }
      }
    }
    // An object ends where the next one (by offset) starts, or at the table.
    offsets.sort((a, b) => a[1] - b[1]);
    const spans = new Map<number, Span>();
    for (let k = 0; k < offsets.length; k++) {
      const [num, offset] = offsets[k]!;
      const next = k + 1 < offsets.length ? offsets[k + 1]![1] : xrefAt;
      const head = /^(\d+)\s+0\s+obj/.exec(text.slice(offset, offset + 32));
      if (!head || Number(head[1]) !== num) return undefined;
      const end = text.lastIndexOf('endobj', next);
      if (end < offset) return undefined;
      const start = offset + head[0].length;
      spans.set(num, { start, end, isStream: text.endsWith('endstream', trimmedEnd(text, start, end)) });
    }
    return new PdfFile(text, spans, trailer.entries);
  }

  /** The numbers of the file's objects, ascending. */
  numbers(): number[] {
    return [...this.spans.keys()].sort((a, b) => a - b);
  }

  /** An object's value as written (for a stream: its dictionary, "stream", the data, "endstream"). */
  source(num: number): string | undefined {
    const span = this.spans.get(num);
    return span && trimmed(this.text, span.start, span.end);
  }

  isStream(num: number): boolean {
    return this.spans.get(num)?.isStream === true;
  }

  /** An object, parsed (a stream: its dictionary). */
  object(num: number): PdfValue | undefined {
    const replaced = this.replaced.get(num);
    if (replaced !== undefined && typeof replaced !== 'string') return replaced;
    let value = this.parsed.get(num);
    if (value === undefined) {
      const span = this.spans.get(num);
      if (typeof replaced === 'string') value = parseValue(replaced, 0).value;
      else if (span) value = parseValue(this.text, span.start).value;
      else return undefined;
      this.parsed.set(num, value);
    }
    return value;
  }

  /** A value, following an indirect reference. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value?.type === 'ref' ? this.object(value.num) : value;
  }

  /** A dictionary's entry, followed if indirect. */
  get(dict: PdfValue | undefined, key: string): PdfValue | undefined {
    return dict?.type === 'dict' ? this.resolve(dict.entries.get(key)) : undefined;
  }

  /** The catalog: the trailer's /Root. */
  catalog(): PdfValue | undefined {
    return this.resolve(this.trailer.get('Root'));
  }

  /** The object numbers of the pages, in order (the page tree walked depth first). */
  pages(): number[] {
    const pages: number[] = [];
    const seen = new Set<number>();
    const walk = (ref: PdfValue | undefined, depth: number) => {
      if (ref?.type !== 'ref' || seen.has(ref.num) || depth > 64) return;
      seen.add(ref.num);
      const kids = this.get(this.object(ref.num), 'Kids');
      if (kids?.type === 'array') for (const kid of kids.items) walk(kid, depth + 1);
      else pages.push(ref.num);
    };
    const catalog = this.catalog();
    walk(catalog?.type === 'dict' ? catalog.entries.get('Pages') : undefined, 0);
    return pages;
  }

  /** A stream's data, inflated when compressed with /FlateDecode; undefined for any other filter. */
  streamData(num: number): Buffer | undefined {
    const replaced = this.streamsData.get(num);
    if (replaced) return replaced;
    const span = this.spans.get(num);
    if (!span?.isStream) return undefined;
    const { value: dict, end } = parseValue(this.text, span.start);
    const length = this.get(dict, 'Length');
    const keyword = /^\s*stream\r?\n/.exec(this.text.slice(end, end + 16));
    if (length?.type !== 'token' || !keyword) return undefined;
    const start = end + keyword[0].length;
    const data = Buffer.from(this.text.slice(start, start + Number(length.text)), 'latin1');
    const filter = this.get(dict, 'Filter');
    const filters = filter === undefined ? [] : filter.type === 'array' ? filter.items : [filter];
    if (filters.length === 0) return data;
    if (filters.length === 1 && filters[0]!.type === 'token' && filters[0]!.text === '/FlateDecode' && !this.get(dict, 'DecodeParms')) {
      try {
        return inflateSync(data);
      } catch {
        throw new PdfSyntaxError(`the data of stream ${num} does not inflate`, start);
      }
    }
    return undefined;
  }

  /** Replaces a stream's data (compressed anew); its dictionary keeps its other entries. */
  replaceStream(num: number, data: Uint8Array): void {
    const span = this.spans.get(num);
    if (!span?.isStream) throw new PdfSyntaxError(`object ${num} is not a stream`, 0);
    const dict = parseValue(this.text, span.start).value;
    const entries = new Map(dict.type === 'dict' ? dict.entries : []);
    for (const key of ['Length', 'Filter', 'DecodeParms']) entries.delete(key);
    const packed = deflateSync(data);
    entries.set('Filter', { type: 'token', text: '/FlateDecode' });
    entries.set('Length', { type: 'token', text: String(packed.length) });
    this.streams.set(num, `${writeValue({ type: 'dict', entries })}\nstream\n${Buffer.from(packed).toString('latin1')}\nendstream`);
    this.streamsData.set(num, Buffer.from(data));
  }

  /** Replaces an object (not a stream) by a value, or by its source text. */
  replace(num: number, value: PdfValue | string): void {
    if (this.isStream(num)) throw new PdfSyntaxError(`object ${num} is a stream`, 0);
    this.replaced.set(num, value);
    this.parsed.delete(num);
  }

  /** A new object number for `value`. */
  add(value: PdfValue): PdfValue {
    let num = 1;
    for (const key of [...this.spans.keys(), ...this.replaced.keys()]) num = Math.max(num, key + 1);
    this.replaced.set(num, value);
    return { type: 'ref', num, gen: 0 };
  }

  /**
   * The file written out: the streams as objects of their own, every other object in
   * object streams of OBJECTS_PER_STREAM, then a cross-reference stream. Objects are
   * written in the order of their numbers, so the same objects give the same bytes.
   */
  write(): Uint8Array {
    const all = [...new Set([...this.spans.keys(), ...this.replaced.keys()])].sort((a, b) => a - b);
    const sourceOf = (num: number): string => {
      const replaced = this.replaced.get(num);
      if (replaced === undefined) return this.source(num)!;
      return typeof replaced === 'string' ? replaced : writeValue(replaced);
    };
    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let offset = parts[0]!.length;
    const push = (chunk: Buffer) => {
      parts.push(chunk);
      offset += chunk.length;
    };
    /** Per object number: [type, field 2, field 3] of its cross-reference entry. */
    const entries = new Map<number, [number, number, number]>();
    const packed: number[] = [];
    for (const num of all) {
      if (this.isStream(num) && !this.replaced.has(num)) {
        entries.set(num, [1, offset, 0]);
        push(Buffer.from(`${num} 0 obj\n${this.streams.get(num) ?? this.source(num)!}\nendobj\n`, 'latin1'));
      } else packed.push(num);
    }
    let nextNumber = (all.at(-1) ?? 0) + 1;
    for (let k = 0; k < packed.length; k += OBJECTS_PER_STREAM) {
      const group = packed.slice(k, k + OBJECTS_PER_STREAM);
      const bodies = group.map(sourceOf);
      let at = 0;
      const index = group.map((num, i) => {
        const pair = `${num} ${at}`;
        at += bodies[i]!.length + 1;
        return pair;
      });
      const head = `${index.join(' ')}\n`;
      const data = deflateSync(Buffer.from(head + bodies.join('\n'), 'latin1'));
      const streamNumber = nextNumber++;
      group.forEach((num, i) => entries.set(num, [2, streamNumber, i]));
      entries.set(streamNumber, [1, offset, 0]);
      push(Buffer.from(`${streamNumber} 0 obj\n<</Type /ObjStm /N ${group.length} /First ${head.length} /Filter /FlateDecode /Length ${data.length}>>\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
    const xrefNumber = nextNumber++;
    entries.set(xrefNumber, [1, offset, 0]);
    const size = nextNumber;
    const WIDTHS = [1, 4, 2] as const;
    const table = Buffer.alloc(size * 7);
    for (let num = 0; num < size; num++) {
      const [type, two, three] = entries.get(num) ?? [0, 0, num === 0 ? 0xffff : 0];
      table.writeUInt8(type, num * 7);
      table.writeUInt32BE(two, num * 7 + 1);
      table.writeUInt16BE(three, num * 7 + 5);
    }
    const data = deflateSync(table);
    const trailer = new Map(this.trailer);
    for (const key of ['Size', 'Prev', 'XRefStm', 'Length', 'Filter', 'DecodeParms', 'Index', 'W', 'Type']) trailer.delete(key);
    const dict = `<</Type /XRef /Size ${size} /W [${WIDTHS.join(' ')}] ${[...trailer].map(([key, v]) => `/${key} ${writeValue(v)}`).join(' ')} /Filter /FlateDecode /Length ${data.length}>>`;
    const xrefAt = offset;
    push(Buffer.from(`${xrefNumber} 0 obj\n${dict}\nstream\n`, 'latin1'));
    push(data);
    push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return new Uint8Array(Buffer.concat(parts));
  }
}

/** use(the file) of a PDF this reader reads and follows throughout `use`; else undefined (the caller's slower way). */
export function withPdfFile<T>(bytes: Uint8Array, use: (file: PdfFile) => T | undefined): T | undefined {
  return unlessNotFollowed(() => {
    const file = PdfFile.read(bytes);
    return file && use(file);
  });
}

/**
 * f's result, or undefined when it meets a file this reader does not follow (a
 * PdfSyntaxError: its syntax, or a shape it does not take); the caller then takes its
 * slower way. Any other error is a fault and goes on up.
 */
export function unlessNotFollowed<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (error) {
    if (error instanceof PdfSyntaxError) return undefined;
    throw error;
  }
}
