/**
 * The contents page's page numbers from one print. Where a heading lands is known
 * only once the page is printed, so the numbers were found by printing twice: a
 * layout print for the numbers, then the final print with them filled in. Here the
 * page is printed once with a two-digit placeholder in each number's place, drawn in a
 * colour nothing else has, and the placeholders' glyphs in the PDF are then swapped for
 * the numbers the print's own destinations give.
 *
 * Why this holds: the numbers are tabular figures, right-aligned in a column of fixed
 * width (src/styles/print.css), so every digit has the same advance and a number
 * moves nothing around it; a one-digit number is the placeholder's last glyph alone,
 * where right alignment puts it. The placeholders cycle through 01 23 45 67 89 per
 * font, so each font's digits are learnt from its own placeholders, glyphs that are
 * then in the embedded subset and its ToUnicode map. Anything not exactly as expected
 * (a number of three digits, a digit no placeholder of that font showed, a text run
 * of another shape, the colour found elsewhere) gives up, and the caller prints twice.
 */
import type { Page } from 'playwright-core';
import { type PdfFile, unlessNotFollowed } from './pdf-file.ts';
import { decodeText, type PdfValue } from './pdf-syntax.ts';

/** The placeholders' colour: no report colour, so its fill operator finds them. */
const MARKER = [1, 2, 3] as const;
const PAIRS = ['01', '23', '45', '67', '89'];

export interface Placeholder {
  /** The number's own colour (CSS rgb()), put back in the PDF. */
  color: string;
  /** The two digits drawn in its place. */
  digits: string;
}

/**
 * Writes the placeholders into the print page and returns them in document order;
 * undefined, changing nothing, when the numbers are not tabular figures in boxes
 * whose width does not depend on the number (then a placeholder could not stand in).
 */
export async function markContents(page: Page): Promise<Placeholder[] | undefined> {
  return page.$$eval(
    '[data-toc-page]',
    (elements, { marker, pairs }) => {
      const numbers = elements as HTMLElement[];
      const styles = numbers.map((element) => getComputedStyle(element));
      if (!styles.every((style) => style.fontVariantNumeric.includes('tabular-nums') && ['right', 'end'].includes(style.textAlign))) return undefined;
      const widths = (text: (i: number) => string) => {
        numbers.forEach((element, i) => {
          element.textContent = text(i);
        });
        return numbers.map((element) => element.getBoundingClientRect().width);
      };
      const perFont = new Map<string, number>();
      const digits = styles.map((style) => {
        const font = `${style.fontFamily}|${style.fontWeight}|${style.fontStyle}|${style.fontSize}`;
        const k = perFont.get(font) ?? 0;
        perFont.set(font, k + 1);
        return pairs[k % pairs.length]!;
      });
      const one = widths(() => '8');
      const two = widths((i) => digits[i]!);
      if (one.some((width, i) => width !== two[i])) {
        for (const element of numbers) element.textContent = '';
        return undefined;
      }
      return numbers.map((element, i) => {
        const placeholder = { color: styles[i]!.color, digits: digits[i]! };
        element.style.color = `rgb(${marker.join(', ')})`;
        return placeholder;
      });
    },
    { marker: [...MARKER], pairs: PAIRS },
  );
}

/** Takes the placeholders out again (before the page is printed the long way). */
export async function unmarkContents(page: Page): Promise<void> {
  await page.$$eval('[data-toc-page]', (elements) => {
    for (const element of elements as HTMLElement[]) {
      element.style.color = '';
      element.textContent = '';
    }
  });
}

/** A colour component as Skia writes it: 0–1 to four decimals, no trailing zeros, no leading zero. */
function component(value: number): string {
  const text = (value / 255).toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return text.startsWith('0.') ? text.slice(1) : text;
}

function colorOperands(css: string): string | undefined {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  return match
    ? match
        .slice(1, 4)
        .map((c) => component(Number(c)))
        .join(' ')
    : undefined;
}

const MARKER_OPERANDS = MARKER.map(component).join(' ');
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A placeholder as Skia draws it: the marker colour (stroke and fill, or fill), at most
 * two lines (the end of the last marked content, the start of the next), then a text
 * object of the two glyphs, in one string or placed one by one.
 */
const RUN = new RegExp(
  `(?<stroke>${literal(MARKER_OPERANDS)} RG )?${literal(MARKER_OPERANDS)} rg\\n(?<between>(?:(?!BT\\n)[^\\n]*\\n){0,2})BT\\n(?<font>/[^\\s/]+) (?<size>[\\d.]+) Tf\\n1 0 0 -1 (?<x>-?[\\d.]+) (?<y>-?[\\d.]+) Tm\\n(?:<(?<whole>[0-9A-F]+)> Tj|<(?<first>[0-9A-F]+)> Tj\\n(?<step>-?[\\d.]+) 0 Td <(?<second>[0-9A-F]+)> Tj)\\nET`,
  'g',
);

const coordinate = (value: number) => String(Number(value.toFixed(5)));

/** A number written in the file, or undefined. */
function numberOf(value: PdfValue | undefined): number | undefined {
  if (value?.type !== 'token' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(value.text)) return undefined;
  return Number(value.text);
}

/** How far a glyph of `font` at `size` moves the text (its width, from the font's /W or /Widths). */
function advance(file: PdfFile, font: PdfValue | undefined, code: number, size: number): number | undefined {
  const subtype = file.get(font, 'Subtype');
  if (subtype?.type !== 'token') return undefined;
  if (subtype.text === '/Type0') {
    const descendants = file.get(font, 'DescendantFonts');
    const cid = descendants?.type === 'array' ? file.resolve(descendants.items[0]) : undefined;
    const widths = file.get(cid, 'W');
    const items = widths?.type === 'array' ? widths.items.map((item) => file.resolve(item)) : [];
    for (let i = 0; i < items.length; ) {
      const first = numberOf(items[i]);
      const next = items[i + 1];
      if (first === undefined) return undefined;
      if (next?.type === 'array') {
        if (code >= first && code < first + next.items.length) return ((numberOf(file.resolve(next.items[code - first])) ?? Number.NaN) * size) / 1000;
        i += 2;
      } else {
        const [last, width] = [numberOf(next), numberOf(items[i + 2])];
        if (last === undefined || width === undefined) return undefined;
        if (code >= first && code <= last) return (width * size) / 1000;
        i += 3;
      }
    }
    const fallback = numberOf(file.get(cid, 'DW')) ?? 1000;
    return (fallback * size) / 1000;
  }
  const widths = file.get(font, 'Widths');
  const width = widths?.type === 'array' ? numberOf(file.resolve(widths.items[code - (numberOf(file.get(font, 'FirstChar')) ?? 0)])) : undefined;
  const matrix = file.get(font, 'FontMatrix');
  const scale = subtype.text === '/Type3' ? (matrix?.type === 'array' ? numberOf(file.resolve(matrix.items[0])) : undefined) : 0.001;
  return width === undefined || scale === undefined ? undefined : width * scale * size;
}

/** Hex digits per character code: two bytes in a composite font with Identity-H, one in a simple font. */
function codeLength(file: PdfFile, font: PdfValue | undefined): number | undefined {
  const subtype = file.get(font, 'Subtype');
  if (subtype?.type !== 'token') return undefined;
  if (subtype.text === '/Type0') {
    const encoding = file.get(font, 'Encoding');
    return encoding?.type === 'token' && encoding.text === '/Identity-H' ? 4 : undefined;
  }
  return ['/Type3', '/TrueType', '/Type1'].includes(subtype.text) ? 2 : undefined;
}

/** UTF-16BE hex as text. */
const hexText = (hex: string) => decodeText(Uint8Array.from(Buffer.from(`feff${hex}`, 'hex')));

/** A font's /ToUnicode map: its bfchar entries (the first of a code wins) and its bfrange entries, in order. */
interface UnicodeMap {
  chars: Map<number, string>;
  ranges: { low: number; high: number; to: string }[];
}

/** The font's /ToUnicode map, parsed once per font; undefined when it has none. */
function unicodeMapOf(file: PdfFile, font: PdfValue | undefined): UnicodeMap | undefined {
  const map = file.get(font, 'ToUnicode');
  const entry = font?.type === 'dict' ? font.entries.get('ToUnicode') : undefined;
  if (map === undefined || entry?.type !== 'ref') return undefined;
  const text = file.streamData(entry.num)?.toString('latin1');
  if (!text) return undefined;
  const chars = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      const code = Number.parseInt(from!, 16);
      if (!chars.has(code)) chars.set(code, hexText(to!));
    }
  }
  const ranges: UnicodeMap['ranges'] = [];
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      ranges.push({ low: Number.parseInt(low!, 16), high: Number.parseInt(high!, 16), to: to! });
    }
  }
  return { chars, ranges };
}

/** The text a character code stands for in a font's /ToUnicode map: a bfchar entry, else the first bfrange holding it. */
function unicodeOf(map: UnicodeMap | undefined, code: number): string | undefined {
  if (map === undefined) return undefined;
  const char = map.chars.get(code);
  if (char !== undefined) return char;
  for (const { low, high, to } of map.ranges) {
    if (code < low || code > high) continue;
    if (to.startsWith('[')) {
      const items = [...to.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]!);
      return items[code - low] === undefined ? undefined : hexText(items[code - low]!);
    }
    // One destination: its last character counts up with the code.
    const base = hexText(to.slice(1, -1));
    return base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - low);
  }
  return undefined;
}

/** A placeholder found in a content stream. */
interface Found {
  stream: number;
  match: RegExpExecArray;
  /** The font's object number, and the font. */
  fontKey: string;
  font: PdfValue | undefined;
  /** The two glyphs' codes (hex). */
  codes: [string, string];
  /** The second glyph's offset from the first as drawn (undefined when drawn as one string). */
  step: number | undefined;
}

/**
 * Swaps the placeholders of a print made after markContents for `numbers` (in the
 * same order). Returns false, changing nothing, when that cannot be done exactly.
 */
export function fillContentsNumbers(file: PdfFile, placeholders: readonly Placeholder[], numbers: readonly number[]): boolean {
  // A file this reader does not follow: the caller prints twice.
  return unlessNotFollowed(() => swapPlaceholders(file, placeholders, numbers)) ?? false;
}

function swapPlaceholders(file: PdfFile, placeholders: readonly Placeholder[], numbers: readonly number[]): boolean {
  if (numbers.length !== placeholders.length || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) return false;
  const colors = placeholders.map((p) => colorOperands(p.color));
  if (colors.some((c) => c === undefined)) return false;
  const found: Found[] = [];
  const texts = new Map<number, string>();
  for (const pageNum of file.pages()) {
    const pageDict = file.object(pageNum);
    const entry = pageDict?.type === 'dict' ? pageDict.entries.get('Contents') : undefined;
    const contents = file.resolve(entry);
    const streams = entry?.type === 'ref' && contents?.type !== 'array' ? [entry] : contents?.type === 'array' ? contents.items : [];
    const fonts = file.get(file.get(pageDict, 'Resources'), 'Font');
    for (const ref of streams) {
      if (ref.type !== 'ref') return false;
      const data = file.streamData(ref.num);
      if (!data) return false;
      const text = data.toString('latin1');
      const markers = text.split(`${MARKER_OPERANDS} rg`).length - 1;
      if (markers === 0) continue;
      const matches = [...text.matchAll(RUN)];
      if (matches.length !== markers) return false;
      texts.set(ref.num, text);
      for (const match of matches) {
        const { font: fontName, whole, first, step, second } = match.groups!;
        const fontRef = fonts?.type === 'dict' ? fonts.entries.get(fontName!.slice(1)) : undefined;
        if (fontRef?.type !== 'ref') return false;
        const font = file.object(fontRef.num);
        const length = codeLength(file, font);
        if (length === undefined) return false;
        let codes: [string, string];
        if (whole !== undefined) {
          if (whole.length !== 2 * length) return false;
          codes = [whole.slice(0, length), whole.slice(length)];
        } else {
          if (first!.length !== length || second!.length !== length) return false;
          codes = [first!, second!];
        }
        found.push({ stream: ref.num, match, fontKey: String(fontRef.num), font, codes, step: step === undefined ? undefined : Number(step) });
      }
    }
  }
  if (found.length !== placeholders.length) return false;
  // Each font's digits, from its placeholders: each code must stand for its digit in the
  // font's ToUnicode map (which also catches placeholders found in another order than
  // written), and all of a font's digits must be equally wide (tabular).
  const glyphs = new Map<string, Map<string, string>>();
  const widths = new Map<string, number>();
  const unicodeMaps = new Map<string, UnicodeMap | undefined>();
  for (const [i, { fontKey, font, codes, match }] of found.entries()) {
    const known = glyphs.get(fontKey) ?? new Map<string, string>();
    glyphs.set(fontKey, known);
    if (!unicodeMaps.has(fontKey)) unicodeMaps.set(fontKey, unicodeMapOf(file, font));
    const unicode = unicodeMaps.get(fontKey);
    const digits = placeholders[i]!.digits;
    for (const [k, code] of codes.entries()) {
      const digit = digits[k]!;
      if (known.has(digit) && known.get(digit) !== code) return false;
      if (unicodeOf(unicode, Number.parseInt(code, 16)) !== digit) return false;
      known.set(digit, code);
      const width = advance(file, font, Number.parseInt(code, 16), Number(match.groups!.size));
      if (width === undefined || !Number.isFinite(width)) return false;
      const before = widths.get(fontKey) ?? width;
      if (Math.abs(before - width) > 1e-6) return false;
      widths.set(fontKey, width);
    }
  }
  // The new text of every placeholder, then each stream rewritten once.
  const edits = new Map<number, { from: number; to: number; text: string }[]>();
  for (const [i, { stream, match, fontKey, step }] of found.entries()) {
    const text = String(numbers[i]);
    const known = glyphs.get(fontKey)!;
    if ([...text].some((d) => !known.has(d))) return false;
    const { stroke, between, font: fontName, size, x, y } = match.groups!;
    // A digit's width: where right alignment puts a number of one digit.
    const width = widths.get(fontKey)!;
    // Glyphs placed one by one at other than their widths (letter spacing, say): not a case this handles.
    if (step !== undefined && Math.abs(step - width) > 0.01) return false;
    let glyphText: string;
    if (text.length === 1) glyphText = `1 0 0 -1 ${coordinate(Number(x) + width)} ${y} Tm\n<${known.get(text)}> Tj`;
    else if (step === undefined) glyphText = `1 0 0 -1 ${x} ${y} Tm\n<${known.get(text[0]!)}${known.get(text[1]!)}> Tj`;
    else glyphText = `1 0 0 -1 ${x} ${y} Tm\n<${known.get(text[0]!)}> Tj\n${match.groups!.step} 0 Td <${known.get(text[1]!)}> Tj`;
    const color = `${stroke ? `${colors[i]} RG ` : ''}${colors[i]} rg`;
    const list = edits.get(stream) ?? [];
    list.push({ from: match.index, to: match.index + match[0].length, text: `${color}\n${between}BT\n${fontName} ${size} Tf\n${glyphText}\nET` });
    edits.set(stream, list);
  }
  for (const [stream, list] of edits) {
    const source = texts.get(stream)!;
    let out = '';
    let at = 0;
    for (const edit of list) {
      out += source.slice(at, edit.from) + edit.text;
      at = edit.to;
    }
    file.replaceStream(stream, Buffer.from(out + source.slice(at), 'latin1'));
  }
  return true;
}
