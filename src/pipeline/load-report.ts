import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readStudy } from '../load/read-study.ts';
import type { InputIssue } from '../load/types.ts';
import { readEditorials } from '../editorial/read-editorials.ts';
import { assembleReport } from '../model/assemble-report.ts';
import type { ReportModel } from '../model/types.ts';
import type { Study } from '../study/schema.ts';
import { TOOL_VERSION } from '../cli/version.ts';
import { sectionIds } from './sections.ts';

export interface LoadReportOptions {
  dataDir: string;
  reportsDir: string;
  onProgress?: (file: string, fraction: number) => void;
  /** Compute years that have data but no editorial content too (as drafts). */
  includeYearsWithoutReports?: boolean;
  /** Folder that relative paths start from; messages name files as given. */
  cwd?: string;
}

/** SHA-256 over an edition's inputs: its responses, the study definition and the benchmarks. */
async function inputHash(dataDir: string, year: number, hasBenchmarks: boolean): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [join(dataDir, String(year), 'responses.csv'), join(dataDir, 'study.json'), ...(hasBenchmarks ? [join(dataDir, 'benchmarks.csv')] : [])]) {
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Reads a study folder and its editorial content and computes the report model.
 * The only stage of the pipeline that touches files; everything after is pure.
 */
export async function loadReport(options: LoadReportOptions): Promise<{ model?: ReportModel; study?: Study; issues: InputIssue[] }> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await readStudy(options.dataDir, { cwd, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const issues = [...loaded.issues];
  const study = loaded.study;
  if (!study || issues.some((i) => i.severity === 'error')) return { ...(study ? { study } : {}), issues };
  const years = loaded.editions.map((e) => e.year);
  const editorial = await readEditorials(resolve(cwd, options.reportsDir), years, study.languages, sectionIds(study));
  issues.push(...editorial.issues);
  const editionYears = options.includeYearsWithoutReports ? years : editorial.yearsWithReports;
  for (const year of years) {
    if (!options.includeYearsWithoutReports && !editorial.yearsWithReports.includes(year)) {
      issues.push({
        severity: 'warning',
        file: join(options.reportsDir, String(year)),
        message: `the data of ${year} has no editorial content, so ${year} is not an edition of the report`,
        hint: `Run "luotain new-edition ${year}" to create reports/${year}.`,
      });
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { study, issues };
  const inputHashes = new Map<number, string>();
  for (const year of editionYears) inputHashes.set(year, await inputHash(resolve(cwd, options.dataDir), year, loaded.benchmarks.length > 0));
  const editorials = new Map(editionYears.map((y) => [y, editorial.editorials.get(y) ?? {}]));
  const model = assembleReport({ study, editions: loaded.editions.filter((e) => editionYears.includes(e.year)), benchmarks: loaded.benchmarks, editorials, inputHashes, toolVersion: TOOL_VERSION });
  return { model, study, issues };
}
