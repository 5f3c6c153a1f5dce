// Chromium names tagged elements after renderer node ids, which depend on what else the
// renderer laid out: the same document printed twice had other ids (and other bytes).
// renumberStructureIds gives them by order; tested on a small tagged PDF written here
// with the places PDF 1.7 (14.7.2, 14.8.5.7) puts ids: /ID, /Headers and the /IDTree.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renumberStructureIds, setDocumentInfo } from '../../src/pdf/metadata.ts';

/** A tagged PDF whose header cell and data cell carry the ids `ids` (in document order). */
async function taggedPdf(ids: [string, string]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const ctx = doc.context;
  const root = ctx.obj({ Type: 'StructTreeRoot' });
  const rootRef = ctx.register(root);
  const th = ctx.obj({ Type: 'StructElem', S: 'TH', P: rootRef, ID: PDFString.of(ids[0]) });
  const thRef = ctx.register(th);
  const td = ctx.obj({ Type: 'StructElem', S: 'TD', P: rootRef, ID: PDFString.of(ids[1]), A: [ctx.obj({ O: 'Table', Headers: [PDFString.of(ids[0])] })] });
  const tdRef = ctx.register(td);
  root.set(PDFName.of('K'), ctx.obj([thRef, tdRef]));
  root.set(PDFName.of('IDTree'), ctx.obj({ Names: [PDFString.of(ids[0]), thRef, PDFString.of(ids[1]), tdRef], Limits: [PDFString.of(ids[0]), PDFString.of(ids[1])] }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  return doc.save({ useObjectStreams: false });
}

const info = { title: 'T', author: 'A', subject: 'S', keywords: ['k'], language: 'fi', creator: 'C', created: new Date('2025-03-13T00:00:00Z'), modified: new Date('2025-03-13T00:00:00Z') };

describe('renumberStructureIds', () => {
  it('gives the same document the same bytes whatever the renderer numbered', async () => {
    const first = await setDocumentInfo(await taggedPdf(['node00000094', 'node00010365']), info);
    const second = await setDocumentInfo(await taggedPdf(['node00000095', 'node00010366']), info);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('renumbers /ID, /Headers and the ID tree alike, in order, so the tree stays sorted', async () => {
    const doc = await PDFDocument.load(await taggedPdf(['node00000095', 'node00010366']));
    expect(renumberStructureIds(doc)).toBe(2);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const [th, td] = root
      .lookup(PDFName.of('K'), PDFArray)
      .asArray()
      .map((ref) => doc.context.lookup(ref, PDFDict));
    const text = (value: unknown) => (value as PDFString).decodeText();
    expect(text(th!.get(PDFName.of('ID')))).toBe('node00000001');
    expect(text(td!.get(PDFName.of('ID')))).toBe('node00000002');
    const headers = (td!.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict) as PDFDict).lookup(PDFName.of('Headers'), PDFArray);
    expect(text(headers.get(0))).toBe('node00000001');
    const tree = root.lookup(PDFName.of('IDTree'), PDFDict);
    expect(
      tree
        .lookup(PDFName.of('Names'), PDFArray)
        .asArray()
        .filter((_, i) => i % 2 === 0)
        .map(text),
    ).toEqual(['node00000001', 'node00000002']);
    expect(tree.lookup(PDFName.of('Limits'), PDFArray).asArray().map(text)).toEqual(['node00000001', 'node00000002']);
  });
});
