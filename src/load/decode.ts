import type { InputIssue } from './types.ts';

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

/** The error for a file that starts with a UTF-16 byte order mark, or undefined. */
export function utf16Issue(bytes: Uint8Array, file: string): InputIssue | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const which = bytes[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE';
    return {
      severity: 'error',
      file,
      message: `the file is in ${which} (it starts with a UTF-16 byte order mark); Luotain reads UTF-8`,
      hint: 'Save the file as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8), not as "Unicode text".',
    };
  }
  return undefined;
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
