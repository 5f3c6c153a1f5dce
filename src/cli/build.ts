import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import type { ReportModel } from '../model/types.ts';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReportOffThread } from '../pipeline/load-off-thread.ts';
import { readStudyDefinition } from '../load/read-study.ts';
import { TOOL_VERSION } from '../io/version.ts';
import { siteConfig } from '../site/astro-config.ts';
import { noPositionals, parseArgs, stringOption, UsageError } from './args.ts';
import type { Command } from './command.ts';
import type { Effects } from '../io/effects.ts';
import { reportIssues, studyDirs } from './study-options.ts';
import { exportPdfs, printPagePaths } from '../pdf/export-pdfs.ts';
import { checkPrintPages, PrintPages } from '../pdf/print-pages.ts';
import { checkOutputFolder, isRunning, lockOutput, makeWorldReadable, markOutput, moveFolder, OutputRefused, replaceOutput } from './output-folder.ts';
import { basePathProblem, normaliseBasePath } from '../study/base-path.ts';
import { pathProblem } from './path-problem.ts';
import { drawFigureFiles } from '../pipeline/figure-files.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function countPages(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === 'index.html') n++;
  return n;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

/** Copies the archived PDFs of earlier versions (reports/<year>/pdf/) into the site's pdf/ folder. */
async function copyArchivedPdfs(model: ReportModel, reportsDir: string, siteDir: string): Promise<number> {
  let copied = 0;
  for (const edition of model.editions) {
    for (const entry of edition.history) {
      for (const href of Object.values(entry.pdf)) {
        // The name was matched against the files of reports/<year>/pdf/, so it has no folder part.
        const name = href!.split('/').pop()!;
        await mkdir(join(siteDir, 'pdf'), { recursive: true });
        await copyFile(join(reportsDir, String(edition.year), 'pdf', name), join(siteDir, 'pdf', name));
        copied++;
      }
    }
  }
  return copied;
}

/** The site being rendered by Astro, in a work folder of its own. */
interface Rendering {
  /** Where Astro writes the site (the PDFs are printed from it while it renders). */
  siteDir: string;
  /** Settles when Astro is done. */
  done: Promise<void>;
  /** Moves the rendered site to `dir`. */
  moveTo(dir: string): Promise<void>;
  /** Waits for Astro to stop and removes the work folder. */
  dispose(): Promise<void>;
}

/**
 * Starts rendering the site with Astro; the model is asked for only when the pages'
 * code is about to run, so the bundling goes on while it is computed. Astro's
 * prerender chunks import the project's packages, so they must be written under the
 * project (whose node_modules they resolve against) and inside the working directory
 * (or Astro puts them in ./.astro, shared by every build). So each build renders into
 * a folder of its own under the project's .astro/, with that as the working
 * directory's child, and the result is moved to the staging folder (copied when on
 * another disk). The print pages, when `printPages` is given, are rendered first and
 * handed to it as they are.
 */
async function startRendering(model: () => Promise<ReportModel>, outputs: BuildOutputs, base: string, printPages?: PrintPages): Promise<Rendering> {
  const { build } = await import('astro');
  const workRoot = join(PROJECT_ROOT, '.astro');
  await mkdir(workRoot, { recursive: true });
  await removeAbandonedWork(workRoot);
  const work = await mkdtemp(join(workRoot, `build-${process.pid}-`));
  const siteDir = join(work, 'site');
  const cwd = process.cwd();
  process.chdir(PROJECT_ROOT);
  const done = build({
    root: PROJECT_ROOT,
    cacheDir: join(work, 'cache'),
    configFile: false,
    logLevel: 'error',
    ...siteConfig({ load: model, ...outputs, base, printPages }, siteDir),
  }).finally(() => process.chdir(cwd));
  // Its failure is the caller's to report (when it awaits done).
  done.catch(() => {});
  return {
    siteDir,
    done,
    moveTo: async (dir) => {
      await rm(join(siteDir, '.prerender'), { recursive: true, force: true });
      await moveFolder(siteDir, dir);
    },
    dispose: async () => {
      await done.catch(() => {});
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** A promise and its settling functions. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Threads drawing the figure files beside the rendering of the pages: one, as two contended with the pages and Chromium on two cores. */
const FIGURE_THREADS = 1;
/** And one more once a core is free of the PDFs (only the last is printing), and when there are none. */
const FIGURE_THREADS_AFTER_PDFS = 1;

/** Moves the files of `from` into `to`, into the folders `to` already has. */
async function mergeFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const target = join(to, entry.name);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (entry.isDirectory() && exists) await mergeFolder(join(from, entry.name), target);
    else await rename(join(from, entry.name), target);
  }
}

/** Removes the render folders of builds whose process is gone (interrupted builds). */
async function removeAbandonedWork(workRoot: string): Promise<void> {
  for (const name of await readdir(workRoot)) {
    const pid = /^build-(\d+)-/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) await rm(join(workRoot, name), { recursive: true, force: true });
  }
}

/**
 * Builds the report site (and PDFs) into a staging folder beside the output and
 * swaps it in only when everything succeeded, so a failed build leaves the
 * previous output exactly as it was. The output folder must be one Luotain made,
 * or new, or empty: never the study's folders or a folder of other files.
 */
/** What a build makes besides the pages and the CSV and JSON downloads. */
export interface BuildOutputs {
  pdf: boolean;
  /** Each figure as SVG and PNG, and a share image per edition and language. */
  figureFiles: boolean;
  /** An Excel workbook and a PowerPoint deck per edition and language. */
  office: boolean;
}

export async function buildSite(
  options: { dataDir: string; reportsDir: string; cwd: string; outDir: string; base?: string; pdf: boolean } & Partial<Omit<BuildOutputs, 'pdf'>>,
  effects: Effects,
): Promise<number> {
  const outputs: BuildOutputs = { pdf: options.pdf, figureFiles: options.figureFiles ?? true, office: options.office ?? true };
  const started = Date.now();
  const cwd = resolve(options.cwd);
  const outDir = resolve(cwd, options.outDir);
  try {
    await checkOutputFolder(outDir, [
      { name: 'the study folder', path: resolve(cwd, options.dataDir) },
      { name: 'the editorial folder', path: resolve(cwd, options.reportsDir) },
      { name: 'the working folder', path: cwd },
      { name: "Luotain's own folder", path: PROJECT_ROOT },
    ]);
  } catch (error) {
    effects.err(`error: ${error instanceof OutputRefused ? error.message : pathProblem(error, outDir)}`);
    return 1;
  }
  // The study is loaded and computed on a thread of its own while this one starts rendering
  // the site (Astro's bundling needs no model, only the base path, read from study.json here).
  const loading = loadReportOffThread({ dataDir: options.dataDir, reportsDir: options.reportsDir, cwd, today: effects.now().toISOString().slice(0, 10), toolVersion: TOOL_VERSION });
  // --base (already normalised) wins over study.json's.
  const definition = options.base === undefined ? await readStudyDefinition(options.dataDir, cwd) : undefined;
  const base = options.base ?? definition?.base ?? '/';
  // Without a readable study.json the loading fails: Astro is not started for nothing.
  if (options.base === undefined && definition === undefined) await loading.result.catch(() => {});
  // playwright-core finds its browsers' folder when first imported: before Astro changes the working folder.
  if (options.pdf) await import('playwright-core');
  const accepted = deferred<ReportModel>();
  const printPages = options.pdf ? new PrintPages() : undefined;
  const siteStarted = Date.now();
  const failed = (message: string) => {
    effects.err(`Build failed: ${message}`);
    effects.err(`The previous output in ${options.outDir} was left as it was.`);
    return 1;
  };
  let rendering: Rendering | undefined;
  try {
    try {
      rendering = await startRendering(() => accepted.promise, outputs, base, printPages);
    } catch (error) {
      return failed(pathProblem(error));
    }
    const { model, issues } = await loading.result;
    if (reportIssues(issues, effects) || !model) return 1;
    if (model.editions.length === 0) {
      effects.err(`No editions: no year in ${options.dataDir} has both a responses file (.csv, .sav or .xlsx) and editorial content in ${options.reportsDir}/<year>.`);
      return 1;
    }
    // study.json was read twice: by the loading and for the rendering's base path.
    if ((options.base ?? model.study.base ?? '/') !== base) return failed(`study.json changed while it was read (its base path is now ${model.study.base ?? '/'}); run the build again`);
    effects.out(
      `Loaded ${model.editions.length} edition${model.editions.length === 1 ? '' : 's'} (${model.editions.map((e) => `${e.year}${e.status === 'draft' ? ' draft' : ''}`).join(', ')}) in ${seconds(Date.now() - started)}`,
    );
    let lock: Awaited<ReturnType<typeof lockOutput>>;
    try {
      lock = await lockOutput(outDir);
    } catch (error) {
      effects.err(`error: ${error instanceof OutputRefused ? error.message : pathProblem(error, outDir)}`);
      return 1;
    }
    try {
      return await finishBuild(model, lock.staging, rendering);
    } finally {
      await lock.release();
    }
  } finally {
    // A build that stopped (its reasons reported) stops the rendering started beside the loading.
    accepted.reject(new Error('the build stopped before the site was rendered'));
    await loading.cancel();
    await rendering?.dispose();
  }

  /** The rest of the build, once the model is in and the output locked: the site, its PDFs and figure files, swapped in. */
  async function finishBuild(model: ReportModel, staging: string, rendering: Rendering): Promise<number> {
    try {
      // The figure files are drawn on worker threads while the pages render and the PDFs print
      // (neither needs them), into a folder beside the staging one (named so that an interrupted
      // build's is cleaned up with it).
      const figureDir = `${staging}-figures`;
      // What a build keeps for the next one: the drawn figures. LUOTAIN_FIGURE_CACHE moves it
      // (the benchmark times a build with nothing kept).
      const cacheDir = effects.env.LUOTAIN_FIGURE_CACHE ? resolve(cwd, effects.env.LUOTAIN_FIGURE_CACHE) : join(PROJECT_ROOT, '.astro', 'figure-cache');
      // Once a core is free of the PDFs (the last one printing, or none to print), it draws too.
      let coresFree = () => {};
      const moreThreads = new Promise<number>((resolve) => {
        coresFree = () => resolve(FIGURE_THREADS_AFTER_PDFS);
      });
      const drawing = (async () => {
        if (!outputs.figureFiles) return undefined;
        const started = Date.now();
        try {
          const counts = await drawFigureFiles(model, join(figureDir, 'site'), join(figureDir, 'fonts'), FIGURE_THREADS, cacheDir, moreThreads);
          return { ...counts, ms: Date.now() - started };
        } catch (error) {
          return { error };
        }
      })();
      let pages = 0;
      let pdfs: { file: string; bytes: number }[] = [];
      // The PDFs are printed while the pages render, into a folder beside the staging one.
      const pdfDir = `${staging}-pdf`;
      let printing: Promise<{ file: string; bytes: number }[]> | undefined;
      try {
        printPages?.expect(printPagePaths(model));
        // Chromium starts while Astro runs in Luotain's folder: a relative LUOTAIN_CHROMIUM is the analyst's.
        const chromium = effects.env.LUOTAIN_CHROMIUM;
        const printEffects = chromium ? { ...effects, env: { ...effects.env, LUOTAIN_CHROMIUM: resolve(cwd, chromium) } } : effects;
        printing = printPages && exportPdfs(model, rendering.siteDir, printEffects, base, coresFree, { pages: printPages, outDir: join(pdfDir, 'pdf') });
        // Its failure is reported once the rendering is over (below).
        printing?.catch(() => {});
        // The pages' code may run now.
        accepted.resolve(model);
        try {
          await rendering.done;
        } catch (error) {
          // The printing stops with the rendering's error (and is waited for below).
          printPages?.end(error);
          throw error;
        }
        printPages?.end();
        pages = await countPages(rendering.siteDir);
        effects.out(`Rendered ${pages} pages in ${seconds(Date.now() - siteStarted)}${printPages ? ' (the PDFs printing beside them)' : ''}`);
        pdfs = (await printing) ?? [];
        if (printPages) await checkPrintPages(rendering.siteDir, printPages);
        await rendering.moveTo(staging);
        if (!options.pdf) effects.out('PDFs skipped (--no-pdf); the site does not link to them');
        const archived = await copyArchivedPdfs(model, resolve(cwd, options.reportsDir), staging);
        if (archived > 0) effects.out(`Copied ${archived} PDFs of earlier versions`);
        if (pdfs.length > 0) await mergeFolder(pdfDir, staging);
        coresFree();
        const drawn = await drawing;
        if (drawn && 'error' in drawn) throw drawn.error;
        if (drawn) {
          await mergeFolder(join(figureDir, 'site'), staging);
          effects.out(
            `Drew ${drawn.figures} figures (SVG and PNG) and ${drawn.shareImages} share images in ${seconds(drawn.ms)} (beside the pages and PDFs, on a thread of their own${drawn.threads > 1 ? `, and on ${drawn.threads - 1} more as the PDFs were done` : ''})`,
          );
        } else effects.out('Figure files skipped (--no-figure-files); the figures do not link to them');
      } finally {
        // On any failure the printing stops (no page is left to wait for) and is waited for, so that
        // Chromium is closed before its folders go.
        printPages?.end();
        await printing?.catch(() => {});
        coresFree();
        await drawing;
        await rm(figureDir, { recursive: true, force: true });
        await rm(pdfDir, { recursive: true, force: true });
      }
      await markOutput(staging, base);
      await makeWorldReadable(staging);
      const { leftover } = await replaceOutput(staging, outDir);
      if (leftover) effects.err(`warning: the previous output could not be removed: ${leftover}. Remove it by hand; the new output is in place.`);
      effects.out(`\nBuilt ${options.outDir} in ${seconds(Date.now() - started)}: ${pages} pages, ${pdfs.length} PDFs${base === '/' ? '' : `, to be served under ${base}`}`);
      for (const pdf of pdfs) effects.out(`  ${pdf.file}  ${kib(pdf.bytes)}`);
      return 0;
    } catch (error) {
      return failed(pathProblem(error));
    }
  }
}

/** The --base option, normalised ("reports/x" → "/reports/x/"), or a usage error saying what is wrong with it. */
export function basePathOption(args: Parameters<typeof stringOption>[0]): string | undefined {
  const base = stringOption(args, 'base');
  if (base === undefined) return undefined;
  const problem = basePathProblem(base);
  if (problem) throw new UsageError(`--base ${JSON.stringify(base)} ${problem}. Give the path the site is served under, e.g. --base /reports/kaukovesi/`);
  return normaliseBasePath(base);
}

export const buildCommand: Command = {
  help: `Validates the study, computes every edition and builds the static site with its
PDFs into --out. The output is replaced only when the whole build succeeded.

Options:
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content per edition (default reports/)
  --out DIR       output folder (default dist/): a new or empty folder, or the
                  output of an earlier build (it is replaced whole). The study's
                  folders and folders with other files are refused.
  --no-pdf        build the site without PDFs (no browser needed; the site then
                  has no PDF links)
  --no-figure-files
                  draw no SVG and PNG files of the figures and no share images
                  (the figures then have no image links, the pages no og:image)
  --no-office     make no Excel workbooks or PowerPoint decks (and no links to them)
  --base PATH     the path the site is served under, e.g. /reports/kaukovesi/
                  (default: study.json's "base", else /, the root of a domain);
                  every link, asset, download and PDF link is under it. Folder
                  names of letters, digits, "-", "_", "." and "~"; no "..", "?"
                  or "#". The built folder itself holds the site at its top.

One build at a time writes a folder: a second build into the same --out is refused
while the first runs. Builds of different studies into different folders may run at once.

Drawn figure files are kept in .astro/figure-cache/ under Luotain's folder, so that a
rebuild draws only the figures that changed; LUOTAIN_FIGURE_CACHE names another folder.

The PDFs need Chromium: set LUOTAIN_CHROMIUM to its executable, or let Luotain find
Playwright's, the system's (/usr/bin/chromium) or the one installed with npm.

Exit codes: 0 built, 1 input errors, a refused --out or a failed build (previous output kept), 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports', 'out', 'base'], ['no-pdf', 'no-figure-files', 'no-office']);
    noPositionals(args);
    const outDir = stringOption(args, 'out', 'dist');
    const base = basePathOption(args);
    return buildSite(
      { ...studyDirs(args, effects), outDir, pdf: !args.options.get('no-pdf'), figureFiles: !args.options.get('no-figure-files'), office: !args.options.get('no-office'), ...(base ? { base } : {}) },
      effects,
    );
  },
};
