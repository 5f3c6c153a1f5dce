import { sepLine } from './sep-line.ts';

// The first newline or character other than white space.
const NEWLINE_OR_CONTENT = /\n|\S/g;

/**
 * The start of a text given in pieces (line ends already normalised), held
 * back until its header line is whole, so that the delimiter can be found:
 * the first line that is not blank, or the one after it when that is an
 * Excel "sep=" line. Each piece is looked at once.
 */
export class HeaderLead {
  private pieces: string[] = [];
  /** Lines of the lead that are not blank and whole, how many it needs, and whether the line being read is not blank so far. */
  private lines = 0;
  private need = 1;
  private content = false;

  /** Adds a piece; returns the whole lead once it holds the header line (and forgets it), else undefined. */
  push(text: string): string | undefined {
    this.pieces.push(text);
    if (!this.complete(text)) return undefined;
    return this.take();
  }

  /** The text held back, forgotten. */
  take(): string {
    const lead = this.pieces.join('');
    this.pieces = [];
    return lead;
  }

  /** Whether, with `text` (the last piece), the lead holds its header line whole. */
  private complete(text: string): boolean {
    let i = 0;
    while (i < text.length) {
      if (!this.content) {
        NEWLINE_OR_CONTENT.lastIndex = i;
        const m = NEWLINE_OR_CONTENT.exec(text);
        if (!m) return false;
        i = m.index + 1;
        if (m[0] !== '\n') this.content = true;
        continue;
      }
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
      this.content = false;
      if (++this.lines === 1) {
        const joined = this.pieces.join('');
        this.pieces = [joined];
        if (sepLine(joined)) this.need = 2;
      }
      if (this.lines >= this.need) return true;
    }
    return false;
  }
}
