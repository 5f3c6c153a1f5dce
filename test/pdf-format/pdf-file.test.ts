// The PDF reader and writer the export uses on Chromium's prints (PdfFile), checked
// against pdf-lib, an independent implementation: files pdf-lib writes are read here,
// and what is written here is read back by pdf-lib and by pdfjs-dist.
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf, tocPageNumbers } from '../../src/pdf/metadata.ts';
import { PdfFile, unlessNotFollowed } from '../../src/pdf/pdf-file.ts';
import { dateString, decodeText, parseValue, PdfSyntaxError, textString, writeValue, type PdfValue } from '../../src/pdf/pdf-syntax.ts';
import { closePdf, openPdf, outlineTitles, type OutlineNode } from '../pdf/pdf-helpers.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const parse = (text: string) => parseValue(text, 0).value;

describe('PDF syntax', () => {
  it('reads dictionaries, arrays, references, names, numbers and both kinds of string', () => {
    const value = parse('<</Type /Catalog/Pages 2 0 R /Kids[3 0 R 4 0 R] /N -.5 /T (a\\(b\\) (c) \\101\\n\\\nd) /H <FEFF00E4 00E> /B true /Z null>>');
    expect(value.type).toBe('dict');
    const entries = (value as Extract<PdfValue, { type: 'dict' }>).entries;
    expect(entries.get('Type')).toEqual({ type: 'token', text: '/Catalog' });
    expect(entries.get('Pages')).toEqual({ type: 'ref', num: 2, gen: 0 });
    expect(entries.get('Kids')).toEqual({
      type: 'array',
      items: [
        { type: 'ref', num: 3, gen: 0 },
        { type: 'ref', num: 4, gen: 0 },
      ],
    });
    expect(entries.get('N')).toEqual({ type: 'token', text: '-.5' });
    // Escaped and balanced parentheses, an octal escape, \n, and a line continued by a backslash.
    expect(latin1((entries.get('T') as { bytes: Uint8Array }).bytes)).toBe('a(b) (c) A\nd');
    // A hex string with white space and an odd number of digits (the last one padded with 0).
    expect(decodeText((entries.get('H') as { bytes: Uint8Array }).bytes)).toBe('äà');
    expect(entries.get('B')).toEqual({ type: 'token', text: 'true' });
    expect(entries.get('Z')).toEqual({ type: 'token', text: 'null' });
  });

  it('tells a reference from two numbers in an array', () => {
    expect(parse('[1 0 R 1 0 2 R 5]')).toEqual({
      type: 'array',
      items: [
        { type: 'ref', num: 1, gen: 0 },
        { type: 'token', text: '1' },
        { type: 'ref', num: 0, gen: 2 },
        { type: 'token', text: '5' },
      ],
    });
    expect(parse('[0 0 612 792]')).toEqual({ type: 'array', items: ['0', '0', '612', '792'].map((text) => ({ type: 'token', text })) });
  });

  it('writes what it reads, to the same values', () => {
    const source = '<</A [1 0 R (x\\)y) <00ff>] /B <</C /D>> /E 1.5>>';
    expect(parse(writeValue(parse(source)))).toEqual(parse(source));
  });

  it('writes text as UTF-16BE after a byte order mark and dates in UTC, as pdf-lib does', () => {
    expect(decodeText((textString('Åbo – Turku') as { bytes: Uint8Array }).bytes)).toBe('Åbo – Turku');
    expect(latin1((dateString(new Date('2025-03-13T12:00:00Z')) as { bytes: Uint8Array }).bytes)).toBe('D:20250313120000Z');
  });
});

/** A PDF of `pages` pages with an outline and named destinations, written by pdf-lib. */
async function outlinedPdf(pages: number, objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  const ctx = doc.context;
  const refs = doc.getPages().map((p) => p.ref);
  doc.catalog.set(PDFName.of('Dests'), ctx.obj({ 'first-h': [refs[0]!, 'XYZ', 0, 800, 0], 'last-h': ctx.register(ctx.obj({ D: [refs.at(-1)!, 'XYZ', 0, 800, 0] })) }));
  const outlines = ctx.register(ctx.obj({ Type: 'Outlines' }));
  const item = ctx.register(ctx.obj({ Title: PDFString.of('Maine- jaasiakas'), Parent: outlines, Dest: [refs[0]!, 'XYZ', 0, 800, 0] }));
  (ctx.lookup(outlines) as PDFDict).set(PDFName.of('First'), item);
  (ctx.lookup(outlines) as PDFDict).set(PDFName.of('Last'), item);
  (ctx.lookup(outlines) as PDFDict).set(PDFName.of('Count'), PDFNumber.of(1));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  return doc.save({ useObjectStreams: objectStreams });
}

const info = {
  title: 'Maine- ja asiakaskokemustutkimus 2025',
  author: 'Kaukoveden kaupunki',
  subject: 'Åbo, 2025',
  keywords: ['Maine', 'Stakeholder groups'],
  language: 'sv',
  creator: 'Luotain 0.1.0',
  producer: 'Luotain 0.1.0 (test)',
  created: new Date('2025-03-13T12:00:00Z'),
  modified: new Date('2025-03-14T12:00:00Z'),
  headings: ['Maine- ja asiakas'],
};

describe('PdfFile', () => {
  it('reads a file with a cross-reference table and no other', async () => {
    expect(PdfFile.read(await outlinedPdf(2, false))).toBeDefined();
    // An object stream, or anything else, is left to pdf-lib.
    expect(PdfFile.read(await outlinedPdf(2, true))).toBeUndefined();
    expect(PdfFile.read(new TextEncoder().encode('%PDF-1.4\nnot a pdf'))).toBeUndefined();
  });

  it('calls a stream that does not inflate a file it does not follow; other errors are faults and go on up', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('BT /F1 12 Tf (a page) Tj ET')));
    const bytes = await doc.save({ useObjectStreams: false });
    const file = PdfFile.read(bytes)!;
    const stream = file.numbers().find((num) => file.isStream(num) && file.source(num)!.includes('/FlateDecode'))!;
    expect(latin1(file.streamData(stream)!)).toBe('BT /F1 12 Tf (a page) Tj ET');
    // The stream's data scribbled over, its length kept.
    const source = file.source(stream)!;
    const broken = source.replace(/stream\r?\n([\s\S]*)endstream$/, (whole, data: string) => whole.replace(data, 'x'.repeat(data.length)));
    const text = latin1(bytes).replace(source, broken);
    const bad = PdfFile.read(Buffer.from(text, 'latin1'))!;
    expect(() => bad.streamData(stream)).toThrow(PdfSyntaxError);
    expect(unlessNotFollowed(() => bad.streamData(stream))).toBeUndefined();
    expect(unlessNotFollowed(() => 7)).toBe(7);
    expect(() =>
      unlessNotFollowed(() => {
        throw new TypeError('a fault');
      }),
    ).toThrow(TypeError);
  });

  it('writes every object back, the others packed into object streams: pdf-lib reads the same objects', async () => {
    const bytes = await outlinedPdf(250, false);
    const file = PdfFile.read(bytes)!;
    const written = file.write();
    expect(latin1(written.subarray(0, 9))).toBe('%PDF-1.7\n');
    expect(latin1(written)).toContain('/Type /ObjStm');
    const [before, after] = await Promise.all([PDFDocument.load(bytes), PDFDocument.load(written)]);
    expect(after.getPageCount()).toBe(250);
    for (const [ref, object] of before.context.enumerateIndirectObjects()) {
      expect(after.context.lookup(ref)?.toString(), ref.toString()).toBe(object.toString());
    }
    // 250 pages and their content streams: more objects than one object stream holds.
    expect(latin1(written).match(/\/Type \/ObjStm/g)!.length).toBeGreaterThan(2);
  });

  it('finishes a file as pdf-lib does: the same information, outline, destinations and catalog', async () => {
    const classic = await outlinedPdf(3, false);
    const lean = await finishPdf(classic, info, ['first-h', 'last-h', 'none-h']);
    const viaPdfLib = await finishPdf(await outlinedPdf(3, true), info, ['first-h', 'last-h', 'none-h']);
    expect(lean.pages).toEqual({ 'first-h': 1, 'last-h': 3 });
    expect(viaPdfLib.pages).toEqual(lean.pages);
    expect(await tocPageNumbers(lean.bytes, ['first-h', 'last-h'])).toEqual({ 'first-h': 1, 'last-h': 3 });
    const read = async (bytes: Uint8Array) => {
      const pdf = await openPdf(new Uint8Array(bytes));
      const meta = (await pdf.getMetadata()).info as Record<string, unknown>;
      const outline = outlineTitles((await pdf.getOutline()) as OutlineNode[] | null);
      await closePdf(pdf);
      const doc = await PDFDocument.load(bytes);
      const catalog = doc.catalog;
      return {
        meta,
        outline,
        lang: (catalog.lookup(PDFName.of('Lang')) as PDFString | PDFHexString).decodeText(),
        display: String(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))),
      };
    };
    const [a, b] = await Promise.all([read(lean.bytes), read(viaPdfLib.bytes)]);
    expect(a).toEqual(b);
    expect(a.meta).toMatchObject({
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: 'Maine, Stakeholder groups',
      Creator: info.creator,
      Producer: info.producer,
      CreationDate: 'D:20250313120000Z',
      ModDate: 'D:20250314120000Z',
      Language: 'sv',
    });
    // The title that lost its space where the heading wrapped has it back.
    expect(a.outline).toEqual(['Maine- ja asiakas']);
    expect(a.display).toBe('true');
  });

  it('gives the same bytes for the same input', async () => {
    const bytes = await outlinedPdf(3, false);
    const [one, two] = [await finishPdf(bytes, info, []), await finishPdf(bytes, info, [])];
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
  });
});

describe('PdfFile on structure element ids', () => {
  it('renumbers ids in attributes of their own objects too', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const ctx = doc.context;
    const root = ctx.obj({ Type: 'StructTreeRoot' });
    const rootRef = ctx.register(root);
    const th = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', P: rootRef, ID: PDFString.of('node00000777') }));
    const attributes = ctx.register(ctx.obj({ O: 'Table', Headers: [PDFString.of('node00000777')] }));
    // An alternative text that happens to read like an id is not an id.
    const td = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', P: rootRef, A: attributes, ID: PDFString.of('node00000900'), Alt: PDFString.of('node00000555') }));
    root.set(PDFName.of('K'), ctx.obj([th, td]));
    root.set(PDFName.of('IDTree'), ctx.obj({ Names: [PDFString.of('node00000777'), th, PDFString.of('node00000900'), td] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    const { bytes } = await finishPdf(await doc.save({ useObjectStreams: false }), info, []);
    const done = await PDFDocument.load(bytes);
    const text = (value: unknown) => (value as PDFString).decodeText();
    expect(text(done.context.lookup(th, PDFDict).get(PDFName.of('ID')))).toBe('node00000001');
    expect(text(done.context.lookup(td, PDFDict).get(PDFName.of('ID')))).toBe('node00000002');
    expect(text(done.context.lookup(td, PDFDict).get(PDFName.of('Alt')))).toBe('node00000555');
    expect(text(done.context.lookup(attributes, PDFDict).lookup(PDFName.of('Headers'), PDFArray).get(0))).toBe('node00000001');
    const tree = done.context.lookup(rootRef, PDFDict).lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    expect([text(tree.get(0)), text(tree.get(2))]).toEqual(['node00000001', 'node00000002']);
  });
});
