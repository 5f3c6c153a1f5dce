import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputIssue } from '../issues/input-issue.ts';
import type { Lang } from '../study/schema.ts';
import type { Editorial } from './types.ts';
import { parseEditorial } from './parse-editorial.ts';

/** Reads reports/<year>/<lang>/*.md for the given years and languages. */
export async function readEditorials(
  dir: string,
  years: number[],
  languages: readonly Lang[],
  sectionIds: ReadonlySet<string>,
): Promise<{ editorials: Map<number, Partial<Record<Lang, Editorial>>>; issues: InputIssue[]; yearsWithReports: number[] }> {
  const editorials = new Map<number, Partial<Record<Lang, Editorial>>>();
  const issues: InputIssue[] = [];
  const yearsWithReports: number[] = [];
  for (const year of years) {
    const perLang: Partial<Record<Lang, Editorial>> = {};
    for (const lang of languages) {
      const folder = join(dir, String(year), lang);
      let names: string[];
      try {
        names = (await readdir(folder)).sort();
      } catch {
        continue;
      }
      const files = await Promise.all(names.map(async (name) => ({ name, path: join(folder, name), text: await readFile(join(folder, name), 'utf8') })));
      const result = parseEditorial(files, sectionIds);
      issues.push(...result.issues);
      if (result.editorial) perLang[lang] = result.editorial;
    }
    if (Object.keys(perLang).length > 0) yearsWithReports.push(year);
    editorials.set(year, perLang);
  }
  return { editorials, issues, yearsWithReports };
}

/**
 * The folders of reports/ that are not editions: a year without data, or a name
 * that is not a year at all (`2025-final`). Listed so that none is skipped silently.
 */
export async function reportFoldersWithoutData(dir: string, years: readonly number[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !years.some((y) => String(y) === e.name))
    .map((e) => e.name)
    .sort();
}
