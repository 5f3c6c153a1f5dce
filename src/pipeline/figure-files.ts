/**
 * Writes the figure files of a build: for every edition and language each figure as
 * an SVG with its text outlined (so that it looks the same in any program, with or
 * without Inter) and as a PNG at twice its size, and the share image. Text is laid
 * out in Inter, converted from the site's own WOFF files, never a system font.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { threadId, Worker } from 'node:worker_threads';
import type { ReportModel } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import { encodePng, figureDocuments, sfntFromWoff, shareDocument, type FigureDocument } from '../figures/index.ts';

/** The Inter faces the figures use: regular, bold (for 600 and 700) and italic, Latin and Latin Extended. */
const FONT_FACES = ['latin-400-normal', 'latin-700-normal', 'latin-400-italic', 'latin-ext-400-normal', 'latin-ext-700-normal', 'latin-ext-400-italic'];

const require = createRequire(import.meta.url);

/** Writes Inter as TrueType files into `dir` (resvg reads no WOFF) and returns their paths. */
export async function prepareFonts(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    FONT_FACES.map(async (face) => {
      const woff = await readFile(require.resolve(`@fontsource/inter/files/inter-${face}.woff`));
      const path = join(dir, `inter-${face}.ttf`);
      await writeFile(path, sfntFromWoff(woff));
      return path;
    }),
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Writes the decimal digits of the whole number `value` (at least `width` of them, zeros in front) at `at`; returns where they end. */
function writeDigits(out: Uint8Array, at: number, value: number, width: number): number {
  let length = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) length++;
  length = Math.max(length, width);
  for (let p = at + length - 1; p >= at; p--) {
    out[p] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
  return at + length;
}

/**
 * Copies the attribute value in `bytes` from `from` to `to` into `out` at `at`, with
 * every decimal number rounded to `places` decimals, half away from zero on its printed
 * digits (resvg prints at most 6), trailing zeros dropped ("-0.04" → "0", "39.96" →
 * "40"); with `compact`, the spaces around path commands dropped too. Returns where the
 * copy ends; it is never longer than the value. Bytes, not a string built up number by
 * number: a chart's outlines have some 30 000 numbers, and building strings cost a
 * tenth of a figure's drawing.
 */
function roundValue(bytes: Uint8Array, from: number, to: number, places: number, compact: boolean, out: Uint8Array, at: number): number {
  const scale = 10 ** places;
  for (let i = from; i < to; ) {
    const c = bytes[i]!;
    if (compact && c === 32 && ((i > from && isLetter(bytes[i - 1]!)) || (i + 1 < to && isLetter(bytes[i + 1]!)))) {
      i++;
      continue;
    }
    if (!isDigit(c) && c !== 45 && c !== 46) {
      out[at++] = c;
      i++;
      continue;
    }
    // A decimal number: [-] digits "." digit… (whole numbers stay as they are).
    const negative = c === 45;
    let j = negative ? i + 1 : i;
    while (j < to && isDigit(bytes[j]!)) j++;
    if (j < to - 1 && bytes[j] === 46 && isDigit(bytes[j + 1]!)) {
      let q = 0;
      for (let k = negative ? i + 1 : i; k < j; k++) q = q * 10 + bytes[k]! - 48;
      let k = j + 1;
      for (let d = 0; d < places; d++) q = q * 10 + (k < to && isDigit(bytes[k]!) ? bytes[k++]! - 48 : 0);
      if (k < to && bytes[k]! >= 53 && bytes[k]! <= 57) q++;
      while (k < to && isDigit(bytes[k]!)) k++;
      if (q === 0) out[at++] = 48;
      else {
        if (negative) out[at++] = 45;
        const whole = Math.floor(q / scale);
        let frac = q - whole * scale;
        let digits = places;
        while (digits > 0 && frac % 10 === 0) {
          frac /= 10;
          digits--;
        }
        at = writeDigits(out, at, whole, 1);
        if (digits > 0) {
          out[at++] = 46;
          at = writeDigits(out, at, frac, digits);
        }
      }
      i = k;
      continue;
    }
    const next = j > i ? j : i + 1;
    while (i < next) out[at++] = bytes[i++]!;
  }
  return at;
}

/** Room for a copy: a number may gain a byte (".5" → "0.5"), and every such number has a ".". */
function roomFor(bytes: Uint8Array): number {
  let dots = 0;
  for (let i = bytes.indexOf(46); i >= 0; i = bytes.indexOf(46, i + 1)) dots++;
  return bytes.length + dots;
}

/** One attribute value rounded as in the outlined SVG (see roundValue). */
export function roundDecimals(value: string, places: number, compact: boolean): string {
  const bytes = Buffer.from(value, 'utf8');
  const out = Buffer.allocUnsafe(roomFor(bytes));
  return out.toString('utf8', 0, roundValue(bytes, 0, bytes.length, places, compact, out, 0));
}

const PATH_DATA = Buffer.from(' d="');
const TRANSFORM = Buffer.from(' transform="');

/**
 * Rounds path data to 0.1 px (a tenth of a pixel of the chart; transforms to 0.01) and
 * drops the spaces around its commands: outlines exact to the eye at a fraction of the
 * size. The same as rounding each ` d="…"` and ` transform="…"` value with roundDecimals.
 */
export function compactNumbers(svg: string): string {
  const bytes = Buffer.from(svg, 'utf8');
  const out = Buffer.allocUnsafe(roomFor(bytes));
  let at = 0;
  let i = 0;
  // The next of each attribute, searched for again only once passed (else each search would run to the end).
  const find = (needle: Uint8Array, from: number) => {
    const found = bytes.indexOf(needle, from);
    return found < 0 ? Number.POSITIVE_INFINITY : found;
  };
  let d = find(PATH_DATA, 0);
  let transform = find(TRANSFORM, 0);
  for (;;) {
    if (d < i) d = find(PATH_DATA, i);
    if (transform < i) transform = find(TRANSFORM, i);
    const isPath = d < transform;
    const attribute = Math.min(d, transform);
    if (attribute === Number.POSITIVE_INFINITY) break;
    const valueStart = attribute + (isPath ? PATH_DATA : TRANSFORM).length;
    const valueEnd = bytes.indexOf(34, valueStart);
    if (valueEnd < 0) break;
    at += bytes.copy(out, at, i, valueStart);
    at = roundValue(bytes, valueStart, valueEnd, isPath ? 1 : 2, isPath, out, at);
    i = valueEnd;
  }
  at += bytes.copy(out, at, i, bytes.length);
  return out.toString('utf8', 0, at);
}

/**
 * The document's title, description and language, which outlining drops, put back
 * at the top of the outlined SVG.
 */
function restoreText(outlined: string, source: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(source)?.[0] ?? '';
  const desc = /<desc>[\s\S]*?<\/desc>/.exec(source)?.[0] ?? '';
  const lang = /^<svg\b(?:[^>"]|"[^"]*")*?\sxml:lang="([^"]*)"/.exec(source)?.[1];
  return outlined.replace(/^<svg\b([^>]*)>/, (_m, attributes: string) => `<svg${attributes}${lang ? ` xml:lang="${lang}"` : ''} role="img">${title}${desc}`);
}

/** A document outlined (SVG) and rendered (PNG at its scale). */
export function renderDocument(document: FigureDocument, fonts: readonly string[]): { svg: string; png: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(document.svg, {
    font: { loadSystemFonts: false, fontFiles: [...fonts], defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: document.scale },
    background: '#ffffff',
    logLevel: 'off',
  });
  const image = resvg.render();
  const svg = `${restoreText(compactNumbers(resvg.toString().trim()), document.svg)}\n`;
  return { svg, png: encodePng(image.pixels, image.width, image.height), width: image.width, height: image.height };
}

/** One edition in one language: the unit of work of a drawing thread. */
export interface FigureJob {
  lang: Lang;
  year: number;
  /** The documents whose index modulo `parts` is `part`: an edition is drawn in parts, so that threads end together. */
  part: number;
  parts: number;
}

/** Parts an edition in one language is drawn in: about a second of drawing each. */
const PARTS_PER_EDITION = 4;

/** An edition's documents in a language, made once per thread (the parts of an edition share them). */
const documentsMade = new WeakMap<ReportModel, Map<string, FigureDocument[]>>();
async function editionDocuments(model: ReportModel, year: number, lang: Lang): Promise<FigureDocument[]> {
  const made = documentsMade.get(model) ?? new Map<string, FigureDocument[]>();
  documentsMade.set(model, made);
  const key = `${lang}/${year}`;
  let documents = made.get(key);
  if (!documents) {
    const edition = model.editions.find((e) => e.year === year)!;
    const css = await readFile(new URL('../charts/charts.css', import.meta.url), 'utf8');
    documents = [...figureDocuments(model, edition, lang, css), shareDocument(model, edition, lang)];
    made.set(key, documents);
  }
  return documents;
}

/** What a drawing thread is given once: the model, the folder to write into, the fonts. */
export interface FigureWork {
  model: ReportModel;
  siteDir: string;
  fonts: string[];
  /** Where drawn files are kept between builds, by the hash of what they are drawn from (none: no cache). */
  cacheDir?: string;
}

/** What else than the document decides a drawn file's bytes: the renderer, the fonts' package, zlib (our PNG encoder) and the version of our own drawing code. */
const DRAWN_BY = `resvg-js ${require('@resvg/resvg-js/package.json').version}, @fontsource/inter ${require('@fontsource/inter/package.json').version}, ${FONT_FACES.join(' ')}, zlib ${process.versions.zlib}, v4`;

/**
 * A document drawn, or taken from the cache when the same document was drawn before
 * (a published edition's figures do not change): the key hashes everything the bytes
 * depend on, so a build gives the same files with the cache or without.
 */
async function drawCached(document: FigureDocument, fonts: readonly string[], cacheDir: string | undefined): Promise<{ svg: string; png: Uint8Array }> {
  if (!cacheDir) return renderDocument(document, fonts);
  const key = createHash('sha256').update(`${DRAWN_BY}\n${document.scale}\n${document.svg}`).digest('hex');
  const [svgFile, pngFile] = [join(cacheDir, `${key}.svg`), join(cacheDir, `${key}.png`)];
  try {
    return { svg: await readFile(svgFile, 'utf8'), png: await readFile(pngFile) };
  } catch {
    const drawn = renderDocument(document, fonts);
    // Written under a name of this thread's own and renamed, so that a concurrent build never reads half a file.
    await mkdir(cacheDir, { recursive: true });
    const part = `.${process.pid}-${threadId}`;
    await writeFile(svgFile + part, drawn.svg);
    await writeFile(pngFile + part, drawn.png);
    await rename(pngFile + part, pngFile);
    await rename(svgFile + part, svgFile);
    return drawn;
  }
}

/** Draws and writes a part of the figure files and the share image of one edition in one language. */
export async function drawEdition(work: FigureWork, job: FigureJob): Promise<{ figures: number; shareImages: number }> {
  const { model, siteDir, fonts } = work;
  let figures = 0;
  let shareImages = 0;
  const write = async (path: string, data: string | Uint8Array) => {
    const file = join(siteDir, ...path.split('/').filter(Boolean));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
  };
  const documents = await editionDocuments(model, job.year, job.lang);
  for (const [i, document] of documents.entries()) {
    if (i % job.parts !== job.part) continue;
    const { svg, png } = await drawCached(document, fonts, work.cacheDir);
    if (document.svgPath) {
      await write(document.svgPath, svg);
      figures++;
    } else shareImages++;
    await write(document.pngPath, png);
  }
  return { figures, shareImages };
}

/**
 * Draws every figure file of the model into `siteDir` on `threads` worker threads
 * (the editions and languages shared out among them), so that the drawing runs
 * beside the rendering of the pages. `fontDir` takes the fonts. When `moreThreads`
 * resolves (say, once the PDFs are printed and cores are free), that many threads more
 * take the editions not yet begun.
 */
export async function drawFigureFiles(
  model: ReportModel,
  siteDir: string,
  fontDir: string,
  threads: number,
  cacheDir?: string,
  moreThreads?: Promise<number>,
): Promise<{ figures: number; shareImages: number; threads: number }> {
  const work: FigureWork = { model, siteDir, fonts: await prepareFonts(fontDir), ...(cacheDir ? { cacheDir } : {}) };
  const jobs: FigureJob[] = model.study.languages.flatMap((lang) =>
    model.editions.flatMap((e) => Array.from({ length: PARTS_PER_EDITION }, (_, part) => ({ lang, year: e.year, part, parts: PARTS_PER_EDITION }))),
  );
  const total = { figures: 0, shareImages: 0 };
  const workers: Worker[] = [];
  const running: Promise<void>[] = [];
  const drain = async (worker: Worker) => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const done = await new Promise<{ figures: number; shareImages: number }>((resolve, reject) => {
        const settle = (message: { figures: number; shareImages: number } | { error: string }) => {
          worker.off('error', reject);
          if ('error' in message) reject(new Error(message.error));
          else resolve(message);
        };
        worker.once('message', settle);
        worker.once('error', reject);
        worker.postMessage(job);
      });
      total.figures += done.figures;
      total.shareImages += done.shareImages;
    }
  };
  const start = () => {
    const worker = new Worker(new URL('./figure-worker.js', import.meta.url), { workerData: work });
    workers.push(worker);
    running.push(drain(worker));
  };
  let closed = false;
  try {
    for (let i = 0; i < Math.max(1, Math.min(threads, jobs.length)); i++) start();
    // A thread more only while more than one part is left: a new thread loads its modules and the model first.
    void moreThreads?.then((n) => {
      for (let i = 0; i < n && jobs.length > 1 && !closed; i++) start();
    });
    // Until no thread was added while waiting.
    for (let waited = 0; waited < running.length; ) {
      waited = running.length;
      await Promise.all(running);
    }
  } finally {
    // No thread starts after a failure, and every one started is stopped.
    closed = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { ...total, threads: workers.length };
}
