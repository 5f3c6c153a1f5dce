/**
 * Post-processing of Chromium's PDFs: the document information (Chromium sets only
 * the title) and where each heading landed (for the contents page). A file as
 * Chromium writes it is read and written by PdfFile, which copies every object it
 * does not change; any other file (one with object streams, say) by pdf-lib, which
 * parses and writes them all. Either way the structure tree (tagging), the outline
 * and the named destinations survive; test/pdf checks that they do.
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, ParseSpeeds } from 'pdf-lib';
import { PdfFile, withPdfFile } from './pdf-file.ts';
import { dateString, decodeText, PdfSyntaxError, textString, type PdfValue } from './pdf-syntax.ts';

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

/** The headings by their text without white space: what an outline title that lost its spaces is looked up by. */
function headingsByKey(headings: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const h of headings) {
    const text = h.replace(/\s+/g, ' ').trim();
    if (text) byKey.set(squash(text), text);
  }
  return byKey;
}

/** Restores whitespace lost in outline titles; returns how many titles were repaired. */
export function repairOutlineTitles(doc: PDFDocument, headings: readonly string[]): number {
  const byKey = headingsByKey(headings);
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
export async function finishPdf(pdf: Uint8Array | PdfFile, info: DocumentInfo, ids: readonly string[]): Promise<{ bytes: Uint8Array; pages: Record<string, number> }> {
  if (pdf instanceof PdfFile) return finishFile(pdf, info, ids);
  const finished = withPdfFile(pdf, (file) => finishFile(file, info, ids));
  if (finished) return finished;
  // A file this reader does not follow: pdf-lib reads it.
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
  renumberStructureIds(doc);
  // Object streams make the file smaller; readers since PDF 1.5 support them.
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: OBJECTS_PER_TICK });
  return { bytes, pages };
}

/** The nodes of a name tree (PDF 1.7, 7.9.6): the root and its /Kids, depth first, at most 32 levels deep. */
function nameTreeNodes(root: PDFDict | undefined): PDFDict[] {
  const nodes: PDFDict[] = [];
  const visit = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    nodes.push(node);
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  visit(root, 0);
  return nodes;
}

const STRUCTURE_ID = /^node(\d+)$/;

/**
 * Chromium names each tagged element after its renderer's DOM node id ("node00000095"),
 * a counter the renderer shares with the other pages it lays out at the same time, so
 * the same document printed twice gets other ids. They are renumbered here by their
 * order (1, 2, 3, … in the order of the old numbers, so the ID tree's keys stay
 * sorted): the same document gives the same bytes. The ids are where PDF puts them:
 * a structure element's /ID, a table cell's /Headers, and the keys and limits of the
 * structure tree's /IDTree. Returns how many ids were renumbered.
 */
export function renumberStructureIds(doc: PDFDocument): number {
  const text = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  const elements: PDFDict[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('StructElem')) elements.push(object);
  }
  const idTree = nameTreeNodes(doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('IDTree'), PDFDict));
  // Every place an id is written: its old number, and how to write the new id there.
  const places: { number: number; set: (id: string) => void }[] = [];
  const found = (value: unknown, set: (id: string) => void) => {
    const match = STRUCTURE_ID.exec(text(value) ?? '');
    if (match) places.push({ number: Number(match[1]), set });
  };
  const inArray = (array: PDFArray, i: number) => found(array.get(i), (id) => array.set(i, PDFString.of(id)));
  for (const element of elements) {
    found(element.get(PDFName.of('ID')), (id) => element.set(PDFName.of('ID'), PDFString.of(id)));
    const attributes = element.lookup(PDFName.of('A'));
    const owners = attributes instanceof PDFArray ? attributes.asArray().map((a) => doc.context.lookup(a)) : [attributes];
    for (const owner of owners) {
      const headers = owner instanceof PDFDict ? owner.lookupMaybe(PDFName.of('Headers'), PDFArray) : undefined;
      if (headers) for (let i = 0; i < headers.size(); i++) inArray(headers, i);
    }
  }
  for (const node of idTree) {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) for (let i = 0; i < names.size(); i += 2) inArray(names, i);
    const limits = node.lookupMaybe(PDFName.of('Limits'), PDFArray);
    if (limits) for (let i = 0; i < limits.size(); i++) inArray(limits, i);
  }
  const numbers = [...new Set(places.map((p) => p.number))].sort((a, b) => a - b);
  const width = Math.max(8, String(numbers.length).length);
  const renamed = new Map(numbers.map((n, i) => [n, `node${String(i + 1).padStart(width, '0')}`]));
  for (const place of places) place.set(renamed.get(place.number)!);
  return renamed.size;
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
  const pages = withPdfFile(pdf, (file) => fileDestinationPages(file, ids));
  return pages ?? destinationPages(await PDFDocument.load(pdf, LOAD), ids);
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
  for (const node of nameTreeNodes(names)) {
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (!leaves) continue;
    for (let i = 0; i + 1 < leaves.size(); i += 2) {
      const key = leaves.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), leaves.get(i + 1));
    }
  }
  const result: Record<string, number> = {};
  for (const id of ids) {
    const n = dests.get(id);
    if (n !== undefined) result[id] = n;
  }
  return result;
}

// The same work on a PdfFile: finishPdf's steps, object by object.

const asciiString = (text: string): PdfValue => ({ type: 'string', bytes: Uint8Array.from(Buffer.from(text, 'latin1')) });
/** A name's text, its #xx escapes read (7.3.5). */
const nameText = (raw: string) => raw.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** A copy of a dictionary with `changes` set. */
function withEntries(dict: PdfValue | undefined, changes: Record<string, PdfValue>): PdfValue {
  const entries = new Map(dict?.type === 'dict' ? dict.entries : []);
  for (const [key, value] of Object.entries(changes)) entries.set(key, value);
  return { type: 'dict', entries };
}

/** Sets a dictionary held in the catalog (inline or its own object) and returns the catalog's entry for it. */
function setHeld(file: PdfFile, held: PdfValue | undefined, changes: Record<string, PdfValue>): PdfValue {
  if (held?.type === 'ref') {
    file.replace(held.num, withEntries(file.object(held.num), changes));
    return held;
  }
  return withEntries(held, changes);
}

function finishFile(file: PdfFile, info: DocumentInfo, ids: readonly string[]): { bytes: Uint8Array; pages: Record<string, number> } {
  const pages = fileDestinationPages(file, ids);
  const root = file.trailer.get('Root');
  if (root?.type !== 'ref') throw new PdfSyntaxError('the trailer has no /Root', 0);
  const catalog = file.object(root.num);
  renumberFileStructureIds(file, catalog);
  if (info.headings) repairFileOutlineTitles(file, catalog, info.headings);
  const infoEntry = file.trailer.get('Info');
  const fields: Record<string, PdfValue> = {
    Title: textString(info.title),
    Author: textString(info.author),
    Subject: textString(info.subject),
    // Keywords of several words need commas between them.
    Keywords: textString(info.keywords.join(', ')),
    Creator: textString(info.creator),
    ...(info.producer ? { Producer: textString(info.producer) } : {}),
    CreationDate: dateString(info.created),
    ModDate: dateString(info.modified),
  };
  if (infoEntry?.type === 'ref') file.replace(infoEntry.num, withEntries(file.object(infoEntry.num), fields));
  else file.trailer.set('Info', file.add(withEntries(infoEntry, fields)));
  file.replace(
    root.num,
    withEntries(catalog, {
      Lang: asciiString(info.language),
      // The title, not the file name, in the reader's title bar.
      ViewerPreferences: setHeld(file, catalog?.type === 'dict' ? catalog.entries.get('ViewerPreferences') : undefined, { DisplayDocTitle: { type: 'token', text: 'true' } }),
    }),
  );
  return { bytes: file.write(), pages };
}

/** repairOutlineTitles on a PdfFile. */
function repairFileOutlineTitles(file: PdfFile, catalog: PdfValue | undefined, headings: readonly string[]): void {
  const byKey = headingsByKey(headings);
  const seen = new Set<number>();
  const visit = (ref: PdfValue | undefined) => {
    while (ref?.type === 'ref' && !seen.has(ref.num)) {
      seen.add(ref.num);
      const item = file.object(ref.num);
      const title = file.get(item, 'Title');
      if (title?.type === 'string') {
        const current = decodeText(title.bytes);
        const canonical = byKey.get(squash(current));
        if (canonical !== undefined && canonical !== current) file.replace(ref.num, withEntries(item, { Title: textString(canonical) }));
      }
      visit(item?.type === 'dict' ? item.entries.get('First') : undefined);
      ref = item?.type === 'dict' ? item.entries.get('Next') : undefined;
    }
  };
  const outlines = file.get(catalog, 'Outlines');
  visit(outlines?.type === 'dict' ? outlines.entries.get('First') : undefined);
}

/** The objects of a name tree (its root may be inline in `holder`), at most 32 levels deep. */
function fileNameTreeNodes(file: PdfFile, entry: PdfValue | undefined, holder: number): { node: PdfValue; num: number }[] {
  const nodes: { node: PdfValue; num: number }[] = [];
  const visit = (value: PdfValue | undefined, num: number, depth: number) => {
    const node = file.resolve(value);
    if (node?.type !== 'dict' || depth > 32) return;
    nodes.push({ node, num: value?.type === 'ref' ? value.num : num });
    const kids = file.get(node, 'Kids');
    if (kids?.type === 'array') for (const kid of kids.items) visit(kid, kid.type === 'ref' ? kid.num : num, depth + 1);
  };
  visit(entry, holder, 0);
  return nodes;
}

const STRUCTURE_ID_STRING = /\(node(\d+)\)/g;
/** Where an element names ids: its /ID, and the /Headers of its attributes. */
const ELEMENT_IDS = /\/ID[\0\t\n\f\r ]*\(node\d+\)|\/Headers[\0\t\n\f\r ]*\[[^\]]*\]/g;

/**
 * renumberStructureIds on a PdfFile: the ids, which Chromium writes as literal strings,
 * renumbered in the source text where PDF puts them — a structure element's /ID, the
 * /Headers of its attributes (inline or their own objects), and the keys and limits of
 * the ID tree's nodes; other strings (an /Alt, say) are left as they are.
 */
function renumberFileStructureIds(file: PdfFile, catalog: PdfValue | undefined): number {
  /** Objects holding ids, and whether every string in them is an id (the ID tree's nodes) or only those in ELEMENT_IDS. */
  const holders = new Map<number, 'elements' | 'tree'>();
  for (const num of file.numbers()) {
    if (file.isStream(num)) continue;
    const source = file.source(num)!;
    if (!source.includes('/StructElem')) continue;
    holders.set(num, 'elements');
    // Attributes in objects of their own. Chromium writes them inline, as the last
    // entry: an element is parsed only when a reference follows its /A.
    const attributesAt = source.search(/\/A[\s[<]/);
    if (attributesAt < 0 || !/\d\s+\d+\s+R/.test(source.slice(attributesAt))) continue;
    const element = file.object(num);
    const attributes = element?.type === 'dict' ? element.entries.get('A') : undefined;
    const refs = attributes?.type === 'ref' ? [attributes] : attributes?.type === 'array' ? attributes.items : [];
    for (const ref of refs) if (ref.type === 'ref' && !holders.has(ref.num)) holders.set(ref.num, 'elements');
  }
  const rootEntry = catalog?.type === 'dict' ? catalog.entries.get('StructTreeRoot') : undefined;
  if (rootEntry?.type === 'ref') {
    const structRoot = file.object(rootEntry.num);
    const tree = structRoot?.type === 'dict' ? structRoot.entries.get('IDTree') : undefined;
    // (A tree inline in the root makes the root a node: its strings are the tree's keys.)
    for (const { num } of fileNameTreeNodes(file, tree, rootEntry.num)) holders.set(num, 'tree');
  }
  /** The id strings' places in a source: every string of a tree node, else those of ELEMENT_IDS. */
  const places = (source: string, kind: 'elements' | 'tree') => (kind === 'tree' ? [source] : [...source.matchAll(ELEMENT_IDS)].map((m) => m[0]));
  const sources = [...holders].map(([num, kind]) => {
    const source = file.source(num);
    if (source === undefined) throw new PdfSyntaxError(`object ${num} is referred to but not in the file`, 0);
    return { num, kind, source };
  });
  const numbers = new Set<number>();
  for (const { source, kind } of sources) for (const place of places(source, kind)) for (const match of place.matchAll(STRUCTURE_ID_STRING)) numbers.add(Number(match[1]));
  const sorted = [...numbers].sort((a, b) => a - b);
  const width = Math.max(8, String(sorted.length).length);
  const renamed = new Map(sorted.map((n, i) => [n, `(node${String(i + 1).padStart(width, '0')})`]));
  const renumber = (text: string) => text.replace(STRUCTURE_ID_STRING, (_m, digits: string) => renamed.get(Number(digits))!);
  for (const { num, kind, source } of sources) {
    if (!source.includes('(node')) continue;
    file.replace(num, kind === 'tree' ? renumber(source) : source.replace(ELEMENT_IDS, renumber));
  }
  return renamed.size;
}

/** destinationPages on a PdfFile. */
export function fileDestinationPages(file: PdfFile, ids: readonly string[]): Record<string, number> {
  const catalog = file.catalog();
  const pageIndex = new Map(file.pages().map((num, i) => [num, i + 1]));
  const dests = new Map<string, number>();
  const record = (key: string, value: PdfValue | undefined) => {
    let target = file.resolve(value);
    if (target?.type === 'dict') target = file.get(target, 'D');
    const page = target?.type === 'array' ? target.items[0] : undefined;
    const n = page?.type === 'ref' ? pageIndex.get(page.num) : undefined;
    if (n !== undefined) dests.set(key, n);
  };
  // PDF 1.1 style /Dests dictionary (what Chromium writes) ...
  const old = file.get(catalog, 'Dests');
  if (old?.type === 'dict') for (const [key, value] of old.entries) record(nameText(key), value);
  // ... and the /Names /Dests name tree, in case a later Chromium switches.
  const names = file.get(file.get(catalog, 'Names'), 'Dests');
  for (const { node } of fileNameTreeNodes(file, names, -1)) {
    const leaves = file.get(node, 'Names');
    if (leaves?.type !== 'array') continue;
    for (let i = 0; i + 1 < leaves.items.length; i += 2) {
      const key = file.resolve(leaves.items[i]);
      if (key?.type === 'string') record(decodeText(key.bytes), leaves.items[i + 1]);
    }
  }
  const result: Record<string, number> = {};
  for (const id of ids) {
    const n = dests.get(id);
    if (n !== undefined) result[id] = n;
  }
  return result;
}
