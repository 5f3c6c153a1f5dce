/**
 * The object syntax of PDF (ISO 32000-1, 7.3): a reader for the few objects the
 * export changes or follows (the catalog, the document information, outline items,
 * the page tree, the destinations) and a writer for what it changes. Text is handled
 * as a "binary string": one character per byte (latin1), as PDF's syntax is bytes.
 */

export type PdfValue =
  | { type: 'dict'; entries: Map<string, PdfValue> }
  | { type: 'array'; items: PdfValue[] }
  | { type: 'ref'; num: number; gen: number }
  | { type: 'string'; bytes: Uint8Array }
  /** A name ("/Type"), number, boolean or null, kept as written. */
  | { type: 'token'; text: string };

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

export class PdfSyntaxError extends Error {
  constructor(message: string, at: number) {
    super(`${message} at ${at}`);
    this.name = 'PdfSyntaxError';
  }
}

/** The index of the first character at or after `i` that is not white space or a comment. */
export function skipSpace(s: string, i: number): number {
  for (;;) {
    while (i < s.length && WHITE.has(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 37) return i; // %
    while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
  }
}

function regularEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (WHITE.has(c) || DELIMITERS.has(c)) break;
    i++;
  }
  return i;
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

function literalString(s: string, i: number): { value: PdfValue; end: number } {
  const out: number[] = [];
  let depth = 1;
  i++;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\') {
      const next = s[i + 1] ?? '';
      if (next in ESCAPES) {
        out.push(ESCAPES[next]!);
        i += 2;
      } else if (next >= '0' && next <= '7') {
        let j = i + 1;
        let code = 0;
        while (j < i + 4 && s[j]! >= '0' && s[j]! <= '7') code = code * 8 + Number(s[j++]);
        out.push(code & 255);
        i = j;
      } else if (next === '\r' || next === '\n') {
        // A line continued: the backslash and the end of line are not part of the string.
        i += next === '\r' && s[i + 2] === '\n' ? 3 : 2;
      } else i++;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return { value: { type: 'string', bytes: Uint8Array.from(out) }, end: i + 1 };
    if (ch === '\r') {
      out.push(10);
      i += s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    out.push(s.charCodeAt(i) & 255);
    i++;
  }
  throw new PdfSyntaxError('unterminated string', i);
}

/** Reads the value at `i` (after any white space); returns it and where it ends. */
export function parseValue(s: string, i: number): { value: PdfValue; end: number } {
  i = skipSpace(s, i);
  const ch = s[i];
  if (ch === '<' && s[i + 1] === '<') {
    const entries = new Map<string, PdfValue>();
    i += 2;
    for (;;) {
      i = skipSpace(s, i);
      if (s[i] === '>' && s[i + 1] === '>') return { value: { type: 'dict', entries }, end: i + 2 };
      if (s[i] !== '/') throw new PdfSyntaxError('expected a name as a dictionary key', i);
      const keyEnd = regularEnd(s, i + 1);
      const key = s.slice(i + 1, keyEnd);
      const { value, end } = parseValue(s, keyEnd);
      entries.set(key, value);
      i = end;
    }
  }
  if (ch === '<') {
    const close = s.indexOf('>', i);
    if (close < 0) throw new PdfSyntaxError('unterminated hex string', i);
    const hex = s.slice(i + 1, close).replace(/[\0\t\n\f\r ]+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new PdfSyntaxError('not a hex string', i);
    const padded = hex.length % 2 ? `${hex}0` : hex;
    return { value: { type: 'string', bytes: Uint8Array.from(Buffer.from(padded, 'hex')) }, end: close + 1 };
  }
  if (ch === '[') {
    const items: PdfValue[] = [];
    i++;
    for (;;) {
      i = skipSpace(s, i);
      if (s[i] === ']') return { value: { type: 'array', items }, end: i + 1 };
      if (i >= s.length) throw new PdfSyntaxError('unterminated array', i);
      const { value, end } = parseValue(s, i);
      items.push(value);
      i = end;
    }
  }
  if (ch === '(') return literalString(s, i);
  if (ch === '/') {
    const end = regularEnd(s, i + 1);
    return { value: { type: 'token', text: s.slice(i, end) }, end };
  }
  const end = regularEnd(s, i);
  if (end === i) throw new PdfSyntaxError(`unexpected "${ch ?? 'end of data'}"`, i);
  const text = s.slice(i, end);
  // An indirect reference: two whole numbers and R.
  if (/^\d+$/.test(text)) {
    const ref = /^[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?=[\0\t\n\f\r ()<>[\]{}/%]|$)/.exec(s.slice(end, end + 24));
    if (ref) return { value: { type: 'ref', num: Number(text), gen: Number(ref[1]) }, end: end + ref[0].length };
  }
  return { value: { type: 'token', text }, end };
}

/** Writes a value in PDF syntax; strings as hex strings (no escaping to get wrong). */
export function writeValue(value: PdfValue): string {
  switch (value.type) {
    case 'dict':
      return `<<${[...value.entries].map(([key, v]) => `/${key} ${writeValue(v)}`).join('\n')}>>`;
    case 'array':
      return `[${value.items.map(writeValue).join(' ')}]`;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'string':
      return `<${Buffer.from(value.bytes).toString('hex').toUpperCase()}>`;
    case 'token':
      return value.text;
  }
}

/** A text string as PDF writes Unicode (7.9.2.2): UTF-16BE after a byte order mark. */
export function textString(text: string): PdfValue {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xfe;
  bytes[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i] = unit >> 8;
    bytes[3 + 2 * i] = unit & 255;
  }
  return { type: 'string', bytes };
}

/**
 * A text string's text: UTF-16BE after a byte order mark, else PDFDocEncoding, read
 * here as Latin-1 (they differ only in a few rarely used codes, 0x18–0x1F and 0x80–0x9F).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return text;
  }
  return Buffer.from(bytes).toString('latin1');
}

/** A date as PDF writes it (7.9.4), in UTC: D:YYYYMMDDHHmmSSZ. */
export function dateString(date: Date): PdfValue {
  const iso = date.toISOString();
  const text = `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return { type: 'string', bytes: Uint8Array.from(Buffer.from(text, 'latin1')) };
}
