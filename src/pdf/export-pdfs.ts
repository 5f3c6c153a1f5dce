/**
 * The PDF export: serves the built site on 127.0.0.1, opens each edition's print
 * page (/<lang>/<year>/print/) in headless Chromium and prints it to A4, then sets
 * the document metadata. One PDF per edition and language, written to <site>/pdf/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Effects } from '../io/effects.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import { t } from '../i18n/index.ts';
import { pdfFileName } from '../site/view.ts';
import { withBase } from '../site/site-path.ts';
import { chapters, type ChapterId } from '../site/routes.ts';
import { launchBrowser, PRINT_FLAGS } from './browser.ts';
import { fileDestinationPages, finishPdf, tocPageNumbers, type DocumentInfo } from './metadata.ts';
import { fillContentsNumbers, markContents, unmarkContents, type Placeholder } from './contents-numbers.ts';
import { type PdfFile, withPdfFile } from './pdf-file.ts';
import { serveStatic } from '../io/static-server.ts';
import type { PrintPages } from './print-pages.ts';

/** The chapters named among a PDF's keywords. */
const KEYWORD_CHAPTERS: readonly ChapterId[] = ['summary', 'areas', 'groups', 'trends'];

/** Pages rendering at the same time: Chromium uses a core or so per page. */
const CONCURRENCY = 2;
/** Per navigation and per print. */
const TIMEOUT_MS = 60_000;

export class NetworkRequestError extends Error {
  readonly urls: string[];
  constructor(urls: string[]) {
    super(`The print pages tried to load ${urls.length} resource(s) from outside the built site (blocked; the PDFs must be self-contained):\n${urls.map((u) => `  - ${u}`).join('\n')}`);
    this.name = 'NetworkRequestError';
    this.urls = urls;
  }
}

interface Job {
  edition: EditionModel;
  lang: Lang;
  file: string;
  /** The print page's path under the base ("/fi/2025/print/"), and as served (under the base). */
  page: string;
  path: string;
}

/** The path of an edition's print page under the base ("/fi/2025/print/"). */
function printPagePath(edition: EditionModel, lang: Lang): string {
  return `/${lang}/${edition.year}/print/`;
}

/** The print pages the PDFs are printed from, one per edition and language. */
export function printPagePaths(model: ReportModel): string[] {
  return model.study.languages.flatMap((lang) => model.editions.map((edition) => printPagePath(edition, lang)));
}

/** Print pages handed over as the site renders, before it is written whole: the PDFs are printed from them, into `outDir`. */
export interface PrintHandover {
  pages: PrintPages;
  outDir: string;
}

/**
 * When the document was made: the publication date of a published edition (so a
 * rebuild gives the same file), else now.
 */
export function documentDate(edition: EditionModel, lang: Lang, now: Date): Date {
  const published = edition.published ?? edition.editorial[lang]?.meta.published;
  if (edition.status === 'published' && published && /^\d{4}-\d{2}-\d{2}$/.test(published)) {
    const date = new Date(`${published}T12:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return now;
}

export function documentInfo(model: ReportModel, edition: EditionModel, lang: Lang, now: Date): DocumentInfo {
  const study = model.study;
  const title = `${study.title[lang]} ${edition.year}`;
  const draft = edition.status === 'draft' ? ` (${t(lang, 'ui.draft')})` : '';
  const metaTitle = edition.editorial[lang]?.meta.title;
  const date = documentDate(edition, lang, now);
  return {
    title: (metaTitle || title) + draft,
    author: study.organisation[lang],
    subject: `${study.organisation[lang]}: ${title}, ${t(lang, 'ui.version').toLowerCase()} ${edition.version}${draft}`,
    // The summary, areas, groups and trends, as far as the edition has them.
    keywords: [
      study.organisation[lang],
      study.title[lang],
      String(edition.year),
      ...chapters(model, edition, lang)
        .filter((c) => KEYWORD_CHAPTERS.includes(c.id))
        .map((c) => c.label),
    ],
    language: lang,
    creator: `Luotain ${model.toolVersion}`,
    created: date,
    modified: date,
  };
}

async function waitForFonts(page: Page, url: string): Promise<void> {
  const families = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
  });
  if (!families.some((f) => f.toLowerCase().startsWith('inter'))) {
    throw new Error(`${url}: the report font Inter did not load (loaded: ${families.join(', ') || 'none'}); check that the site's _astro folder holds the font files`);
  }
}

/**
 * Prints the page. Size, margins and the running header and footer come from the
 * page's CSS (@page with margin boxes, see src/styles/print.css and runningHeadCss
 * in src/site/print.ts) rather than from header/footer templates: the templates
 * render in a frame without the report font and Chromium draws them on every page,
 * the full-bleed cover included, while margin boxes can be left off the cover.
 *
 * A layout print is only read for where each heading landed: without the structure
 * tree, the outline and the backgrounds (none of which moves anything on the page)
 * it takes about a third less time and is a quarter of the size to parse.
 */
async function printPage(page: Page, purpose: 'final' | 'layout'): Promise<Uint8Array> {
  const final = purpose === 'final';
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: final,
    preferCSSPageSize: true,
    tagged: final,
    outline: final,
    displayHeaderFooter: false,
  });
  return new Uint8Array(pdf);
}

/**
 * A layout print with everything hidden: `visibility` moves nothing (the boxes, the
 * page breaks and the destinations are those of the final print, which is checked),
 * but nothing is painted, so the print is about a third cheaper and a few KB to parse.
 */
async function layoutPrint(page: Page): Promise<Uint8Array> {
  const style = await page.addStyleTag({ content: 'html, html * { visibility: hidden !important; }' });
  try {
    return await printPage(page, 'layout');
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}

/** The text area of an A4 page in CSS pixels (210 × 297 mm less src/styles/print.css's margins of 18 mm at the sides and 38 mm in all at top and bottom). */
const PRINT_VIEWPORT = { width: Math.round(((210 - 2 * 18) / 25.4) * 96), height: Math.round(((297 - 38) / 25.4) * 96) };

interface Rendered {
  pdf: Uint8Array | PdfFile;
  headings: string[];
  /** The contents page's entries (ids of their targets) and the page numbers written in. */
  toc: Record<string, number>;
  /** Whether the page was printed twice (first for the contents page's numbers). */
  twice?: boolean;
}

/** Renders one print page to PDF bytes, with the contents page's page numbers filled in. */
async function renderJob(page: Page, origin: string, job: Job, warn: (line: string) => void): Promise<Rendered> {
  const url = `${origin}${job.path}`;
  // Laid out for print from the start, at the width of the A4 page's text: printing
  // then re-lays out far less (the layout print costs about half as much).
  await page.emulateMedia({ media: 'print' });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status() ?? 'no response'}`);
  await waitForFonts(page, url);
  // Links to the site's own pages and files (e.g. /pdf/… in the version history)
  // would point at this temporary server; in the PDF they stay text. Links within
  // the document (#…) and to other sites stay links.
  await page.$$eval(
    'a[href]',
    (links, here) => {
      for (const a of links as HTMLAnchorElement[]) {
        const target = new URL(a.href, here);
        const inDocument = target.origin === location.origin && target.pathname === location.pathname && target.hash !== '';
        if (target.origin === location.origin && !inDocument) a.removeAttribute('href');
      }
    },
    url,
  );
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const ids = await page.$$eval('[data-toc-page]', (els) => els.map((e) => e.getAttribute('data-toc-page') ?? ''));
  if (ids.length === 0) return { pdf: await printPage(page, 'final'), headings, toc: {} };
  // One print, with placeholders whose glyphs are then swapped for the numbers (see contents-numbers.ts).
  const placeholders = await markContents(page);
  if (placeholders) {
    const filled = filledOnce(await printPage(page, 'final'), ids, placeholders);
    if (filled) return { pdf: filled.file, headings, toc: filled.numbers };
    await unmarkContents(page);
  }
  // Else printed twice: a layout print for where each heading landed, then the
  // final print with the numbers filled in. The numbers sit in a fixed-width column,
  // so filling them in moves nothing (the final print's destinations are checked
  // against them, see exportPdfs).
  let numbers = await tocPageNumbers(await layoutPrint(page), ids);
  // Should a Chromium leave out the destinations of hidden elements, a visible layout print finds them.
  if (ids.some((id) => numbers[id] === undefined)) numbers = await tocPageNumbers(await printPage(page, 'layout'), ids);
  const missing = ids.filter((id) => numbers[id] === undefined);
  if (missing.length === ids.length) {
    // Chromium names a destination after each link target; without any, the
    // contents page keeps its entries and links but shows no numbers.
    warn(`${job.file}: no named destinations in Chromium's PDF; the contents page has no page numbers`);
    return { pdf: await printPage(page, 'final'), headings, toc: {}, twice: true };
  }
  if (missing.length > 0) throw new Error(`${url}: no page found for the contents entries ${missing.map((id) => `#${id}`).join(', ')}`);
  await fillContents(page, numbers);
  return { pdf: await printPage(page, 'final'), headings, toc: numbers, twice: true };
}

/** A print with placeholders, its contents page's numbers swapped in; undefined when that cannot be done (the page is then printed twice). */
function filledOnce(pdf: Uint8Array, ids: readonly string[], placeholders: Placeholder[]): { file: PdfFile; numbers: Record<string, number> } | undefined {
  return withPdfFile(pdf, (file) => {
    const numbers = fileDestinationPages(file, ids);
    if (!ids.every((id) => numbers[id] !== undefined)) return undefined;
    return fillContentsNumbers(
      file,
      placeholders,
      ids.map((id) => numbers[id]!),
    )
      ? { file, numbers }
      : undefined;
  });
}

/** Writes the page numbers into the contents page's entries. */
async function fillContents(page: Page, numbers: Record<string, number>): Promise<void> {
  await page.$$eval(
    '[data-toc-page]',
    (els, found) => {
      for (const el of els) {
        const n = found[el.getAttribute('data-toc-page') ?? ''];
        if (n !== undefined) el.textContent = String(n);
      }
    },
    numbers,
  );
}

/** Runs `work` over `items` with at most `limit` at a time; the first error wins. `idle` is called whenever a runner finds nothing left to start. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>, idle?: () => void): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        await work(items[i]!, i);
      } catch (error) {
        failed ??= error;
      }
    }
    idle?.();
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

/**
 * Renders one PDF per edition and language from the built site in `siteDir`, served
 * under its base path `base`, into <siteDir>/pdf/. `coreFree` is called when the first of
 * the pages printing at the same time has no PDF left to print (a core is free for other
 * work). With `handover`, the site is still rendering: each print page is printed as it
 * comes, served from memory (the rest of the site, its styles and fonts, is in `siteDir`
 * already), and the PDFs are written to `handover.outDir`.
 */
export async function exportPdfs(model: ReportModel, siteDir: string, effects: Effects, base = '/', coreFree?: () => void, handover?: PrintHandover): Promise<{ file: string; bytes: number }[]> {
  const jobs: Job[] = model.study.languages.flatMap((lang) =>
    model.editions.map((edition) => {
      const page = printPagePath(edition, lang);
      return { edition, lang, file: pdfFileName(model.study, edition, lang), page, path: withBase(base, page) };
    }),
  );
  // Names come from validated ids and versions; a name with a folder part would write outside the site.
  const unsafe = jobs.find((job) => !/^[\w.-]+$/.test(job.file) || job.file.startsWith('.'));
  if (unsafe) throw new Error(`the PDF file name "${unsafe.file}" is not a plain file name`);
  if (jobs.length === 0) return [];
  const started = Date.now();
  // A missing browser is an error (BrowserNotFoundError says what to do), never a skip.
  const { browser, resolved } = await launchBrowser(effects.env, PRINT_FLAGS);
  let server: Awaited<ReturnType<typeof serveStatic>>;
  try {
    server = await serveStatic(siteDir, 0, base, handover && ((path) => handover.pages.all().get(path)));
  } catch (error) {
    await browser.close();
    throw error;
  }
  const blocked: string[] = [];
  try {
    effects.out(`PDFs: Chromium ${browser.version()} (${resolved.source}), ${jobs.length} files, ${CONCURRENCY} at a time`);
    const context = await browser.newContext({ offline: false, javaScriptEnabled: true, serviceWorkers: 'block', viewport: PRINT_VIEWPORT });
    // The build must make no network request: anything not to the local server is
    // blocked and reported, and fails the export.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const outDir = handover?.outDir ?? join(siteDir, 'pdf');
    await mkdir(outDir, { recursive: true });
    const results: { file: string; bytes: number }[] = new Array(jobs.length);
    let done = 0;
    const print = async (job: Job) => {
      // A fresh page (and renderer) for every print: the structure tree's element ids
      // are the renderer's node ids, which a reused page would carry over from the
      // pages it printed before, so the file would depend on the order of the jobs.
      const page = await context.newPage();
      let rendered: Rendered;
      try {
        page.setDefaultTimeout(TIMEOUT_MS);
        rendered = await renderJob(page, server.origin, job, effects.err);
      } finally {
        await page.close();
      }
      const { pdf: raw, headings, toc } = rendered;
      if (blocked.length > 0) throw new NetworkRequestError([...new Set(blocked)]);
      const ids = Object.keys(toc);
      const { bytes, pages } = await finishPdf(
        raw,
        {
          ...documentInfo(model, job.edition, job.lang, effects.now()),
          producer: `Luotain ${model.toolVersion} (Chromium ${browser.version()})`,
          headings,
        },
        ids,
      );
      const moved = ids.find((id) => pages[id] !== toc[id]);
      return { bytes, twice: rendered.twice === true, moved: moved === undefined ? undefined : `#${moved} (${toc[moved]} → ${pages[moved]})` };
    };
    await pool(
      jobs,
      CONCURRENCY,
      async (job, i) => {
        await handover?.pages.page(job.page);
        const jobStarted = Date.now();
        const printed = await print(job);
        if (printed.moved) throw new Error(`${server.origin}${job.path}: the contents page's number for ${printed.moved} moved when filled in`);
        await writeFile(join(outDir, job.file), printed.bytes);
        results[i] = { file: `pdf/${job.file}`, bytes: printed.bytes.byteLength };
        done++;
        effects.out(`PDF ${done} of ${jobs.length}: ${job.file} (${((Date.now() - jobStarted) / 1000).toFixed(1)} s${printed.twice ? ', printed twice for the contents page' : ''})`);
      },
      coreFree,
    );
    if (blocked.length > 0) throw new NetworkRequestError([...new Set(blocked)]);
    await context.close();
    effects.out(`PDFs done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return results;
  } catch (error) {
    if (blocked.length > 0 && !(error instanceof NetworkRequestError)) effects.err(new NetworkRequestError([...new Set(blocked)]).message);
    throw error;
  } finally {
    await server.close();
    await browser.close();
  }
}
