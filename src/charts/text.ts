/**
 * Text measuring for chart layout. Plot does not measure text, so margins and
 * wrapping are computed here from the advance widths of Inter (the report font),
 * in hundredths of an em, regular (400) weight.
 */

const WIDTHS: Record<string, number> = {
  ' ': 28, '!': 29, '"': 47, '#': 63, '%': 98, '&': 64, "'": 30, '(': 36, ')': 36, '*': 50, '+': 66, ',': 29,
  '-': 46, '.': 29, '/': 36, ':': 29, ';': 30, '<': 66, '=': 66, '>': 66, '?': 51, '[': 36, ']': 36, '_': 46,
  '0': 63, '1': 41, '2': 61, '3': 62, '4': 65, '5': 59, '6': 62, '7': 57, '8': 62, '9': 62,
  A: 69, B: 65, C: 73, D: 72, E: 60, F: 59, G: 75, H: 74, I: 27, J: 57, K: 67, L: 57, M: 90, N: 75, O: 76,
  P: 64, Q: 76, R: 64, S: 64, T: 65, U: 74, V: 69, W: 99, X: 68, Y: 68, Z: 63,
  a: 56, b: 61, c: 57, d: 61, e: 58, f: 37, g: 61, h: 59, i: 24, j: 24, k: 55, l: 24, m: 88, n: 59, o: 60,
  p: 61, q: 61, r: 38, s: 53, t: 33, u: 59, v: 56, w: 82, x: 55, y: 56, z: 55,
  ä: 56, ö: 60, å: 56, Ä: 69, Ö: 76, Å: 69, é: 58, ü: 59, '–': 50, '—': 100, '\u2212': 66, '…': 86, '\u00a0': 28,
};
/** Width of characters not in the table (a wide lower-case letter). */
const DEFAULT_WIDTH = 62;
/** Semibold text is about 3 % wider than regular. */
const BOLD_FACTOR = 1.04;

/** Estimated width in px of a single line of text set in Inter. */
export function textWidth(text: string, fontSize = 12, bold = false): number {
  let units = 0;
  for (const c of text) units += WIDTHS[c] ?? DEFAULT_WIDTH;
  return (units / 100) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** Default wrapping width: about 38 characters of text at 12 px. */
export const LABEL_WRAP_WIDTH = 235;

/** Slack allowed for balanced lines over the nominal wrapping width. */
const BALANCE_SLACK = 1.2;

/**
 * Breaks text into lines at spaces (and after hyphens): a label wider than
 * maxWidth (px) is split into the fewest lines, at most maxLines, whose widest
 * line is as narrow as possible and no wider than maxWidth × 1.2 (so a 70-character
 * Finnish label takes two balanced lines). A word too wide for a line is broken
 * with a hyphen; text beyond the last line is cut with an ellipsis.
 */
export function wrapText(text: string, maxWidth = LABEL_WRAP_WIDTH, fontSize = 12, maxLines = 3): string[] {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (textWidth(clean, fontSize) <= maxWidth || maxLines <= 1) return maxLines <= 1 ? ellipsize(clean, maxWidth, fontSize) : [clean];
  const limit = maxWidth * BALANCE_SLACK;
  // Words with the glue that follows them ('' after a hyphen, ' ' otherwise).
  const words = splitWords(clean, limit, fontSize);
  const join = (from: number, to: number): string =>
    words
      .slice(from, to)
      .map((w, i, a) => w.word + (i < a.length - 1 ? w.glue : ''))
      .join('');
  for (let n = 2; n <= maxLines; n++) {
    const best = balance(words.length, n, (a, b) => textWidth(join(a, b), fontSize));
    if (best && best.width <= limit) return best.breaks.map(([a, b]) => join(a, b));
  }
  // Too long even for maxLines balanced lines: fill greedily and cut the rest.
  const lines: string[] = [];
  let from = 0;
  for (let to = 1; to <= words.length; to++) {
    if (to > from + 1 && textWidth(join(from, to), fontSize) > limit) {
      lines.push(join(from, to - 1));
      from = to - 1;
    }
  }
  lines.push(join(from, words.length));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1] + ' …', limit, fontSize)[0];
  return kept;
}

function ellipsize(line: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(line, fontSize) <= maxWidth && !line.endsWith(' …')) return [line];
  let body = line.replace(/ …$/, '');
  while (body.length > 1 && textWidth(body + '…', fontSize) > maxWidth) body = body.slice(0, -1);
  return [body.replace(/[\s-]+$/, '') + '…'];
}

function splitWords(text: string, limit: number, fontSize: number): { word: string; glue: string }[] {
  const out: { word: string; glue: string }[] = [];
  for (const spaced of text.split(' ')) {
    const parts = spaced.split(/(?<=-)(?=\p{L})/u);
    parts.forEach((part, i) => {
      let word = part;
      while (textWidth(word, fontSize) > limit) {
        let cut = word.length - 1;
        while (cut > 1 && textWidth(word.slice(0, cut) + '-', fontSize) > limit) cut--;
        out.push({ word: word.slice(0, cut) + '-', glue: '' });
        word = word.slice(cut);
      }
      out.push({ word, glue: i < parts.length - 1 ? '' : ' ' });
    });
  }
  return out;
}

/** Splits k words into n consecutive lines minimising the widest line (exhaustive DP; labels are short). */
function balance(
  k: number,
  n: number,
  width: (from: number, to: number) => number,
): { width: number; breaks: [number, number][] } | undefined {
  if (n > k) return undefined;
  const memo = new Map<string, { width: number; breaks: [number, number][] } | undefined>();
  const solve = (from: number, lines: number): { width: number; breaks: [number, number][] } | undefined => {
    const key = `${from}:${lines}`;
    if (memo.has(key)) return memo.get(key);
    let result: { width: number; breaks: [number, number][] } | undefined;
    if (lines === 1) result = { width: width(from, k), breaks: [[from, k]] };
    else {
      for (let to = from + 1; to <= k - lines + 1; to++) {
        const rest = solve(to, lines - 1);
        if (!rest) continue;
        const w = Math.max(width(from, to), rest.width);
        if (!result || w < result.width - 1e-9) result = { width: w, breaks: [[from, to], ...rest.breaks] };
      }
    }
    memo.set(key, result);
    return result;
  };
  return solve(0, n);
}

/** The widest line of a wrapped label, in px. */
export function linesWidth(lines: string[], fontSize = 12, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold)));
}
