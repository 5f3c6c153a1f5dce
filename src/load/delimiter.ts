/** The delimiters a responses or benchmarks file may use. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a delimiter is named in messages. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma';
}

/**
 * Guesses the delimiter from the first non-empty line: the one of comma,
 * semicolon and tab that occurs most often outside quotes (comma on a tie or
 * when none occurs, as for a one-column file).
 */
export function sniffDelimiter(text: string): Delimiter {
  // The header is the first line with something other than white space on it.
  const first = text.search(/\S/);
  if (first < 0) return ',';
  const start = text.lastIndexOf('\n', first) + 1;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts[d] > counts[best]) best = d;
  return best;
}
