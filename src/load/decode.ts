import type { InputIssue } from '../issues/input-issue.ts';

export interface Decoded {
  /** The text, or undefined when the file cannot be read as text. */
  text?: string;
  issues: InputIssue[];
}

/** The warning for a file read as Windows-1252 (add the file). */
export const NOT_UTF8: Omit<InputIssue, 'file'> = {
  severity: 'warning',
  message: 'the file is not valid UTF-8, so it was read as Windows-1252 (Latin-1)',
  hint: 'Check that letters such as ä and ö look right in the report; to be sure, save the file as "CSV UTF-8".',
};

/**
 * The error for a file in UTF-16, or undefined: one that starts with a UTF-16
 * byte order mark, or, without one, whose start (up to 512 bytes) has the
 * pattern of UTF-16 text in Latin letters: a NUL byte in every other byte
 * (the odd ones in little-endian, the even ones in big-endian) — in at least
 * half of the byte pairs, and in at most an eighth of them at the other
 * position. Text in UTF-8 (or Windows-1252) has no NUL bytes at all.
 */
export function utf16Issue(bytes: Uint8Array, file: string): InputIssue | undefined {
  let which: string | undefined;
  let how = 'it starts with a UTF-16 byte order mark';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    which = bytes[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE';
  } else {
    which = utf16WithoutBom(bytes);
    how = 'every other byte of its start is a NUL byte, as in UTF-16 without a byte order mark';
  }
  if (which === undefined) return undefined;
  return {
    severity: 'error',
    file,
    message: `the file is in ${which} (${how}); Luotain reads UTF-8`,
    hint: 'Save the file as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8), not as "Unicode text".',
  };
}

/** 'UTF-16 LE' or 'UTF-16 BE' when the first bytes have UTF-16's NUL-byte pattern (see utf16Issue). */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n === 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd * 2 >= pairs && even * 8 <= pairs) return 'UTF-16 LE';
  if (even * 2 >= pairs && odd * 8 <= pairs) return 'UTF-16 BE';
  return undefined;
}

/** Bytes read as UTF-8 that are not valid UTF-8 (the file is then read again as Windows-1252). */
export class NotUtf8Error extends Error {
  constructor() {
    super('the bytes are not valid UTF-8');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Turns a file's bytes into text. UTF-8 (with or without a BOM) is read as is;
 * UTF-16 is refused; anything else that is not valid UTF-8 is read as
 * Windows-1252 (the Latin-1 superset Excel writes on Windows), with a warning.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const utf16 = utf16Issue(bytes, file);
  if (utf16) return { issues: [utf16] };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), issues: [] };
  } catch {
    return {
      text: cp1252.decode(body),
      issues: [{ ...NOT_UTF8, file }],
    };
  }
}
