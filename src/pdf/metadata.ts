/**
 * Post-processing of Chromium's PDFs with pdf-lib: the document information
 * (Chromium sets only the title) and where each heading landed (for the contents
 * page). Loading and saving keeps every object reachable from the catalog, so the
 * structure tree (tagging), the outline and the named destinations survive;
 * test/pdf checks that they do.
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, ParseSpeeds } from 'pdf-lib';

/**
 * pdf-lib packs the object streams with pako's `deflate`, in JavaScript; Node's zlib
 * writes the same format (zlib, level 6) natively, in about half the time of a save.
 * The function is swapped on the pako module pdf-lib loads, only for calls without
 * options (pdf-lib's); a call with options (another library's) still goes to pako.
 */
const pako = createRequire(createRequire(import.meta.url).resolve('pdf-lib'))('pako') as { deflate: (data: Uint8Array, options?: object) => Uint8Array; nativeDeflate?: true };
if (!pako.nativeDeflate) {
  const pakoDeflate = pako.deflate;
  pako.deflate = (data, options) => (options ? pakoDeflate(data, options) : new Uint8Array(deflateSync(data)));
  pako.nativeDeflate = true;
}

/**
 * pdf-lib yields to the event loop every 100 objects while parsing and every 50
 * while saving; a print has tens of thousands, so the pauses cost more than the
 * work. The export runs its own few jobs at a time and needs no yielding within one.
 */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
const OBJECTS_PER_TICK = Number.POSITIVE_INFINITY;

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. "fi". */
  language: string;
  creator: string;
  producer?: string;
  created: Date;
  modified: Date;
  /**
   * The page's heading texts. Chromium builds bookmark titles from the laid-out
   * lines and drops the space where a heading wraps ("Maine- jaasiakas…"); a title
   * that matches a heading but for whitespace gets the heading's text back.
   */
  headings?: string[];
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Restores whitespace lost in outline titles; returns how many titles were repaired. */
export function repairOutlineTitles(doc: PDFDocument, headings: readonly string[]): number {
  const byKey = new Map<string, string>();
  for (const h of headings) {
    const text = h.replace(/\s+/g, ' ').trim();
    if (text) byKey.set(squash(text), text);
  }
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let repaired = 0;
  const seen = new Set<PDFDict>();
  const visit = (item: PDFDict | undefined) => {
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) {
        const current = title.decodeText();
        const canonical = byKey.get(squash(current));
        if (canonical !== undefined && canonical !== current) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(canonical));
          repaired++;
        }
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return repaired;
}

export async function setDocumentInfo(pdf: Uint8Array, info: DocumentInfo): Promise<Uint8Array> {
  return (await finishPdf(pdf, info, [])).bytes;
}

/**
 * Sets the document information and returns the saved file with the page number of
 * each named destination in `ids` (read from the same parse, so checking the
 * contents page costs no extra load).
 */
export async function finishPdf(pdf: Uint8Array, info: DocumentInfo, ids: readonly string[]): Promise<{ bytes: Uint8Array; pages: Record<string, number> }> {
  const doc = await PDFDocument.load(pdf, LOAD);
  const pages = destinationPages(doc, ids);
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces; keywords of several words need commas.
  doc.setKeywords([info.keywords.join(', ')]);
  doc.setLanguage(info.language);
  doc.setCreator(info.creator);
  if (info.producer) doc.setProducer(info.producer);
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.modified);
  if (info.headings) repairOutlineTitles(doc, info.headings);
  // Object streams make the file smaller; readers since PDF 1.5 support them.
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: OBJECTS_PER_TICK });
  return { bytes, pages };
}

function destinationName(key: PDFName | PDFString | PDFHexString): string {
  return key instanceof PDFName ? key.decodeText() : key.decodeText();
}

/**
 * The 1-based page number of each named destination (Chromium names them after the
 * ids of link targets, e.g. the contents page's #areas-h). Ids without a
 * destination are left out.
 */
export async function tocPageNumbers(pdf: Uint8Array, ids: readonly string[]): Promise<Record<string, number>> {
  return destinationPages(await PDFDocument.load(pdf, LOAD), ids);
}

function destinationPages(doc: PDFDocument, ids: readonly string[]): Record<string, number> {
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref.toString(), i + 1));
  const dests = new Map<string, number>();
  const record = (name: string, value: unknown) => {
    let target = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (target instanceof PDFDict) target = target.lookup(PDFName.of('D'));
    if (!(target instanceof PDFArray)) return;
    const page = target.get(0);
    if (page instanceof PDFRef) {
      const n = pageIndex.get(page.toString());
      if (n !== undefined) dests.set(name, n);
    }
  };
  // PDF 1.1 style /Dests dictionary (what Chromium writes) ...
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (old) for (const [key, value] of old.entries()) record(destinationName(key), value);
  // ... and the /Names /Dests name tree, in case a later Chromium switches.
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (leaves) {
      for (let i = 0; i + 1 < leaves.size(); i += 2) {
        const key = leaves.lookup(i);
        if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), leaves.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(names, 0);
  const result: Record<string, number> = {};
  for (const id of ids) {
    const n = dests.get(id);
    if (n !== undefined) result[id] = n;
  }
  return result;
}
