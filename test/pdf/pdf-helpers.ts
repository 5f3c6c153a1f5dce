/**
 * Reading the built PDFs with pdfjs-dist (legacy build, for Node). Rendering uses
 * the canvas implementation pdfjs-dist brings as an optional dependency
 * (@napi-rs/canvas); no poppler, no browser.
 */
import { readFile } from 'node:fs/promises';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PDFDocumentProxy, PDFPageProxy };

export async function openPdf(file: string | Uint8Array): Promise<PDFDocumentProxy> {
  const data = typeof file === 'string' ? new Uint8Array(await readFile(file)) : file;
  return getDocument({ data, verbosity: 0, useSystemFonts: false, fontExtraProperties: true }).promise;
}

/** A page's text, items joined with spaces, whitespace (incl. no-break spaces) collapsed. */
export async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join(' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export async function allPages<T>(doc: PDFDocumentProxy, fn: (page: PDFPageProxy, n: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    out.push(await fn(page, n));
    page.cleanup();
  }
  return out;
}

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

/** Every title in the outline, depth first. */
export function outlineTitles(nodes: OutlineNode[] | null): string[] {
  return (nodes ?? []).flatMap((n) => [n.title, ...outlineTitles(n.items)]);
}

export interface UsedFont {
  /** The font's PostScript name as in the PDF, e.g. "AAAAAA+Inter-Regular". */
  name: string;
  /** Whether the font program is in the file (not a reference to a system font). */
  embedded: boolean;
}

/** The fonts a page draws text with. */
export async function pageFonts(page: PDFPageProxy): Promise<UsedFont[]> {
  const ops = await page.getOperatorList();
  const ids = new Set<string>();
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFont) ids.add(String((ops.argsArray[i] as unknown[])[0]));
  });
  return [...ids].map((id) => {
    const font = (page.commonObjs.has(id) ? page.commonObjs.get(id) : page.objs.get(id)) as { name?: string; loadedName?: string; missingFile?: boolean; data?: Uint8Array };
    return { name: font.name ?? font.loadedName ?? id, embedded: font.missingFile !== true && (font.data?.length ?? 0) > 0 };
  });
}

/** Counts of drawing operators on a page: text shown, paths filled or stroked, images. */
export async function drawingOps(page: PDFPageProxy): Promise<{ text: number; paths: number; images: number }> {
  const ops = await page.getOperatorList();
  const count = { text: 0, paths: 0, images: 0 };
  const TEXT = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  const PATHS = new Set([OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeStroke, OPS.closeFillStroke, OPS.closeEOFillStroke, OPS.constructPath, OPS.rectangle]);
  const IMAGES = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  for (const fn of ops.fnArray) {
    if (TEXT.has(fn)) count.text++;
    else if (PATHS.has(fn)) count.paths++;
    else if (IMAGES.has(fn)) count.images++;
  }
  return count;
}

/**
 * Renders a page and returns the share of non-white pixels in its body: the page
 * less its top and bottom margins (the running header and footer alone must not
 * make a page count as not blank).
 */
export async function inkShare(doc: PDFDocumentProxy, page: PDFPageProxy, scale = 0.3): Promise<number> {
  const viewport = page.getViewport({ scale });
  const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D }; destroy(x: unknown): void };
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const { canvas, context } = target;
  await page.render({ canvas: canvas as HTMLCanvasElement, canvasContext: context, viewport }).promise;
  const mm = (scale * 72) / 25.4;
  const top = Math.ceil(20 * mm);
  const bottom = Math.floor(viewport.height - 18 * mm);
  const width = Math.ceil(viewport.width);
  const pixels = context.getImageData(0, top, width, bottom - top).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i]! < 235 || pixels[i + 1]! < 235 || pixels[i + 2]! < 235) ink++;
  }
  factory.destroy(target);
  return ink / (pixels.length / 4);
}

export async function closePdf(doc: PDFDocumentProxy | undefined): Promise<void> {
  await doc?.loadingTask.destroy();
}
