/** Makes every line end a single "\n" (CRLF, CR and LF alike, even mixed); keeps the line count. */
export function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * Turns CRLF and lone CR line ends into "\n" in a text given in pieces: a CR
 * at the end of a piece waits for the next one (it may be half of a CRLF).
 */
export class LineEndNormaliser {
  private carry = false;

  push(piece: string): string {
    let s = this.carry ? '\r' + piece : piece;
    this.carry = s.endsWith('\r');
    if (this.carry) s = s.slice(0, -1);
    return normaliseLineEnds(s);
  }

  end(): string {
    const out = this.carry ? '\n' : '';
    this.carry = false;
    return out;
  }
}
