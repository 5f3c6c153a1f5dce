/**
 * Text measuring for chart layout. Plot does not measure text, so margins and
 * wrapping are computed here from the advance widths of Inter (the report font),
 * in hundredths of an em, regular (400) weight.
 */

const WIDTHS: Record<string, number> = {
  ' ': 28,
  '!': 29,
  '"': 47,
  '#': 63,
  '%': 98,
  '&': 64,
  "'": 30,
  '(': 36,
  ')': 36,
  '*': 50,
  '+': 66,
  ',': 29,
  '-': 46,
  '.': 29,
  '/': 36,
  ':': 29,
  ';': 30,
  '<': 66,
  '=': 66,
  '>': 66,
  '?': 51,
  '[': 36,
  ']': 36,
  _: 46,
  '0': 63,
  '1': 41,
  '2': 61,
  '3': 62,
  '4': 65,
  '5': 59,
  '6': 62,
  '7': 57,
  '8': 62,
  '9': 62,
  A: 69,
  B: 65,
  C: 73,
  D: 72,
  E: 60,
  F: 59,
  G: 75,
  H: 74,
  I: 27,
  J: 57,
  K: 67,
  L: 57,
  M: 90,
  N: 75,
  O: 76,
  P: 64,
  Q: 76,
  R: 64,
  S: 64,
  T: 65,
  U: 74,
  V: 69,
  W: 99,
  X: 68,
  Y: 68,
  Z: 63,
  a: 56,
  b: 61,
  c: 57,
  d: 61,
  e: 58,
  f: 37,
  g: 61,
  h: 59,
  i: 24,
  j: 24,
  k: 55,
  l: 24,
  m: 88,
  n: 59,
  o: 60,
  p: 61,
  q: 61,
  r: 38,
  s: 53,
  t: 33,
  u: 59,
  v: 56,
  w: 82,
  x: 55,
  y: 56,
  z: 55,
  ä: 56,
  ö: 60,
  å: 56,
  Ä: 69,
  Ö: 76,
  Å: 69,
  é: 58,
  ü: 59,
  '–': 50,
  '—': 100,
  '\u2212': 66,
  '…': 86,
  '\u00a0': 28,
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
/** Advance widths of the glue and marks wrapText adds, in hundredths of an em. */
const SPACE = 28;
const HYPHEN = 46;
const ELLIPSIS = 86;

/**
 * An optional counter of wrapText's work: each character measured and each
 * line layout tried is one step. Wrapping takes O(length) steps for a given
 * width, font size and maxLines (tests hold it to that).
 */
export interface WorkMeter {
  steps: number;
}

/**
 * Breaks text into lines at spaces (and after hyphens): a label wider than
 * maxWidth (px) is split into the fewest lines, at most maxLines, whose widest
 * line is as narrow as possible and no wider than maxWidth × 1.2 (so a 70-character
 * Finnish label takes two balanced lines). A word too wide for a line is broken
 * with a hyphen (between characters, never inside a surrogate pair); text beyond
 * the last line is cut with an ellipsis.
 *
 * Linear in the length of the text: widths are summed once into prefix sums,
 * the balanced layouts are tried only for text that can fit in maxLines lines
 * and only with lines that fit, and a label too long for that is filled
 * greedily up to its last line and cut there.
 */
export function wrapText(text: string, maxWidth = LABEL_WRAP_WIDTH, fontSize = 12, maxLines = 3, meter?: WorkMeter): string[] {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (meter) meter.steps += text.length;
  if (maxLines <= 1) return [ellipsize(clean, maxWidth, fontSize, meter)];
  if (px(unitsOf(clean, meter), fontSize) <= maxWidth) return [clean];
  const limit = maxWidth * BALANCE_SLACK;
  const words = splitWords(clean, limit, fontSize, meter);
  const k = words.length;
  // at[i]: the units of words[0, i) with the glue after each.
  const at = new Array<number>(k + 1);
  at[0] = 0;
  for (let i = 0; i < k; i++) at[i + 1] = at[i] + words[i].units + (words[i].glue === ' ' ? SPACE : 0);
  /** Width in px of the line words[from, to). */
  const width = (from: number, to: number): number => px(at[to] - at[from] - (words[to - 1].glue === ' ' ? SPACE : 0), fontSize);
  const join = (from: number, to: number): string =>
    words
      .slice(from, to)
      .map((w, i, a) => w.word + (i < a.length - 1 ? w.glue : ''))
      .join('');
  // maxLines lines of at most limit hold at most this much text (the glue at a break is dropped).
  const roomy = px(at[k] - SPACE * maxLines, fontSize) <= maxLines * limit * (1 + 1e-9);
  for (let n = 2; roomy && n <= maxLines; n++) {
    const breaks = balance(k, n, limit, width, meter);
    if (breaks) return breaks.map(([a, b]) => join(a, b));
  }
  // Too long even for maxLines balanced lines: fill greedily and cut what is left after the last line.
  const lines: string[] = [];
  let from = 0;
  for (let to = 1; to <= k; to++) {
    if (meter) meter.steps++;
    if (to > from + 1 && width(from, to) > limit) {
      lines.push(join(from, to - 1));
      from = to - 1;
      if (lines.length === maxLines) break;
    }
  }
  if (lines.length < maxLines) return [...lines, join(from, k)];
  lines[maxLines - 1] = ellipsize(lines[maxLines - 1] + ' …', limit, fontSize, meter);
  return lines;
}

/** px for a width in hundredths of an em (as textWidth computes it). */
function px(units: number, fontSize: number): number {
  return (units / 100) * fontSize;
}

/** The units of text, as textWidth sums them. */
function unitsOf(text: string, meter?: WorkMeter): number {
  if (meter) meter.steps += text.length;
  let units = 0;
  for (const c of text) units += WIDTHS[c] ?? DEFAULT_WIDTH;
  return units;
}

function isHigh(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Prefix sums of the units of text's code units: sums[j] is the width of
 * text.slice(0, j) as textWidth sums it (a surrogate pair counts once).
 */
function prefixUnits(text: string, meter?: WorkMeter): number[] {
  if (meter) meter.steps += text.length;
  const sums = new Array<number>(text.length + 1);
  sums[0] = 0;
  for (let i = 0; i < text.length; i++) {
    const units = isLow(text, i) && i > 0 && isHigh(text, i - 1) ? 0 : (WIDTHS[text[i]] ?? DEFAULT_WIDTH);
    sums[i + 1] = sums[i] + units;
  }
  return sums;
}

/** The end of the code point that starts at i. */
function nextPoint(text: string, i: number): number {
  return isHigh(text, i) && isLow(text, i + 1) ? i + 2 : i + 1;
}

/** line, or when it is wider than maxWidth (or ends with ' …') its longest start that fits with an ellipsis. */
function ellipsize(line: string, maxWidth: number, fontSize: number, meter?: WorkMeter): string {
  const marked = line.endsWith(' …');
  if (!marked && px(unitsOf(line, meter), fontSize) <= maxWidth) return line;
  const body = marked ? line.slice(0, -2) : line;
  const sums = prefixUnits(body, meter);
  // The longest start of at least two code units (or one, if none fits) that fits with the ellipsis.
  let end = Math.min(body.length, nextPoint(body, 0));
  for (let next = nextPoint(body, end); next <= body.length; next = nextPoint(body, next)) {
    if (meter) meter.steps++;
    if (px(sums[next] + ELLIPSIS, fontSize) > maxWidth) break;
    end = next;
  }
  while (end > 0 && /[\s-]/.test(body[end - 1])) end--;
  return body.slice(0, end) + '…';
}

/** A word with the glue that follows it ('' after a hyphen, ' ' otherwise), and its width in units. */
interface Word {
  word: string;
  glue: '' | ' ';
  units: number;
}

function splitWords(text: string, limit: number, fontSize: number, meter?: WorkMeter): Word[] {
  const out: Word[] = [];
  for (const spaced of text.split(' ')) {
    const parts = spaced.split(/(?<=-)(?=\p{L})/u);
    parts.forEach((part, i) => {
      const sums = prefixUnits(part, meter);
      const end = part.length;
      let from = 0;
      // A part too wide for a line is cut after its longest start that fits with a hyphen (at least one code point).
      while (nextPoint(part, from) < end && px(sums[end] - sums[from], fontSize) > limit) {
        let cut = nextPoint(part, from);
        for (let next = nextPoint(part, cut); next < end; next = nextPoint(part, next)) {
          if (meter) meter.steps++;
          if (px(sums[next] - sums[from] + HYPHEN, fontSize) > limit) break;
          cut = next;
        }
        out.push({ word: part.slice(from, cut) + '-', glue: '', units: sums[cut] - sums[from] + HYPHEN });
        from = cut;
      }
      out.push({ word: part.slice(from), glue: i < parts.length - 1 ? '' : ' ', units: sums[end] - sums[from] });
    });
  }
  return out;
}

/**
 * Splits k words into n consecutive lines no wider than limit, minimising the
 * widest line (the first such split, breaking as early as possible on ties),
 * or undefined when they do not fit. Dynamic programming over the lines that
 * fit: O(n × k × the words a line holds).
 */
function balance(k: number, n: number, limit: number, width: (from: number, to: number) => number, meter?: WorkMeter): [number, number][] | undefined {
  if (n > k) return undefined;
  // best[l][from]: the narrowest widest line setting words[from, k) in l + 1 lines, and where its first line ends.
  const best: { width: number; to: number }[][] = [];
  const last: { width: number; to: number }[] = [];
  for (let from = k - 1; from >= 0; from--) {
    if (meter) meter.steps++;
    const w = width(from, k);
    if (w > limit) break;
    last[from] = { width: w, to: k };
  }
  best.push(last);
  for (let l = 1; l < n; l++) {
    const row: { width: number; to: number }[] = [];
    for (let from = 0; from <= k - l - 1; from++) {
      let result: { width: number; to: number } | undefined;
      for (let to = from + 1; to <= k - l; to++) {
        if (meter) meter.steps++;
        const w = width(from, to);
        if (w > limit) break;
        const rest = best[l - 1][to];
        if (rest === undefined) continue;
        const widest = Math.max(w, rest.width);
        if (!result || widest < result.width - 1e-9) result = { width: widest, to };
      }
      if (result) row[from] = result;
    }
    best.push(row);
  }
  const breaks: [number, number][] = [];
  let from = 0;
  for (let l = n - 1; l >= 0; l--) {
    const step = best[l][from];
    if (step === undefined) return undefined;
    breaks.push([from, step.to]);
    from = step.to;
  }
  return breaks;
}

/** The widest line of a wrapped label, in px. */
export function linesWidth(lines: string[], fontSize = 12, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, fontSize, bold)));
}
