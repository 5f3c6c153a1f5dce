// The contents page's numbers swapped into one print (fillContentsNumbers), on PDFs
// written here in the shape Chromium's Skia draws placeholders: a fill colour, then a
// text object of two glyphs, placed one by one or as one string. The export's browser
// test (test/pdf/export.test.ts) checks the same against real prints.
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillContentsNumbers, type Placeholder } from '../../src/pdf/contents-numbers.ts';
import { PdfFile } from '../../src/pdf/pdf-file.ts';

/**
 * Tabular digits 0–9: glyphs 0x10C–0x115 of a composite font (two-byte codes, as in
 * Inter), or codes 0x0D–0x16 of a simple (Type 3) font, 646.3 units wide either way.
 */
type Kind = 'composite' | 'simple';
const code = (digit: number, kind: Kind = 'composite') =>
  kind === 'composite' ? (0x10c + digit).toString(16).toUpperCase().padStart(4, '0') : (0x0d + digit).toString(16).toUpperCase().padStart(2, '0');
const WIDTH = 646.3;
const SIZE = 14.66;
const STEP = ((WIDTH * SIZE) / 1000).toFixed(7);

/** A placeholder's text object: its two digits at x, drawn one by one (`split`) or as one string. */
function run(digits: string, x: number, y: number, split: boolean, kind: Kind = 'composite', marker = '.0039 .0078 .0118'): string {
  const [a, b] = [code(Number(digits[0]), kind), code(Number(digits[1]), kind)];
  const glyphs = split ? `<${a}> Tj\n${STEP} 0 Td <${b}> Tj` : `<${a}${b}> Tj`;
  return `${marker} RG ${marker} rg\nEMC\n/NonStruct <</MCID ${y} >>BDC\nBT\n/F5 ${SIZE} Tf\n1 0 0 -1 ${x} ${y} Tm\n${glyphs}\nET\n.1059 .1216 .1412 RG .1059 .1216 .1412 rg\nEMC\n`;
}

/**
 * How the font's ToUnicode map is written: one bfchar entry per digit, one bfrange
 * counting up from the first digit's text, or one bfrange with an array of texts (the
 * other map is never for a digit's code, so that a wrong lookup shows).
 */
type MapForm = 'bfchar' | 'bfrange' | 'bfrange array';

/** A page drawing `content` with font F5 of the kind, whose ToUnicode map says which code is which digit. */
async function printed(content: string, kind: Kind = 'composite', toUnicode = (d: number) => d, form: MapForm = 'bfchar'): Promise<PdfFile> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const text = (d: number) => `<${(0x30 + toUnicode(d)).toString(16).padStart(4, '0')}>`;
  const pairs = Array.from({ length: 10 }, (_, d) => `<${code(d, kind)}> ${text(d)}`).join('\n');
  const other = `<${kind === 'composite' ? '0003' : '03'}> <0020>`;
  const mapText =
    form === 'bfchar'
      ? `10 beginbfchar\n${pairs}\nendbfchar`
      : `1 beginbfchar\n${other}\nendbfchar\n1 beginbfrange\n<${code(0, kind)}> <${code(9, kind)}> ${form === 'bfrange' ? text(0) : `[${Array.from({ length: 10 }, (_, d) => text(d)).join(' ')}]`}\nendbfrange`;
  const cmap = ctx.register(ctx.flateStream(`/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n${mapText}\nendcmap\nend\nend`));
  const cid = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+Inter-Bold', W: [0x10c, Array(10).fill(WIDTH)], DW: 0 }));
  const font =
    kind === 'composite'
      ? ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Inter-Bold', Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: cmap }))
      : ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type3', FontMatrix: [0.001, 0, 0, 0.001, 0, 0], FirstChar: 0x0d, LastChar: 0x16, Widths: Array(10).fill(WIDTH), ToUnicode: cmap }));
  page.node.set(PDFName.of('Resources'), ctx.obj({ Font: { F5: font } }));
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(content)));
  return PdfFile.read(await doc.save({ useObjectStreams: false }))!;
}

const contentOf = (file: PdfFile) => {
  const page = file.object(file.pages()[0]!);
  const ref = page?.type === 'dict' ? page.entries.get('Contents') : undefined;
  return file.streamData((ref as { num: number }).num)!.toString('latin1');
};

const PAIRS = ['01', '23', '45', '67', '89'];
const placeholders: Placeholder[] = PAIRS.map((digits) => ({ color: 'rgb(27, 31, 36)', digits }));
const rows = (split: boolean, kind: Kind = 'composite') => PAIRS.map((digits, i) => run(digits, 859.04688, 1577 + 30 * i, split, kind)).join('');

describe('fillContentsNumbers', () => {
  for (const kind of ['composite', 'simple'] as const) {
    for (const split of [true, false]) {
      it(`swaps placeholders drawn ${split ? 'glyph by glyph' : 'as one string'} in a ${kind} font for numbers of one and two digits, in the number's own colour`, async () => {
        const file = await printed(rows(split, kind), kind);
        expect(fillContentsNumbers(file, placeholders, [3, 12, 45, 98, 7])).toBe(true);
        const content = contentOf(file);
        expect(content).not.toContain('.0039 .0078 .0118');
        expect(content.match(/\.1059 \.1216 \.1412 RG \.1059 \.1216 \.1412 rg\nEMC\n\/NonStruct/g)).toHaveLength(5);
        const texts = [...content.matchAll(/Tm\n([\s\S]*?)\nET/g)].map((m) => m[1]!.replace(/\n/g, ' ').trim());
        const c = (d: number) => code(d, kind);
        const two = (a: number, b: number) => (split ? `<${c(a)}> Tj ${STEP} 0 Td <${c(b)}> Tj` : `<${c(a)}${c(b)}> Tj`);
        expect(texts).toEqual([`<${c(3)}> Tj`, two(1, 2), two(4, 5), two(9, 8), `<${c(7)}> Tj`]);
        // A number of one digit stands where right alignment puts it: one digit's width further right.
        const xs = [...content.matchAll(/1 0 0 -1 ([\d.]+) (\d+) Tm/g)].map((m) => Number(m[1]));
        expect(xs[0]).toBeCloseTo(859.04688 + (WIDTH * SIZE) / 1000, 5);
        expect(xs[1]).toBe(859.04688);
      });
    }
  }

  for (const form of ['bfrange', 'bfrange array'] as const) {
    it(`reads the digits from a ToUnicode map written as ${form}`, async () => {
      const file = await printed(rows(false), 'composite', undefined, form);
      expect(fillContentsNumbers(file, placeholders, [3, 12, 45, 98, 7])).toBe(true);
      expect(contentOf(file)).not.toContain('.0039 .0078 .0118');
      // The same map with two digits swapped (a range counting up: shifted by one): the placeholders no longer show the digits they stand for.
      const wrong = form === 'bfrange' ? (d: number) => d + 1 : (d: number) => (d === 4 ? 5 : d === 5 ? 4 : d);
      const swapped = await printed(rows(false), 'composite', wrong, form);
      expect(fillContentsNumbers(swapped, placeholders, [3, 12, 45, 98, 7])).toBe(false);
    });
  }

  it('changes nothing and says so when a placeholder cannot stand in', async () => {
    const cases: [string, string, Placeholder[], number[], ((d: number) => number)?][] = [
      ['three digits', rows(true), placeholders, [3, 12, 45, 98, 100]],
      ['a digit no placeholder of the font showed', ['01', '23', '45', '89'].map((d, i) => run(d, 859, 1577 + 30 * i, true)).join(''), placeholders.filter((p) => p.digits !== '67'), [3, 12, 45, 6]],
      ['a colour that is not plain rgb()', rows(true), placeholders.map((p, i) => (i === 2 ? { ...p, color: 'rgba(0, 0, 0, 0.5)' } : p)), [3, 12, 45, 98, 7]],
      ['the marker colour drawing something else too', `${rows(true)}.0039 .0078 .0118 rg\n0 0 10 10 re\nf\n`, placeholders, [3, 12, 45, 98, 7]],
      [
        'fewer placeholders found than numbers',
        PAIRS.slice(0, 4)
          .map((d, i) => run(d, 859, 1577 + 30 * i, true))
          .join(''),
        placeholders,
        [3, 12, 45, 98, 7],
      ],
      ['glyphs placed at other than their widths (letter spacing)', rows(true).replaceAll(STEP, '11.5'), placeholders, [3, 12, 45, 98, 7]],
      // Placeholders found in another order than written: the font's ToUnicode map disagrees.
      ['a code the font maps to another digit', rows(true), placeholders, [3, 12, 45, 98, 7], (d) => (d === 4 ? 5 : d === 5 ? 4 : d)],
      ['a one-byte code in a two-byte font', rows(true, 'simple'), placeholders, [3, 12, 45, 98, 7]],
    ];
    for (const [what, content, given, numbers, toUnicode] of cases) {
      const file = await printed(content, 'composite', toUnicode);
      const before = Buffer.from(file.write());
      expect(fillContentsNumbers(file, given, numbers), what).toBe(false);
      expect(Buffer.from(file.write()).equals(before), what).toBe(true);
    }
  });
});
