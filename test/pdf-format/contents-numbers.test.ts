// The contents page's numbers swapped into one print (fillContentsNumbers), on PDFs
// written here in the shape Chromium's Skia draws placeholders: a fill colour, then a
// text object of two glyphs, placed one by one or as one string. The export's browser
// test (test/pdf/export.test.ts) checks the same against real prints.
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillContentsNumbers, type Placeholder } from '../../src/pdf/contents-numbers.ts';
import { PdfFile } from '../../src/pdf/pdf-file.ts';

/** Tabular digits 0–9 are glyphs 0x10C–0x115, 646.3 units wide (as in Inter). */
const code = (digit: number) => (0x10c + digit).toString(16).toUpperCase().padStart(4, '0');
const WIDTH = 646.3;
const SIZE = 14.66;

/** A placeholder's text object: its two digits at x, drawn one by one (`split`) or as one string. */
function run(digits: string, x: number, y: number, split: boolean, marker = '.0039 .0078 .0118'): string {
  const [a, b] = [code(Number(digits[0])), code(Number(digits[1]))];
  const glyphs = split ? `<${a}> Tj\n${((WIDTH * SIZE) / 1000).toFixed(7)} 0 Td <${b}> Tj` : `<${a}${b}> Tj`;
  return `${marker} RG ${marker} rg\nEMC\n/NonStruct <</MCID ${y} >>BDC\nBT\n/F5 ${SIZE} Tf\n1 0 0 -1 ${x} ${y} Tm\n${glyphs}\nET\n.1059 .1216 .1412 RG .1059 .1216 .1412 rg\nEMC\n`;
}

async function printed(content: string): Promise<PdfFile> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const cid = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+Inter-Bold', W: [0x10c, Array(10).fill(WIDTH)], DW: 0 }));
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Inter-Bold', Encoding: 'Identity-H', DescendantFonts: [cid] }));
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
const rows = (split: boolean) => PAIRS.map((digits, i) => run(digits, 859.04688, 1577 + 30 * i, split)).join('');

describe('fillContentsNumbers', () => {
  for (const split of [true, false]) {
    it(`swaps placeholders drawn ${split ? 'glyph by glyph' : 'as one string'} for numbers of one and two digits, in the number's own colour`, async () => {
      const file = await printed(rows(split));
      expect(fillContentsNumbers(file, placeholders, [3, 12, 45, 98, 7])).toBe(true);
      const content = contentOf(file);
      expect(content).not.toContain('.0039 .0078 .0118');
      expect(content.match(/\.1059 \.1216 \.1412 RG \.1059 \.1216 \.1412 rg\nEMC\n\/NonStruct/g)).toHaveLength(5);
      const texts = [...content.matchAll(/Tm\n([\s\S]*?)\nET/g)].map((m) => m[1]!.replace(/\n/g, ' ').trim());
      const step = ((WIDTH * SIZE) / 1000).toFixed(7);
      const two = (a: number, b: number) => (split ? `<${code(a)}> Tj ${step} 0 Td <${code(b)}> Tj` : `<${code(a)}${code(b)}> Tj`);
      expect(texts).toEqual([`<${code(3)}> Tj`, two(1, 2), two(4, 5), two(9, 8), `<${code(7)}> Tj`]);
      // A number of one digit stands where right alignment puts it: one digit's width further right.
      const xs = [...content.matchAll(/1 0 0 -1 ([\d.]+) (\d+) Tm/g)].map((m) => Number(m[1]));
      expect(xs[0]).toBeCloseTo(859.04688 + (WIDTH * SIZE) / 1000, 5);
      expect(xs[1]).toBe(859.04688);
    });
  }

  it('changes nothing and says so when a placeholder cannot stand in', async () => {
    const cases: [string, string, Placeholder[], number[]][] = [
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
      ['glyphs placed at other than their widths (letter spacing)', rows(true).replaceAll(((WIDTH * SIZE) / 1000).toFixed(7), '11.5'), placeholders, [3, 12, 45, 98, 7]],
    ];
    for (const [what, content, given, numbers] of cases) {
      const file = await printed(content);
      const before = Buffer.from(file.write());
      expect(fillContentsNumbers(file, given, numbers), what).toBe(false);
      expect(Buffer.from(file.write()).equals(before), what).toBe(true);
    }
  });
});
