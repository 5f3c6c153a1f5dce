import { copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import type { ReportModel } from '../model/types.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReport } from '../pipeline/load-report.ts';
import { siteConfig } from '../site/astro-config.ts';
import { parseArgs, stringOption } from './args.ts';
import type { Command } from './command.ts';
import type { Effects } from './effects.ts';
import { reportIssues, studyDirs } from './study-options.ts';
import { exportPdfs } from '../pdf/export-pdfs.ts';

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
        const name = href!.split('/').pop()!;
        await mkdir(join(siteDir, 'pdf'), { recursive: true });
        await copyFile(join(reportsDir, String(edition.year), 'pdf', name), join(siteDir, 'pdf', name));
        copied++;
      }
    }
  }
  return copied;
}

/**
 * Builds the report site (and PDFs) into a temporary folder beside the output and
 * swaps it in only when everything succeeded, so a failed build leaves the
 * previous output untouched.
 */
export async function buildSite(options: { dataDir: string; reportsDir: string; cwd: string; outDir: string; pdf: boolean }, effects: Effects): Promise<number> {
  const started = Date.now();
  const { model, issues } = await loadReport({ dataDir: options.dataDir, reportsDir: options.reportsDir, cwd: options.cwd, today: effects.now().toISOString().slice(0, 10) });
  if (reportIssues(issues, effects) || !model) return 1;
  if (model.editions.length === 0) {
    effects.err(`No editions: no year in ${options.dataDir} has both a responses.csv and editorial content in ${options.reportsDir}/<year>.`);
    return 1;
  }
  effects.out(`Loaded ${model.editions.length} edition${model.editions.length === 1 ? "" : "s"} (${model.editions.map((e) => `${e.year}${e.status === 'draft' ? ' draft' : ''}`).join(', ')}) in ${seconds(Date.now() - started)}`);

  await mkdir(dirname(options.outDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(options.outDir), `.${basename(options.outDir)}-building-`));
  try {
    const { build } = await import('astro');
    const siteStarted = Date.now();
    await build({ root: PROJECT_ROOT, configFile: false, logLevel: 'error', ...siteConfig({ load: async () => model }, staging) });
    const pages = await countPages(staging);
    effects.out(`Rendered ${pages} pages in ${seconds(Date.now() - siteStarted)}`);
    let pdfs: { file: string; bytes: number }[] = [];
    const archived = await copyArchivedPdfs(model, resolve(options.cwd, options.reportsDir), staging);
    if (archived > 0) effects.out(`Copied ${archived} PDFs of earlier versions`);
    if (options.pdf) {
      pdfs = await exportPdfs(model, staging, effects);
    } else {
      effects.out('PDFs skipped (--no-pdf)');
    }
    await rm(options.outDir, { recursive: true, force: true });
    await rename(staging, options.outDir);
    effects.out(`\nBuilt ${options.outDir} in ${seconds(Date.now() - started)}: ${pages} pages, ${pdfs.length} PDFs`);
    for (const pdf of pdfs) effects.out(`  ${pdf.file}  ${kib(pdf.bytes)}`);
    return 0;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    effects.err(`Build failed: ${(error as Error).message}`);
    effects.err(`The previous output in ${options.outDir} was left as it was.`);
    return 1;
  }
}

export const buildCommand: Command = {
  name: 'build',
  usage: 'build [--data DIR] [--reports DIR] [--out DIR] [--no-pdf]',
  summary: 'Build the report site and one PDF per edition and language',
  help: `Validates the study, computes every edition and builds the static site with its
PDFs into --out. The output is replaced only when the whole build succeeded.

Options:
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content per edition (default reports/)
  --out DIR       output folder (default dist/)
  --no-pdf        build the site without PDFs (no browser needed)

The PDFs need Chromium: set LUOTAIN_CHROMIUM to its executable, or let Luotain find
Playwright's, the system's (/usr/bin/chromium) or the one installed with npm.

Exit codes: 0 built, 1 input errors or a failed build (previous output kept), 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports', 'out'], ['no-pdf']);
    const outDir = resolve(effects.cwd, stringOption(args, 'out', 'dist'));
    return buildSite({ ...studyDirs(args, effects), outDir, pdf: !args.options.get('no-pdf') }, effects);
  },
};
