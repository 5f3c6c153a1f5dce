import type { InputIssue } from '../issues/input-issue.ts';
import { DELIMITERS, type Delimiter } from './delimiter.ts';

/** An Excel "sep=" line: the delimiter it names, the line it is on, and where the text after it starts. */
export interface SepLine {
  /** The delimiter, or undefined when it names one Luotain does not read. */
  delimiter?: Delimiter;
  /** The line as written (for messages), and the delimiter it names. */
  text: string;
  named: string;
  /** Its physical line (1-based). */
  line: number;
  /** The offset just after its newline (or the text's end). */
  end: number;
}

// "sep=;" as Excel writes it, also in quotes, with "\t" or a tab for a tab, perhaps with the delimiter repeated after it as a spreadsheet re-saving it adds.
const SEP_LINE = /^ *(?:"sep=(\\t|[^"])"|sep=(\\t|.))[,;\t ]*$/i;

/** The error of a "sep=" line that names a delimiter Luotain does not read (the header's is used instead). */
export function sepLineIssue(sep: SepLine): Omit<InputIssue, 'severity' | 'file'> {
  return {
    line: sep.line,
    value: sep.text,
    message: `the line "sep=${sep.named}" names the delimiter "${sep.named}", which Luotain does not read (it reads comma, semicolon or tab); the delimiter was taken from the header`,
    hint: 'Export the file with comma, semicolon or tab as the delimiter.',
  };
}

/**
 * Excel's first line "sep=;" (or "sep=," or "sep=" and a tab; in quotes or
 * not), which names the delimiter and is not the header: found on the first
 * line that is not blank (line ends already normalised to "\n"), else undefined.
 */
export function sepLine(text: string): SepLine | undefined {
  const first = text.search(/\S/);
  if (first < 0) return undefined;
  const start = text.lastIndexOf('\n', first) + 1;
  const nl = text.indexOf('\n', start);
  const lineText = text.slice(start, nl < 0 ? text.length : nl);
  if (lineText.length > 40) return undefined;
  const m = SEP_LINE.exec(lineText);
  if (!m) return undefined;
  const named = m[1] ?? m[2];
  const d = named.length === 2 ? '\t' : named;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
  return {
    ...((DELIMITERS as readonly string[]).includes(d) ? { delimiter: d as Delimiter } : {}),
    text: lineText.trim(),
    named: d,
    line,
    end: nl < 0 ? text.length : nl + 1,
  };
}
