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

/**
 * An attribute value with every decimal number rounded to `places` decimals, half away
 * from zero on its printed digits (resvg prints at most 6), trailing zeros dropped
 * ("-0.04" → "0", "39.96" → "40"); with `compact`, the spaces around path commands
 * dropped too. One pass over the characters: a regular expression with a callback per
 * number cost a tenth of a figure's drawing (some 30 000 numbers in a chart's outlines).
 */
export function roundDecimals(value: string, places: number, compact: boolean): string {
  const scale = 10 ** places;
  let out = '';
  let from = 0;
  const n = value.length;
  for (let i = 0; i < n; ) {
    const c = value.charCodeAt(i);
    if (compact && c === 32 && ((i > 0 && isLetter(value.charCodeAt(i - 1))) || (i + 1 < n && isLetter(value.charCodeAt(i + 1))))) {
      out += value.slice(from, i);
      from = ++i;
      continue;
    }
    if (!isDigit(c) && c !== 45 && c !== 46) {
      i++;
      continue;
    }
    // A decimal number: [-] digits "." digit… (whole numbers stay as they are).
    const start = i;
    let j = c === 45 ? i + 1 : i;
    while (j < n && isDigit(value.charCodeAt(j))) j++;
    if (j < n - 1 && value.charCodeAt(j) === 46 && isDigit(value.charCodeAt(j + 1))) {
      let q = 0;
      for (let k = c === 45 ? start + 1 : start; k < j; k++) q = q * 10 + value.charCodeAt(k) - 48;
      let k = j + 1;
      for (let d = 0; d < places; d++) q = q * 10 + (k < n && isDigit(value.charCodeAt(k)) ? value.charCodeAt(k++) - 48 : 0);
      if (k < n && value.charCodeAt(k) >= 53 && value.charCodeAt(k) <= 57) q++;
      while (k < n && isDigit(value.charCodeAt(k))) k++;
      let text = '0';
      if (q !== 0) {
        const whole = Math.floor(q / scale);
        let frac = q - whole * scale;
        let digits = places;
        while (digits > 0 && frac % 10 === 0) {
          frac /= 10;
          digits--;
        }
        text = `${c === 45 ? '-' : ''}${whole}${digits > 0 ? `.${String(frac).padStart(digits, '0')}` : ''}`;
      }
      out += value.slice(from, start) + text;
      from = i = k;
      continue;
    }
    i = j > i ? j : i + 1;
  }
  return out + value.slice(from);
}

/** Rounds path data to 0.1 px (a tenth of a pixel of the chart; transforms to 0.01) and drops the spaces around its commands: outlines exact to the eye at a fraction of the size. */
function compactNumbers(svg: string): string {
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_m, name: string, value: string) => (name === 'd' ? ` d="${roundDecimals(value, 1, true)}"` : ` ${name}="${roundDecimals(value, 2, false)}"`));
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

/** Draws and writes the figure files and the share image of one edition in one language. */
export async function drawEdition(work: FigureWork, job: FigureJob): Promise<{ figures: number; shareImages: number }> {
  const { model, siteDir, fonts } = work;
  const edition = model.editions.find((e) => e.year === job.year)!;
  const css = await readFile(new URL('../charts/charts.css', import.meta.url), 'utf8');
  let figures = 0;
  let shareImages = 0;
  const write = async (path: string, data: string | Uint8Array) => {
    const file = join(siteDir, ...path.split('/').filter(Boolean));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
  };
  for (const document of [...figureDocuments(model, edition, job.lang, css), shareDocument(model, edition, job.lang)]) {
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
 * beside the rendering of the pages. `fontDir` takes the fonts.
 */
export async function drawFigureFiles(model: ReportModel, siteDir: string, fontDir: string, threads: number, cacheDir?: string): Promise<{ figures: number; shareImages: number }> {
  const work: FigureWork = { model, siteDir, fonts: await prepareFonts(fontDir), ...(cacheDir ? { cacheDir } : {}) };
  const jobs: FigureJob[] = model.study.languages.flatMap((lang) => model.editions.map((e) => ({ lang, year: e.year })));
  const total = { figures: 0, shareImages: 0 };
  const workers = Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => new Worker(new URL('./figure-worker.js', import.meta.url), { workerData: work }));
  try {
    await Promise.all(
      workers.map(async (worker) => {
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
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return total;
}
