/**
 * The build against a reference: an older Luotain building its own sample, and this
 * one building the same sample in the same languages with the same outputs, in turn,
 * so that both see the same state of the machine. The sample has gained languages
 * since (and the build has gained outputs), so this tree's side is the sample cut
 * down to the reference's languages, built without the outputs the reference did not
 * have (`--no-figure-files --no-office`).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `languages` of a study folder's study.json. */
export function studyLanguages(dataDir: string): string[] {
  const study = JSON.parse(readFileSync(join(dataDir, 'study.json'), 'utf8')) as { languages?: unknown };
  if (!Array.isArray(study.languages) || !study.languages.every((l) => typeof l === 'string')) throw new Error(`${dataDir}/study.json has no languages`);
  return study.languages;
}

/**
 * A study definition in `keep` of its languages: `languages` set to them, and every
 * text in the other languages taken out. A text is an object whose keys are all
 * language codes of the study; other objects keep every key.
 */
export function studyInLanguages(study: Record<string, unknown>, keep: readonly string[]): Record<string, unknown> {
  const all = new Set(study.languages as string[]);
  const cut = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(cut);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const isText = entries.length > 0 && entries.every(([k]) => all.has(k));
    return Object.fromEntries(entries.filter(([k]) => !isText || keep.includes(k)).map(([k, v]) => [k, cut(v)]));
  };
  return { ...(cut(study) as Record<string, unknown>), languages: [...keep] };
}

/**
 * Copies a study folder and its editorial folder into `dest` (data/ and reports/),
 * in `keep` of its languages: the study definition cut down (studyInLanguages) and
 * the editorial files of the other languages left out.
 */
export function copyInLanguages(dataDir: string, reportsDir: string, keep: readonly string[], dest: string): { dataDir: string; reportsDir: string } {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const data = join(dest, 'data');
  const reports = join(dest, 'reports');
  cpSync(dataDir, data, { recursive: true });
  cpSync(reportsDir, reports, { recursive: true });
  const study = JSON.parse(readFileSync(join(data, 'study.json'), 'utf8')) as Record<string, unknown>;
  const dropped = (study.languages as string[]).filter((l) => !keep.includes(l));
  writeFileSync(join(data, 'study.json'), `${JSON.stringify(studyInLanguages(study, keep), null, 2)}\n`);
  for (const year of readdirSync(reports)) for (const lang of dropped) if (existsSync(join(reports, year, lang))) rmSync(join(reports, year, lang), { recursive: true });
  return { dataDir: data, reportsDir: reports };
}
