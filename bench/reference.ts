/**
 * The build against a reference: an older Luotain building its own sample, and this
 * one building the same sample in the same languages with the same outputs, in turn,
 * so that both see the same state of the machine. The sample has gained languages
 * since (and the build has gained outputs), so this tree's side is the sample cut
 * down to the reference's languages, built without the outputs the reference did not
 * have (`--no-figure-files --no-office`).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LANGUAGES } from '../src/i18n/languages.ts';

/** The `languages` of a study folder's study.json. */
export function studyLanguages(dataDir: string): string[] {
  const study = JSON.parse(readFileSync(join(dataDir, 'study.json'), 'utf8')) as { languages?: unknown };
  if (!Array.isArray(study.languages) || !study.languages.every((l) => typeof l === 'string')) throw new Error(`${dataDir}/study.json has no languages`);
  return study.languages;
}

/**
 * A study definition in `keep` of its languages: `languages` set to them, and every
 * text in the other languages taken out. A text is an object whose keys are all
 * language codes (Luotain's or the study's); other objects keep every key.
 */
export function studyInLanguages(study: Record<string, unknown>, keep: readonly string[]): Record<string, unknown> {
  const all = new Set<string>([...LANGUAGES, ...(study.languages as string[])]);
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

/** The files under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * The study's inputs that are not the same in two copies (data/ and reports/ under
 * each): every file byte for byte, but study.json as JSON (its layout aside) and
 * without the publication records, whose form changes between versions of Luotain
 * (the figures they record are checked by each build against its own computation).
 */
export function differingInputs(a: { dataDir: string; reportsDir: string }, b: { dataDir: string; reportsDir: string }): string[] {
  const differing: string[] = [];
  for (const [name, dirA, dirB] of [
    ['data', a.dataDir, b.dataDir],
    ['reports', a.reportsDir, b.reportsDir],
  ] as const) {
    const filesA = filesUnder(dirA).filter((f) => !f.endsWith('publication.json'));
    const filesB = filesUnder(dirB).filter((f) => !f.endsWith('publication.json'));
    for (const file of new Set([...filesA, ...filesB])) {
      const [pathA, pathB] = [join(dirA, file), join(dirB, file)];
      if (!existsSync(pathA) || !existsSync(pathB)) differing.push(`${name}/${file}`);
      else if (file === 'study.json') {
        if (!isDeepStrictEqual(JSON.parse(readFileSync(pathA, 'utf8')), JSON.parse(readFileSync(pathB, 'utf8')))) differing.push(`${name}/${file}`);
      } else if (!readFileSync(pathA).equals(readFileSync(pathB))) differing.push(`${name}/${file}`);
    }
  }
  return differing;
}
