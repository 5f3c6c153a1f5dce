import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readStudy, type StudyLoad } from '../load/read-study.ts';
import { sha256Hex } from '../load/hash.ts';
import { joinAnd } from '../load/message-text.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import { readEditorials, reportFoldersWithoutData } from '../editorial/read-editorials.ts';
import { assembleReportWithWarnings } from '../model/assemble-report.ts';
import type { ReportModel, VersionEntry } from '../model/types.ts';
import type { Lang, Study } from '../study/schema.ts';
import { noteByLanguage, recordedFigures, parseRecord, recordOfStudy, shareIntervalOf, symmetricIntervalWarning, verifyPublished, type InputHashes, type PublicationRecord } from '../publish/index.ts';
import { CURRENT_SHARE_INTERVAL, type ShareInterval } from '../estimate/share-interval.ts';
import { sectionIds } from './sections.ts';
import { commentaryWithoutPage, type MissingSectionReason } from '../site/routes.ts';

/** Why a commentary file is not shown, as the warning says it. */
const MISSING_SECTION: Record<MissingSectionReason, (year: number) => string> = {
  'no-drivers': () => 'study.json defines no driver analysis',
  'first-edition': (year) => `${year} is the first edition, so it has no trends`,
  'no-trend': () => 'no headline figure or area has figures from an earlier edition',
  'no-benchmark': (year) => `benchmarks.csv has no rows for ${year}`,
};

export interface LoadReportOptions {
  dataDir: string;
  reportsDir: string;
  onProgress?: (file: string, fraction: number) => void;
  /** Compute years that have data but no editorial content too (as drafts). */
  includeYearsWithoutReports?: boolean;
  /** Folder that relative paths start from; messages name files as given. */
  cwd?: string;
  /** Today's date (YYYY-MM-DD), shown on drafts: given by the caller, so the stage reads no clock. */
  today: string;
  /** The tool's version, recorded in provenance and publication records. */
  toolVersion: string;
  /** Years not checked against their publication record. */
  skipVerification?: readonly number[];
  /** The year being published: not checked against its record, and computed as a new edition is (e.g. with the logit interval of shares). */
  publishing?: number;
}

export interface LoadedReport {
  model?: ReportModel;
  study?: Study;
  issues: InputIssue[];
  /** Per edition: its inputs' hashes and its publication record. */
  inputs: Map<number, InputHashes>;
  records: Map<number, PublicationRecord>;
  /** What the loader read: the editions' data and files (for check's data-quality report). */
  load: StudyLoad;
}

async function optionalRead(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** The PDFs archived for earlier versions: reports/<year>/pdf/*.pdf. */
async function archivedPdfs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.pdf')).sort();
  } catch {
    return [];
  }
}

/**
 * Reads a study folder, its editorial content and publication records, computes
 * the report model and checks every published edition against its record.
 * The only stage of the pipeline that touches files; everything after is pure.
 */
export async function loadReport(options: LoadReportOptions): Promise<LoadedReport> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = new Map<number, InputHashes>();
  const records = new Map<number, PublicationRecord>();
  const loaded = await readStudy(options.dataDir, { cwd, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const issues = [...loaded.issues];
  const study = loaded.study;
  if (!study || issues.some((i) => i.severity === 'error')) return { ...(study ? { study } : {}), issues, inputs, records, load: loaded };

  const years = loaded.editions.map((e) => e.year);
  const reportsDir = resolve(cwd, options.reportsDir);
  const editorial = await readEditorials(reportsDir, years, study.languages, sectionIds(study));
  issues.push(...editorial.issues);
  for (const year of years) {
    if (!options.includeYearsWithoutReports && !editorial.yearsWithReports.includes(year)) {
      issues.push({
        severity: 'warning',
        file: join(options.reportsDir, String(year)),
        message: `the data of ${year} has no editorial content, so ${year} is not an edition of the report`,
        hint: `Run "luotain new-edition ${year}" to create ${join(options.reportsDir, String(year))}.`,
      });
    }
  }
  for (const name of await reportFoldersWithoutData(
    reportsDir,
    loaded.files.map((f) => f.year),
  )) {
    issues.push({
      severity: 'warning',
      file: join(options.reportsDir, name),
      message: /^\d{4}$/.test(name)
        ? `there is no ${join(options.dataDir, name, 'responses.csv')}, so ${name} is not an edition of the report`
        : `"${name}" is not a year, so this folder is not an edition of the report`,
      hint: /^\d{4}$/.test(name)
        ? `Put the ${name} responses in ${join(options.dataDir, name, 'responses.csv')}, or remove the folder.`
        : "Name each edition's folder by its year alone, e.g. reports/2025.",
    });
  }
  const editionYears = options.includeYearsWithoutReports ? years : editorial.yearsWithReports;

  const studyHash = loaded.hashes.study!;
  const benchmarksHash = loaded.hashes.benchmarks;
  const publications = new Map<number, { version: string; published: string; note?: Partial<Record<Lang, string>>; history: VersionEntry[]; shareInterval: ShareInterval }>();
  const inputHashes = new Map<number, string>();
  // Records of another study: the editorial folder is not this study's.
  const foreign: { year: number; study: string }[] = [];
  for (const year of editionYears) {
    const hashes: InputHashes = {
      responses: loaded.files.find((f) => f.year === year)!.sha256,
      study: studyHash,
      ...(benchmarksHash ? { benchmarks: benchmarksHash } : {}),
    };
    inputs.set(year, hashes);
    inputHashes.set(year, sha256Hex([hashes.responses, hashes.study, hashes.benchmarks ?? ''].join('\n')));
    const recordFile = join(options.reportsDir, String(year), 'publication.json');
    const text = await optionalRead(resolve(cwd, recordFile));
    const meta = editorial.editorials.get(year);
    if (!text) {
      for (const [lang, e] of Object.entries(meta ?? {})) {
        if (e.meta.status === 'published') {
          issues.push({
            severity: 'warning',
            file: join(options.reportsDir, String(year), lang, 'index.md'),
            message: `the front matter says "status: published", but edition ${year} has no publication record, so it is built as a draft`,
            hint: `Publish it with "luotain publish ${year}", or set status: draft.`,
          });
        }
      }
      continue;
    }
    const parsed = parseRecord(text.toString('utf8'), recordFile, year);
    issues.push(...parsed.issues);
    if (!parsed.record) continue;
    if (!recordOfStudy(parsed.record, study.id)) {
      foreign.push({ year, study: parsed.record.study! });
      continue;
    }
    records.set(year, parsed.record);
    const archived = await archivedPdfs(join(reportsDir, String(year), 'pdf'));
    publications.set(year, {
      version: parsed.record.current.version,
      published: parsed.record.current.published,
      ...(parsed.record.current.note ? { note: noteByLanguage(parsed.record.current.note, study.languages) } : {}),
      // Published figures keep the methods they were published with; the version being published takes the current ones.
      shareInterval: options.publishing === year ? CURRENT_SHARE_INTERVAL : shareIntervalOf(parsed.record.current),
      history: parsed.record.history.map((h) => ({
        version: h.version,
        published: h.published,
        ...(h.note ? { note: noteByLanguage(h.note, study.languages) } : {}),
        pdf: Object.fromEntries(
          study.languages.flatMap((lang: Lang) => {
            const name = archived.find((n) => n === `${study.id}-${year}-${lang}-v${h.version}.pdf`);
            return name ? [[lang, `/pdf/${name}`]] : [];
          }),
        ),
      })),
    });
  }
  if (foreign.length > 0) issues.push(foreignRecords(foreign, study.id, options));
  if (issues.some((i) => i.severity === 'error')) return { study, issues, inputs, records, load: loaded };

  const editorials = new Map(editionYears.map((y) => [y, editorial.editorials.get(y) ?? {}]));
  const { model, warnings } = assembleReportWithWarnings({
    study,
    editions: loaded.editions.filter((e) => editionYears.includes(e.year)),
    benchmarks: loaded.benchmarks,
    editorials,
    inputHashes,
    publications,
    toolVersion: options.toolVersion,
    builtOn: options.today,
  });
  // What the figures themselves show: weights that withhold them, items without answers, driver predictors left out.
  issues.push(...warnings);
  for (const x of commentaryWithoutPage(model)) {
    issues.push({
      severity: 'warning',
      file: join(options.reportsDir, String(x.year), x.lang, `${x.section}.md`),
      message: `this commentary is not shown: the ${x.year} edition has no ${x.section} section, as ${MISSING_SECTION[x.reason](x.year)}`,
      hint: 'Move the text to another section, or leave the file out.',
    });
  }
  for (const edition of model.editions) {
    const record = records.get(edition.year);
    if (!record || options.skipVerification?.includes(edition.year) || options.publishing === edition.year) continue;
    const file = join(options.reportsDir, String(edition.year), 'publication.json');
    issues.push(...verifyPublished(record, recordedFigures(model, edition), inputs.get(edition.year)!, file, study.languages));
    const symmetric = symmetricIntervalWarning(edition, file, study.languages);
    if (symmetric) issues.push(symmetric);
  }
  if (issues.some((i) => i.severity === 'error')) return { study, issues, inputs, records, load: loaded };
  return { model, study, issues, inputs, records, load: loaded };
}

/**
 * One error for the publication records of another study found in the
 * editorial folder (as when --data names another study and --reports is left
 * at its default): its figures are not compared, as they are another
 * study's.
 */
function foreignRecords(foreign: readonly { year: number; study: string }[], studyId: string, options: LoadReportOptions): InputIssue {
  const ids = [...new Set(foreign.map((f) => `"${f.study}"`))];
  const years = foreign.map((f) => f.year);
  const records = years.length === 1 ? `the publication record of ${years[0]}` : `the publication records of ${joinAnd(years)}`;
  return {
    severity: 'error',
    file: options.reportsDir,
    message: `${records} here belong to study ${joinAnd(ids)}, not to "${studyId}" (the id in ${join(options.dataDir, 'study.json')}): this is another study's editorial folder`,
    hint: `Point --reports at the editorial folder of "${studyId}" (--data ${options.dataDir} --reports ${ownReports(options)}); "luotain new-edition <year>" creates one.`,
  };
}

/** Where a study's own editorial folder would be: reports/ beside its data folder, unless that is the folder given. */
function ownReports(options: LoadReportOptions): string {
  const beside = join(dirname(options.dataDir), 'reports');
  const cwd = options.cwd ?? process.cwd();
  return resolve(cwd, beside) === resolve(cwd, options.reportsDir) ? '<its editorial folder>' : beside;
}
