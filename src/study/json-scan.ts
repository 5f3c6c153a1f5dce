/**
 * A linear-time JSON scanner for study.json: it checks the syntax exactly as
 * JSON.parse does, but says where a mistake is (line and column) in words an
 * editor of the file understands, and finds keys written twice in one object,
 * which JSON.parse accepts silently (the last one wins). Iterative, so deep
 * nesting cannot overflow the stack.
 */

/** A key written more than once in one object. */
export interface DuplicateKey {
  /** The key as decoded (`"a"` and `"\u0061"` are the same key). */
  key: string;
  /** Path of the object holding the key, as formatPath writes it (empty for the top level). */
  objectPath: (string | number)[];
  /** The line of this occurrence (1-based). */
  line: number;
  /** Lines of the earlier occurrences. */
  earlierLines: number[];
}

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type JsonScan = { ok: true; duplicates: DuplicateKey[] } | { ok: false; error: JsonSyntaxError };

interface Frame {
  kind: 'object' | 'array';
  /** Where the object or array was opened. */
  line: number;
  /** Keys seen so far in an object, with their lines. */
  keys?: Map<string, number[]>;
  /** The entry being read: the key of an object, the index in an array. */
  at: string | number;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Scans the text of a JSON document (a BOM already removed). */
export function scanJson(text: string): JsonScan {
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  const stack: Frame[] = [];
  const duplicates: DuplicateKey[] = [];

  class Stop extends Error {
    readonly error: JsonSyntaxError;
    constructor(error: JsonSyntaxError) {
      super(error.message);
      this.error = error;
    }
  }
  const fail = (message: string, at = pos): never => {
    throw new Stop({ line, column: at - lineStart + 1, message });
  };
  const shown = (at: number): string => {
    if (at >= text.length) return 'the end of the file';
    const c = text[at]!;
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'a comment';
    const word = /[A-Za-z_$][A-Za-z0-9_$]*|[0-9.+-][0-9A-Za-z.+-]*/y;
    word.lastIndex = at;
    const w = word.exec(text)?.[0];
    if (w) return `"${w.length > 20 ? `${w.slice(0, 20)}…` : w}"`;
    if (/\s/.test(c) || c === '\uFEFF')
      return `the invisible character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (JSON allows only spaces, tabs and line breaks between values)`;
    return c < ' ' ? `the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09) pos++;
      else if (c === 0x0a || c === 0x0d) {
        pos += c === 0x0d && text.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
        line++;
        lineStart = pos;
      } else return;
    }
  };
  /** What is wrong where a value was expected. */
  const badValue = (): never => {
    const c = text[pos];
    if (c === undefined) return unclosed();
    if (c === "'") fail('a string in single quotes: JSON strings need double quotes ("…")');
    if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) fail('a comment: JSON has no comments, remove it');
    const frame = stack[stack.length - 1];
    const after = frame?.kind === 'object' ? ` after the key "${String(frame.at)}"` : '';
    if (c === '}' || c === ']' || c === ',') fail(`expected a value${after}, found "${c}"${after ? '' : ': an empty entry, or a comma too many'}`);
    if (/[0-9.+-]/.test(c) || /^(?:NaN|Infinity)\b/.test(text.slice(pos, pos + 9))) fail(`${shown(pos)} is not a JSON number: write numbers like 30, 0.3 or -1.5e3`);
    return fail(`expected a value${after} (a "string", a number, an object, a list, true, false or null), found ${shown(pos)}`);
  };
  const unclosed = (): never => {
    const open = stack[stack.length - 1];
    if (!open) return fail('the file ends where a value was expected');
    return fail(`the file ends before the ${open.kind === 'object' ? 'object' : 'list'} opened on line ${open.line} is closed with "${open.kind === 'object' ? '}' : ']'}"`);
  };
  /** Reads a string at pos (on its opening quote); returns its decoded value. */
  const readString = (): string => {
    const start = pos;
    pos++;
    let out = '';
    let from = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('the file ends inside a string: its closing " is missing', start);
      if (c === 0x22) {
        out += text.slice(from, pos);
        pos++;
        return out;
      }
      if (c < 0x20) {
        if (c === 0x0a || c === 0x0d) fail('a string is not closed on its line: a closing " is missing (a line break inside a string is written \\n)', start);
        fail(`the control character U+${c.toString(16).toUpperCase().padStart(4, '0')} inside a string: write it as an escape (a tab is \\t)`);
      }
      if (c === 0x5c) {
        out += text.slice(from, pos);
        const e = text[pos + 1];
        if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          pos += 2;
        } else if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!HEX4.test(hex)) fail('"\\u" must be followed by four hexadecimal digits, like \\u00e4');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          fail(`"\\${e ?? ''}" is not an escape JSON knows: a backslash is written \\\\`);
        }
        from = pos;
        continue;
      }
      pos++;
    }
  };
  /** Reads a scalar value at pos, or opens an object or list. Returns whether a container was opened. */
  const readValue = (): boolean => {
    const c = text[pos];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', line, at: c === '{' ? '' : 0, ...(c === '{' ? { keys: new Map<string, number[]>() } : {}) });
      pos++;
      return true;
    }
    if (c === '"') {
      readString();
      return false;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos) && !/[A-Za-z0-9_$]/.test(text[pos + word.length] ?? '')) {
        pos += word.length;
        return false;
      }
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number && !/[0-9A-Za-z.+-]/.test(text[pos + number[0].length] ?? '')) {
      pos += number[0].length;
      return false;
    }
    return badValue();
  };
  const pathOf = (): (string | number)[] => stack.map((f) => f.at).slice(0, -1);
  /** Reads a key and its colon in the innermost object, at pos (after the "{" or ","). */
  const readKey = () => {
    const frame = stack[stack.length - 1]!;
    const c = text[pos];
    if (c !== '"') {
      if (c === undefined) unclosed();
      if (c === '}') fail('a comma after the last entry: JSON allows no comma before "}", remove it');
      if (c === "'") fail('a key in single quotes: JSON keys need double quotes ("…")');
      if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) fail('a comment: JSON has no comments, remove it');
      if (/[A-Za-z_$]/.test(c!)) fail(`the key ${shown(pos)} needs double quotes`);
      if (/[0-9]/.test(c!) && /[0-9],\s*$/.test(text.slice(Math.max(0, pos - 20), pos)))
        fail(`expected a key in double quotes, found ${shown(pos)}: JSON numbers take a decimal point (0.3), not a comma`);
      fail(`expected a key in double quotes, found ${shown(pos)}`);
    }
    const keyLine = line;
    const key = readString();
    frame.at = key;
    const lines = frame.keys!.get(key);
    if (lines) {
      duplicates.push({ key, objectPath: pathOf(), line: keyLine, earlierLines: [...lines] });
      lines.push(keyLine);
    } else frame.keys!.set(key, [keyLine]);
    skipSpace();
    if (text[pos] !== ':') {
      if (pos >= text.length) unclosed();
      fail(`expected ":" after the key "${key}", found ${shown(pos)}`);
    }
    pos++;
    skipSpace();
  };

  try {
    skipSpace();
    if (pos >= text.length) fail('the file is empty: it should hold one JSON object, {…}');
    let opened = readValue();
    for (;;) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      skipSpace();
      if (opened) {
        opened = false;
        const close = frame.kind === 'object' ? '}' : ']';
        if (text[pos] === close) {
          pos++;
          stack.pop();
          continue;
        }
        if (frame.kind === 'object') readKey();
        opened = readValue();
        continue;
      }
      // After a value in the frame: a comma, or the close.
      const c = text[pos];
      const close = frame.kind === 'object' ? '}' : ']';
      if (c === close) {
        pos++;
        stack.pop();
        continue;
      }
      if (c === ',') {
        pos++;
        skipSpace();
        if (frame.kind === 'array') {
          if (text[pos] === ']') fail('a comma after the last entry: JSON allows no comma before "]", remove it');
          frame.at = (frame.at as number) + 1;
        } else readKey();
        opened = readValue();
        continue;
      }
      if (c === undefined) unclosed();
      if (c === '}' || c === ']') fail(`"${c}" closes nothing here: the ${frame.kind === 'object' ? 'object' : 'list'} opened on line ${frame.line} ends with "${close}"`);
      if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) fail('a comment: JSON has no comments, remove it');
      fail(`expected "," or "${close}" after a value, found ${shown(pos)}${c === '"' || c === '{' || c === '[' ? ': a comma is missing before it' : ''}`);
    }
    skipSpace();
    if (pos < text.length) fail(`more text after the end of the JSON, found ${shown(pos)}: the file must hold one value, {…}`);
    return { ok: true, duplicates };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, error: error.error };
    throw error;
  }
}
