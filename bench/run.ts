/**
 * The benchmark: `npm run bench [-- --sizes 10000,100000] [--runs N] [--skip-build] [--seed N] [--no-keep-data]` (the options: see usage below).
 *
 * For each size it generates a seeded synthetic study (bench/generate.ts) in
 * the system's temporary folder and measures, in child processes, one after
 * the other in each run (so that both see the same load of the machine):
 *  - floor: a bare papaparse pass over the same file in its fastest mode for
 *    the file (bench/floor.ts: a `chunk` callback, no per-row callback);
 *  - compute: `luotain compute --data DIR --out /dev/null` (of this tree, or
 *    of the tree given with --luotain DIR, e.g. an export of an older commit);
 * with wall time and CPU time (user + sys; medians of the runs) and peak RSS (from /usr/bin/time -v
 * when present, else the child's own resourceUsage().maxRSS), their ratio
 * and rows per second. Then compute on the same study with its responses as
 * a .sav of 1 M cases, an .xlsx of 100 k rows, and the CSV of 1 M rows without
 * its id column (rows then told apart by their fields; --sav-rows, --xlsx-rows,
 * --no-ids-rows, --no-formats), with peak RSS over the file's size. Then the full sample build (site and PDFs; without
 * PDFs, said so, when they cannot be made) and the weight of the summary
 * page /fi/<latest>/. With --reference DIR (a checkout of an older Luotain with
 * its node_modules), that tree's own sample build and this tree's build of the
 * same sample, in turn (bench/reference.ts). Writes bench/results/latest.json and prints a table,
 * with the machine's cores and its load average at the start and the end.
 *
 * `npm run bench -- --markdown` measures nothing: it prints the README's
 * Performance tables from bench/results/latest.json.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchSav, generateBenchStudy, generateBenchXlsx } from './generate.ts';
import { copyInLanguages, differingInputs, filesUnder, studyLanguages } from './reference.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Budgets: compute at most the floor at 1 M rows (issue 16; 1.5× the slower per-row floor before), peak RSS (issue 7), a .sav's peak RSS at most 10× the file (issue 14). */
const BUDGET = { computeOverFloorAt1M: 1.0, peakRssMbAt1M: 500, sampleBuildS: 60, savRssOverFile: 10 };

interface Options {
  sizes: number[];
  runs: number;
  skipBuild: boolean;
  /** Rounds of the three sample builds (medians reported). */
  buildRuns: number;
  seed: number;
  keepData: boolean;
  /** The Luotain tree whose bin/luotain.js is measured (default: this one); for before/after comparisons. */
  luotain: string;
  /** Cases of the .sav, rows of the .xlsx and of the CSV without ids measured (0: none). */
  savRows: number;
  xlsxRows: number;
  noIdsRows: number;
  /** Print the README's tables from the last results instead of measuring. */
  markdown: boolean;
  /** A checkout of an older Luotain (with its node_modules) whose own sample build this tree's is set against. */
  reference?: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [10_000, 100_000, 1_000_000],
    runs: 3,
    skipBuild: false,
    buildRuns: 3,
    seed: 7,
    keepData: true,
    luotain: ROOT,
    savRows: 1_000_000,
    xlsxRows: 100_000,
    noIdsRows: 1_000_000,
    markdown: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes')
      o.sizes = value()
        .split(',')
        .map((s) => Number(s.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--skip-build') o.skipBuild = true;
    else if (a === '--build-runs') o.buildRuns = Number(value());
    else if (a === '--luotain') o.luotain = resolve(value());
    else if (a === '--no-keep-data') o.keepData = false;
    else if (a === '--sav-rows') o.savRows = Number(value());
    else if (a === '--xlsx-rows') o.xlsxRows = Number(value());
    else if (a === '--no-ids-rows') o.noIdsRows = Number(value());
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--reference') o.reference = resolve(value());
    else if (a === '--no-formats') {
      o.savRows = 0;
      o.xlsxRows = 0;
      o.noIdsRows = 0;
    } else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench -- [--sizes 10000,100000,1000000] [--runs 3] [--skip-build] [--build-runs 3] [--seed 7] [--no-keep-data] [--luotain DIR] [--sav-rows 1000000] [--xlsx-rows 100000] [--no-ids-rows 1000000] [--no-formats] [--reference DIR] | --markdown',
      );
      process.exit(0);
    } else throw new Error(`unknown option "${a}"`);
  }
  if (o.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes takes positive whole numbers, e.g. 10000,100000');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs takes a positive whole number');
  if (!(Number.isInteger(o.buildRuns) && o.buildRuns >= 1)) throw new Error('--build-runs needs a whole number of at least 1');
  if (o.reference && !existsSync(join(o.reference, 'bin', 'luotain.js'))) throw new Error(`--reference ${o.reference}: no bin/luotain.js there (give a checkout of Luotain with its node_modules)`);
  return o;
}

interface Run {
  ms: number;
  /** User + system CPU time (from /usr/bin/time -v; NaN without it): less sensitive than wall time to other jobs on the machine. */
  cpuMs: number;
  maxRssMb: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs node with args in a child, timing it and taking its peak RSS. */
function runNode(args: string[], cwd = ROOT): Promise<Run> {
  const [cmd, argv] = TIME ? [TIME, ['-v', NODE, ...args]] : [NODE, args];
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : NaN;
      let maxRssMb = NaN;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) maxRssMb = Number(m[1]) / 1024;
      else {
        const j = /"maxRssKb":(\d+)/.exec(stdout);
        if (j) maxRssMb = Number(j[1]) / 1024;
      }
      resolvePromise({ ms, cpuMs, maxRssMb, code: code ?? -1, stdout, stderr });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Measured {
  medianMs: number;
  runsMs: number[];
  /** Median user + system CPU time (NaN without /usr/bin/time). */
  medianCpuMs: number;
  runsCpuMs: number[];
  peakRssMb: number;
}

interface Job {
  label: string;
  args: string[];
  onOutput?: (stdout: string) => void;
}

/** Runs the jobs in turn, `runs` times over (job 1, job 2, …, job 1, job 2, …), so that each sees the same changes in the machine's load. */
async function measureSideBySide(jobs: Job[], runs: number): Promise<Measured[]> {
  const times = jobs.map((): number[] => []);
  const cpu = jobs.map((): number[] => []);
  const peak = jobs.map(() => 0);
  for (let r = 0; r < runs; r++) {
    for (const [j, { label, args, onOutput }] of jobs.entries()) {
      const run = await runNode(args);
      if (run.code !== 0) throw new Error(`${label} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
      times[j].push(run.ms);
      cpu[j].push(run.cpuMs);
      onOutput?.(run.stdout);
      peak[j] = Math.max(peak[j], run.maxRssMb);
      process.stderr.write(`  ${label}: ${(run.ms / 1000).toFixed(2)} s, CPU ${(run.cpuMs / 1000).toFixed(2)} s, ${run.maxRssMb.toFixed(0)} MB, load ${loadavg()[0].toFixed(1)}\n`);
    }
  }
  return jobs.map((_, j) => ({
    medianMs: median(times[j]),
    runsMs: times[j].map((t) => Math.round(t)),
    medianCpuMs: median(cpu[j]),
    runsCpuMs: cpu[j].map((t) => Math.round(t)),
    peakRssMb: Math.round(peak[j]),
  }));
}

async function measure(label: string, args: string[], runs: number): Promise<Measured> {
  return (await measureSideBySide([{ label, args }], runs))[0];
}

interface SizeResult {
  rows: number;
  fileMb: number;
  floor: Measured;
  compute: Measured;
  /** The load and DomainMoments alone (bench/stages.ts): compute once the model uses single-pass estimation. */
  stages?: Measured & { loadMs: number; momentsMs: number; ratio: number };
  /** compute median / floor median. */
  ratio: number;
  /** The same by CPU time (user + sys); NaN without /usr/bin/time. */
  cpuRatio: number;
  computeRowsPerS: number;
  floorRowsPerS: number;
}

/** compute on the same study with its responses as .sav or .xlsx: time, peak RSS and that RSS over the file's size. */
interface FormatResult {
  /** A .sav, an .xlsx, or the CSV without its id column. */
  format: Format;
  rows: number;
  fileMb: number;
  compute: Measured;
  computeRowsPerS: number;
  /** Peak RSS / file size. */
  rssOverFile: number;
}

type Format = 'sav' | 'xlsx' | 'csv-no-ids';

/** How a format is named in the tables. */
const FORMAT_NAME: Record<Format, string> = { sav: '.sav', xlsx: '.xlsx', 'csv-no-ids': '.csv, no ids' };

async function benchFormat(format: Format, rows: number, o: Options, emptyReports: string): Promise<FormatResult> {
  const dir = join(tmpdir(), 'luotain-bench', `${rows}-seed${o.seed}-${format}`);
  process.stderr.write(`${rows.toLocaleString('en')} respondents as ${FORMAT_NAME[format]}: generating ${dir}\n`);
  const t0 = performance.now();
  const file = format === 'csv-no-ids' ? await generateBenchStudy(ROOT, dir, rows, o.seed, false) : await (format === 'sav' ? generateBenchSav : generateBenchXlsx)(ROOT, dir, rows, o.seed);
  process.stderr.write(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const fileMb = statSync(file).size / 2 ** 20;
  const compute = await measure(`compute ${FORMAT_NAME[format]}`, [join(o.luotain, 'bin', 'luotain.js'), 'compute', '--data', dir, '--reports', emptyReports, '--out', '/dev/null'], o.runs);
  if (!o.keepData) rmSync(dir, { recursive: true, force: true });
  return {
    format,
    rows,
    fileMb: Math.round(fileMb * 10) / 10,
    compute,
    computeRowsPerS: Math.round(rows / (compute.medianMs / 1000)),
    rssOverFile: Math.round((compute.peakRssMb / fileMb) * 100) / 100,
  };
}

async function benchSize(rows: number, o: Options, emptyReports: string): Promise<SizeResult> {
  const dir = join(tmpdir(), 'luotain-bench', `${rows}-seed${o.seed}`);
  process.stderr.write(`${rows.toLocaleString('en')} respondents: generating ${dir}\n`);
  const t0 = performance.now();
  const file = await generateBenchStudy(ROOT, dir, rows, o.seed);
  process.stderr.write(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const fileMb = statSync(file).size / 2 ** 20;
  const loads: number[] = [];
  const moments: number[] = [];
  const jobs: Job[] = [
    { label: 'floor', args: [join(ROOT, 'bench', 'floor.ts'), file] },
    { label: 'compute', args: [join(o.luotain, 'bin', 'luotain.js'), 'compute', '--data', dir, '--reports', emptyReports, '--out', '/dev/null'] },
  ];
  if (o.luotain === ROOT)
    jobs.push({
      label: 'load+moments',
      args: [join(ROOT, 'bench', 'stages.ts'), dir],
      onOutput: (out) => {
        const j = JSON.parse(out.trim().split('\n').pop()!) as { loadMs: number; momentsMs: number };
        loads.push(j.loadMs);
        moments.push(j.momentsMs);
      },
    });
  const [floor, compute, m] = await measureSideBySide(jobs, o.runs);
  const stages: SizeResult['stages'] = m ? { ...m, loadMs: median(loads), momentsMs: median(moments), ratio: Math.round((m.medianMs / floor.medianMs) * 100) / 100 } : undefined;
  if (!o.keepData) rmSync(dir, { recursive: true, force: true });
  return {
    rows,
    fileMb: Math.round(fileMb * 10) / 10,
    floor,
    compute,
    ...(stages ? { stages } : {}),
    ratio: Math.round((compute.medianMs / floor.medianMs) * 100) / 100,
    cpuRatio: Math.round((compute.medianCpuMs / floor.medianCpuMs) * 100) / 100,
    computeRowsPerS: Math.round(rows / (compute.medianMs / 1000)),
    floorRowsPerS: Math.round(rows / (floor.medianMs / 1000)),
  };
}

interface PageWeight {
  path: string;
  htmlKb: number;
  cssKb: number;
  jsKb: number;
  fontKb: number;
  fontFiles: number;
  totalKb: number;
}

/** The summary page's own bytes: its HTML, the stylesheets and scripts it links, and the fonts those stylesheets reference. */
function pageWeight(out: string, lang: string): PageWeight | undefined {
  const langDir = join(out, lang);
  if (!existsSync(langDir)) return undefined;
  const years = readdirSync(langDir)
    .filter((n) => /^\d{4}$/.test(n))
    .sort();
  const latest = years[years.length - 1];
  if (!latest) return undefined;
  const htmlFile = join(langDir, latest, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const local = (href: string, from: string) => (href.startsWith('/') ? join(out, href.split(/[?#]/)[0]) : join(dirname(from), href.split(/[?#]/)[0]));
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const css = [...html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)].map((m) => /href="?([^" >]+)/.exec(m[0])?.[1]).filter((h): h is string => !!h && !/^https?:/.test(h));
  const js = [...html.matchAll(/<script[^>]+src="?([^" >]+)/g)].map((m) => m[1]).filter((h) => !/^https?:/.test(h));
  const fonts = new Set<string>();
  let cssBytes = 0;
  for (const href of css) {
    const f = local(href, htmlFile);
    cssBytes += size(f);
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/url\(["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\)/g)) fonts.add(local(m[1], f));
  }
  // Styles inlined into the page can reference fonts too.
  for (const m of html.matchAll(/url\(["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\)/g)) fonts.add(local(m[1], htmlFile));
  const fontBytes = [...fonts].reduce((s, f) => s + size(f), 0);
  const jsBytes = js.reduce((s, h) => s + size(local(h, htmlFile)), 0);
  const kb = (b: number) => Math.round(b / 102.4) / 10;
  const htmlBytes = Buffer.byteLength(html);
  return {
    path: `/${lang}/${latest}/`,
    htmlKb: kb(htmlBytes),
    cssKb: kb(cssBytes),
    jsKb: kb(jsBytes),
    fontKb: kb(fontBytes),
    fontFiles: fonts.size,
    totalKb: kb(htmlBytes + cssBytes + jsBytes + fontBytes),
  };
}

/** One timed sample build. */
interface BuildRun {
  /** What was built, e.g. "site, PDFs and the new outputs, nothing drawn before". */
  name: string;
  args: string[];
  ms: number;
  /** Busy CPU time of the whole machine during the build (Node, its threads and Chromium's processes; Linux /proc/stat), NaN elsewhere. */
  busyCpuMs: number;
  peakRssMb: number;
}

interface BuildResult {
  withPdf: boolean;
  note?: string;
  /** The full build with nothing drawn before, median of the rounds (what the budget is checked on). */
  ms: number;
  peakRssMb: number;
  pdfFiles: number;
  /** Each kind of build: medians over the rounds (RSS: the highest). */
  runs: BuildRun[];
  /** Every build of every round, in the order run. */
  allRuns?: (BuildRun & { round: number })[];
  summaryPage?: PageWeight;
}

/** Busy CPU time of the machine so far, in ms (Linux), or NaN. */
function machineBusyMs(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user, nice, system, irq, softirq (not idle, iowait or steal), in ticks of 10 ms.
    return (fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]!) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * The sample's full build three times: with every output and nothing drawn before
 * (an empty figure cache, as on a clean checkout), the same again with the figures
 * drawn before (an analyst's rebuild), and without the outputs added for sharing
 * (--no-figure-files --no-office), in `rounds` rounds (the cache emptied at the start
 * of each). With PDFs, or without them where the browser fails.
 */
async function benchBuild(luotain: string, rounds: number): Promise<BuildResult> {
  const out = mkdtempSync(join(tmpdir(), 'luotain-bench-build-'));
  const cache = mkdtempSync(join(tmpdir(), 'luotain-bench-figure-cache-'));
  const previousCache = process.env.LUOTAIN_FIGURE_CACHE;
  process.env.LUOTAIN_FIGURE_CACHE = cache;
  try {
    let pdfArgs: string[] = [];
    let withPdf = true;
    let note: string | undefined;
    const runs: (BuildRun & { round: number })[] = [];
    let pdfFiles = 0;
    let summaryPage: PageWeight | undefined;
    const plan = [
      { name: 'every output, nothing drawn before', args: [] },
      { name: 'every output, figures drawn before', args: [] },
      { name: 'without figure files, workbooks and decks', args: ['--no-figure-files', '--no-office'] },
    ];
    for (let round = 1; round <= rounds; round++)
      for (const step of plan) {
        if (step === plan[0]) {
          rmSync(cache, { recursive: true, force: true });
          mkdirSync(cache, { recursive: true });
        }
        process.stderr.write(`sample build, round ${round} of ${rounds}: ${step.name}\n`);
        const busyAtStart = machineBusyMs();
        let run = await runNode([join(luotain, 'bin', 'luotain.js'), 'build', '--out', out, ...pdfArgs, ...step.args], luotain);
        if (run.code !== 0 && withPdf) {
          note = `the build with PDFs failed (exit ${run.code}): ${run.stderr
            .trim()
            .split('\n')
            .filter(
              (l) =>
                !l.startsWith('\t') &&
                !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(l),
            )
            .slice(-3)
            .join(' | ')}; measured with --no-pdf`;
          process.stderr.write(`  ${note}\n`);
          withPdf = false;
          pdfArgs = ['--no-pdf'];
          run = await runNode([join(luotain, 'bin', 'luotain.js'), 'build', '--out', out, ...pdfArgs, ...step.args], luotain);
        }
        if (run.code !== 0) throw new Error(`the sample build failed:\n${run.stderr.slice(-2000)}`);
        const busyCpuMs = machineBusyMs() - busyAtStart;
        process.stderr.write(`  ${(run.ms / 1000).toFixed(1)} s, busy CPU ${(busyCpuMs / 1000).toFixed(1)} s, ${run.maxRssMb.toFixed(0)} MB\n`);
        runs.push({ round, name: step.name, args: [...pdfArgs, ...step.args], ms: Math.round(run.ms), busyCpuMs: Math.round(busyCpuMs), peakRssMb: Math.round(run.maxRssMb) });
        if (runs.length === 1) {
          // The page weight and the PDFs of the full build.
          pdfFiles = countFiles(out, (n) => n.endsWith('.pdf'));
          summaryPage = pageWeight(out, 'fi');
        }
      }
    const medians: BuildRun[] = plan.map((step) => {
      const of = runs.filter((r) => r.name === step.name);
      return {
        name: step.name,
        args: of[of.length - 1]!.args,
        ms: Math.round(median(of.map((r) => r.ms))),
        busyCpuMs: Math.round(median(of.map((r) => r.busyCpuMs))),
        peakRssMb: Math.max(...of.map((r) => r.peakRssMb)),
      };
    });
    return { withPdf, ...(note ? { note } : {}), ms: medians[0]!.ms, peakRssMb: medians[0]!.peakRssMb, pdfFiles, runs: medians, allRuns: runs, ...(summaryPage ? { summaryPage } : {}) };
  } finally {
    if (previousCache === undefined) delete process.env.LUOTAIN_FIGURE_CACHE;
    else process.env.LUOTAIN_FIGURE_CACHE = previousCache;
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}

/** The sample build of an older Luotain and of this one on the same study and outputs, in turn. */
interface ReferenceResult {
  /** The reference's commit (short), or its folder. */
  reference: string;
  /** The study's inputs that differ between the reference's sample and this tree's cut down (none: the same study). */
  differing: string[];
  /** Why the comparison was not measured, if so (the rest of the bench is kept). */
  error?: string;
  /** Whether the side that builds first alternates from round to round (results from before it did lack it: the reference first). */
  firstAlternates?: boolean;
  languages: string[];
  pdfFiles: number;
  /** Per round: the reference's build and this tree's, in ms. */
  rounds: { referenceMs: number; ms: number }[];
  referenceMedianMs: number;
  medianMs: number;
  /** Median over the rounds of this tree's time over the reference's in the same round. */
  pairedRatio: number;
}

/**
 * The reference's own sample build (`luotain build` in its folder, its outputs) and
 * this tree's build of the same sample in the reference's languages without the
 * outputs added since (see bench/reference.ts), in turn, `rounds` times.
 */
async function benchReference(luotain: string, referenceDir: string, rounds: number): Promise<ReferenceResult> {
  let reference = referenceDir;
  try {
    reference = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: referenceDir, encoding: 'utf8' }).trim();
    if (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: referenceDir, encoding: 'utf8' }).trim() !== '') reference += '+uncommitted';
  } catch {
    // Not a git checkout: named by its folder.
  }
  const work = mkdtempSync(join(tmpdir(), 'luotain-bench-reference-'));
  let languages: string[] = [];
  let differing: string[] = [];
  const results: ReferenceResult['rounds'] = [];
  const summary = (pdfFiles: number, error?: string): ReferenceResult => ({
    reference,
    differing,
    ...(error ? { error } : {}),
    firstAlternates: true,
    languages,
    pdfFiles,
    rounds: results,
    referenceMedianMs: results.length > 0 ? Math.round(median(results.map((r) => r.referenceMs))) : Number.NaN,
    medianMs: results.length > 0 ? Math.round(median(results.map((r) => r.ms))) : Number.NaN,
    pairedRatio: results.length > 0 ? Math.round(median(results.map((r) => r.ms / r.referenceMs)) * 1000) / 1000 : Number.NaN,
  });
  try {
    languages = studyLanguages(join(referenceDir, 'data'));
    const study = copyInLanguages(join(luotain, 'data'), join(luotain, 'reports'), languages, join(work, 'study'));
    differing = differingInputs({ dataDir: join(referenceDir, 'data'), reportsDir: join(referenceDir, 'reports') }, study);
    const plan = [
      { who: 'reference', args: [join(referenceDir, 'bin', 'luotain.js'), 'build', '--out', join(work, 'reference-site')], cwd: referenceDir },
      {
        who: 'this tree',
        args: [join(luotain, 'bin', 'luotain.js'), 'build', '--data', study.dataDir, '--reports', study.reportsDir, '--out', join(work, 'site'), '--no-figure-files', '--no-office'],
        cwd: luotain,
      },
    ];
    let pdfFiles = 0;
    for (let round = 1; round <= rounds; round++) {
      const ms: Record<string, number> = {};
      // The order alternates, so that neither side always runs first.
      for (const step of round % 2 === 1 ? plan : [...plan].reverse()) {
        process.stderr.write(`build against the reference, round ${round} of ${rounds}: ${step.who}\n`);
        const run = await runNode(step.args, step.cwd);
        if (run.code !== 0) throw new Error(`the ${step.who}'s build failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        process.stderr.write(`  ${(run.ms / 1000).toFixed(1)} s\n`);
        ms[step.who] = Math.round(run.ms);
      }
      if (round === 1) {
        pdfFiles = countFiles(join(work, 'site'), (n) => n.endsWith('.pdf'));
        const referencePdfs = countFiles(join(work, 'reference-site'), (n) => n.endsWith('.pdf'));
        if (pdfFiles !== referencePdfs) throw new Error(`the reference built ${referencePdfs} PDFs and this tree ${pdfFiles}: not the same study`);
      }
      results.push({ referenceMs: ms.reference!, ms: ms['this tree']! });
    }
    return summary(pdfFiles);
  } catch (error) {
    // The rest of the bench is kept: the comparison records why it was not measured.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`  the build against the reference was not measured: ${message}\n`);
    return summary(0, message);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The comparison with the reference, for the console or (markdown) the README. */
function referenceLines(r: ReferenceResult, markdown = false): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  if (r.error) return [`The sample's build against the reference (${r.reference}) was not measured: ${r.error}`];
  const same = r.differing.length === 0 ? 'the same study' : `a study that differs in ${r.differing.join(', ')}`;
  const head = `The sample's build against the reference (commit ${r.reference}), ${same} (the sample in ${r.languages.join(' and ')}, ${r.pdfFiles} PDFs; the publication records aside), this tree without the outputs added since (\`--no-figure-files --no-office\`); the two built in turn in each round, ${r.firstAlternates ? 'the first alternating' : 'the reference first'}:`;
  if (!markdown)
    return [
      head,
      ...r.rounds.map((x, i) => `  round ${i + 1}: reference ${s(x.referenceMs)}, this tree ${s(x.ms)}, ratio ${(x.ms / x.referenceMs).toFixed(3)}`),
      `  medians: reference ${s(r.referenceMedianMs)}, this tree ${s(r.medianMs)}; median of the rounds' ratios ${r.pairedRatio.toFixed(3)}`,
    ];
  return [
    head,
    '',
    '| round | reference | this tree | this tree / reference |',
    '|---|---|---|---|',
    ...r.rounds.map((x, i) => `| ${i + 1} | ${s(x.referenceMs)} | ${s(x.ms)} | ${(x.ms / x.referenceMs).toFixed(3)} |`),
    `| median | ${s(r.referenceMedianMs)} | ${s(r.medianMs)} | ${r.pairedRatio.toFixed(3)} (the median of the rounds' ratios) |`,
  ];
}

function countFiles(dir: string, pick: (name: string) => boolean): number {
  return filesUnder(dir).filter((file) => pick(basename(file))).length;
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+uncommitted` : head;
  } catch {
    return 'unknown';
  }
}

function formatTable(formats: FormatResult[]): string {
  if (formats.length === 0) return '';
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return [
    '',
    'format         rows        file MB   compute s   CPU s   rows/s     peak RSS MB   RSS / file',
    ...formats.map((f) =>
      [
        FORMAT_NAME[f.format].padEnd(14),
        f.rows.toLocaleString('en').padEnd(11),
        f.fileMb.toFixed(1).padStart(7),
        s(f.compute.medianMs).padStart(11),
        s(f.compute.medianCpuMs).padStart(7),
        f.computeRowsPerS.toLocaleString('en').padStart(8),
        String(f.compute.peakRssMb).padStart(13),
        f.rssOverFile.toFixed(2).padStart(12),
      ].join(' '),
    ),
  ].join('\n');
}

function table(sizes: SizeResult[], build?: BuildResult): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const lines = [
    'rows        file MB   floor s   compute s   ratio   CPU: floor s   compute s   ratio   compute rows/s   floor RSS MB   compute RSS MB',
    ...sizes.map((r) =>
      [
        r.rows.toLocaleString('en').padEnd(11),
        r.fileMb.toFixed(1).padStart(7),
        s(r.floor.medianMs).padStart(9),
        s(r.compute.medianMs).padStart(11),
        r.ratio.toFixed(2).padStart(7),
        s(r.floor.medianCpuMs).padStart(14),
        s(r.compute.medianCpuMs).padStart(11),
        r.cpuRatio.toFixed(2).padStart(7),
        r.computeRowsPerS.toLocaleString('en').padStart(16),
        String(r.floor.peakRssMb).padStart(14),
        String(r.compute.peakRssMb).padStart(16),
      ].join(' '),
    ),
  ];
  const staged = sizes.filter((r) => r.stages);
  if (staged.length > 0) {
    lines.push('', 'load + single-pass estimation (bench/stages.ts: the loader and the moments alone, without start-up and the model)');
    for (const r of staged) {
      const st = r.stages!;
      lines.push(`${r.rows.toLocaleString('en').padEnd(11)} ${s(st.medianMs)} s (load ${s(st.loadMs)} s, moments ${s(st.momentsMs)} s), ${st.ratio.toFixed(2)} × floor, peak RSS ${st.peakRssMb} MB`);
    }
  }
  if (build) {
    lines.push(
      '',
      `sample build (${build.withPdf ? `site and ${build.pdfFiles} PDFs` : 'site only, --no-pdf'}; medians of ${build.allRuns ? build.allRuns.length / build.runs.length : 1} rounds)${build.note ? `\n  note: ${build.note}` : ''}`,
    );
    for (const run of build.runs ?? []) lines.push(`  ${run.name.padEnd(44)} ${s(run.ms).padStart(7)} s   busy CPU ${s(run.busyCpuMs).padStart(7)} s   peak RSS ${run.peakRssMb} MB`);
    const p = build.summaryPage;
    if (p) lines.push(`summary page ${p.path}: ${p.totalKb} KB (HTML ${p.htmlKb}, CSS ${p.cssKb}, JS ${p.jsKb}, fonts ${p.fontKb} in ${p.fontFiles} files)`);
  }
  return lines.join('\n');
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  if (o.markdown) {
    console.log(markdown(JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'latest.json'), 'utf8')) as BenchResult));
    return;
  }
  const loadAtStart = loadavg();
  const emptyReports = mkdtempSync(join(tmpdir(), 'luotain-bench-reports-'));
  const sizes: SizeResult[] = [];
  const formats: FormatResult[] = [];
  try {
    for (const rows of o.sizes) sizes.push(await benchSize(rows, o, emptyReports));
    if (o.savRows > 0) formats.push(await benchFormat('sav', o.savRows, o, emptyReports));
    if (o.xlsxRows > 0) formats.push(await benchFormat('xlsx', o.xlsxRows, o, emptyReports));
    if (o.noIdsRows > 0) formats.push(await benchFormat('csv-no-ids', o.noIdsRows, o, emptyReports));
  } finally {
    rmSync(emptyReports, { recursive: true, force: true });
  }
  const build = o.skipBuild ? undefined : await benchBuild(o.luotain, o.buildRuns);
  const reference = o.reference ? await benchReference(o.luotain, o.reference, o.buildRuns) : undefined;
  const at1M = sizes.find((r) => r.rows === 1_000_000);
  const sav1M = formats.find((f) => f.format === 'sav' && f.rows === 1_000_000);
  const result: BenchResult = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    ...(o.luotain !== ROOT ? { measuredTree: o.luotain } : {}),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      loadAverage: { start: roundLoad(loadAtStart), end: roundLoad(loadavg()) },
    },
    options: o,
    sizes,
    formats,
    ...(build ? { build } : {}),
    ...(reference ? { reference } : {}),
    budgets: {
      ...(at1M
        ? {
            computeOverFloorAt1M: { limit: BUDGET.computeOverFloorAt1M, actual: at1M.ratio, ok: at1M.ratio <= BUDGET.computeOverFloorAt1M },
            computeOverFloorAt1MByCpu: { limit: BUDGET.computeOverFloorAt1M, actual: at1M.cpuRatio, ok: at1M.cpuRatio <= BUDGET.computeOverFloorAt1M },
            peakRssMbAt1M: { limit: BUDGET.peakRssMbAt1M, actual: at1M.compute.peakRssMb, ok: at1M.compute.peakRssMb <= BUDGET.peakRssMbAt1M },
          }
        : {}),
      ...(sav1M ? { savRssOverFileAt1M: { limit: BUDGET.savRssOverFile, actual: sav1M.rssOverFile, ok: sav1M.rssOverFile <= BUDGET.savRssOverFile } } : {}),
      ...(build ? { sampleBuildS: { limit: BUDGET.sampleBuildS, actual: Math.round(build.ms / 100) / 10, withPdf: build.withPdf, ok: build.ms / 1000 <= BUDGET.sampleBuildS } } : {}),
    },
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(machineLine(result.machine));
  console.log(table(sizes, build) + formatTable(formats) + (reference ? `\n\n${referenceLines(reference).join('\n')}` : ''));
  for (const [name, b] of Object.entries(result.budgets)) console.log(`budget ${name}: ${b.actual} (limit ${b.limit}) ${b.ok ? 'ok' : 'OVER'}`);
  console.log(`\nwrote bench/results/latest.json (${result.commit}, ${result.machine.cpus} cores, Node ${process.version})`);
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(1);
});

interface BenchResult {
  date: string;
  commit: string;
  measuredTree?: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string; loadAverage: { start: number[]; end: number[] } };
  options: Options;
  sizes: SizeResult[];
  formats: FormatResult[];
  build?: BuildResult;
  reference?: ReferenceResult;
  budgets: Record<string, { limit: number; actual: number; ok: boolean; withPdf?: boolean }>;
}

const roundLoad = (l: number[]) => l.map((x) => Math.round(x * 100) / 100);

function machineLine(m: BenchResult['machine']): string {
  const l = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  return `machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}; load average (1 / 5 / 15 min) at the start ${l(m.loadAverage.start)}, at the end ${l(m.loadAverage.end)}\n`;
}

/** The README's Performance tables from a result. */
function markdown(r: BenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const n = (x: number) => x.toLocaleString('en').replace(/,/g, '\u00a0');
  const mb = (x: number) => (x >= 10 ? `${Math.round(x)} MB` : `${x.toFixed(1)} MB`);
  const l = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  const lines = [
    `Measured ${r.date.slice(0, 10)} (commit ${r.commit}), ${r.machine.cpus} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node.replace(/^v/, '')}, medians of ${r.options.runs} runs, floor and compute run in turn; load average (1 / 5 / 15 min) ${l(r.machine.loadAverage.start)} at the start, ${l(r.machine.loadAverage.end)} at the end.`,
    '',
    '| respondents | file | floor | compute | compute / floor | CPU: floor | compute | compute / floor | compute peak RSS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.sizes.map(
      (x) =>
        `| ${n(x.rows)} | ${mb(x.fileMb)} | ${s(x.floor.medianMs)} | ${s(x.compute.medianMs)} | ${x.ratio.toFixed(2)} | ${s(x.floor.medianCpuMs)} | ${s(x.compute.medianCpuMs)} | ${x.cpuRatio.toFixed(2)} | ${x.compute.peakRssMb} MB |`,
    ),
  ];
  // The paired ratios: each run's compute over the floor run just before it, which saw the same state of the machine.
  const largest = r.sizes.at(-1);
  if (largest?.floor.runsCpuMs && largest.compute.runsCpuMs) {
    const paired = (c: number[], f: number[]) => c.map((x, k) => x / f[k]);
    const wall = paired(largest.compute.runsMs, largest.floor.runsMs);
    const cpu = paired(largest.compute.runsCpuMs, largest.floor.runsCpuMs);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
    lines.push(
      '',
      `Each run's compute over the floor run just before it, at ${n(largest.rows)} respondents: by wall time ${list(wall)} (median ${median(wall).toFixed(2)}), by CPU time ${list(cpu)} (median ${median(cpu).toFixed(2)}).`,
    );
  }
  if (r.formats.length > 0)
    lines.push(
      '',
      '| format | respondents | file | compute | compute CPU | compute peak RSS | RSS / file |',
      '|---|---|---|---|---|---|---|',
      ...r.formats.map(
        (f) => `| ${FORMAT_NAME[f.format]} | ${n(f.rows)} | ${mb(f.fileMb)} | ${s(f.compute.medianMs)} | ${s(f.compute.medianCpuMs)} | ${f.compute.peakRssMb} MB | ${f.rssOverFile.toFixed(1)} |`,
      ),
    );
  if (r.build?.runs)
    lines.push(
      '',
      `The sample's full build (${r.build.withPdf ? `site and ${r.build.pdfFiles} PDFs` : 'site only, --no-pdf'}; medians of ${r.build.allRuns ? r.build.allRuns.length / r.build.runs.length : 1} rounds, each with the figure cache emptied first); busy CPU is the whole machine's (Node, its threads and Chromium):`,
      '',
      '| build | wall | every round | busy CPU | peak RSS (Node) |',
      '|---|---|---|---|---|',
      ...r.build.runs.map(
        (b) =>
          `| ${b.name}${b.args.length > 0 ? ` (\`${b.args.join(' ')}\`)` : ''} | ${s(b.ms)} | ${(r.build!.allRuns ?? [])
            .filter((x) => x.name === b.name)
            .map((x) => (x.ms / 1000).toFixed(1))
            .join(', ')} s | ${s(b.busyCpuMs)} | ${b.peakRssMb} MB |`,
      ),
    );
  if (r.reference) lines.push('', ...referenceLines(r.reference, true));
  return lines.join('\n');
}
