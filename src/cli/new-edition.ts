import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { parseStudy } from '../study/parse.ts';
import { isEditionYear, studyIssues } from '../load/read-study.ts';
import { sectionIds } from '../pipeline/sections.ts';
import { parseArgs, UsageError } from './args.ts';
import type { Command } from './command.ts';
import { reportIssues, studyDirs } from './study-options.ts';
import { editionScaffold } from '../editorial/scaffold.ts';

export const newEditionCommand: Command = {
  help: `Creates reports/YEAR/fi/index.md and reports/YEAR/en/index.md (one per report
language) with their front matter (status: draft) and a commentary file per
report section, and tells where the year's responses file goes. Existing files
are never overwritten.

Options:
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content (default reports/)

Exit codes: 0 created, 1 the edition exists or the study has errors, 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports']);
    if (args.positionals.length !== 1 || !isEditionYear(args.positionals[0]!)) throw new UsageError('give the edition year, four digits from 1900 to 2999, e.g. luotain new-edition 2026');
    const year = Number(args.positionals[0]);
    const dirs = studyDirs(args, effects);
    const studyFile = join(dirs.dataDir, 'study.json');
    const text = await readFile(resolve(effects.cwd, studyFile), 'utf8').catch(() => undefined);
    if (text === undefined) {
      effects.err(`${studyFile} does not exist: new-edition needs the study definition. Give the study folder with --data.`);
      return 1;
    }
    const parsed = parseStudy(text);
    if (!parsed.ok) {
      reportIssues(studyIssues(parsed.problems, studyFile), effects);
      return 1;
    }
    const study = parsed.study;
    const folder = resolve(effects.cwd, dirs.reportsDir, String(year));
    if (
      await stat(folder).then(
        () => true,
        () => false,
      )
    ) {
      effects.err(`${join(dirs.reportsDir, String(year))} already exists; nothing was changed.`);
      return 1;
    }
    const files = editionScaffold(study, year, [...sectionIds(study)]);
    // The names come from validated ids and codes; still, nothing is written outside the edition's folder.
    const outside = [...files.keys()].find((path) => !resolve(folder, path).startsWith(folder + sep));
    if (outside) throw new Error(`the editorial file name "${outside}" would be outside ${folder}`);
    for (const [path, text] of files) {
      await mkdir(join(folder, path, '..'), { recursive: true });
      await writeFile(join(folder, path), text, { flag: 'wx' });
      effects.out(`Created ${join(dirs.reportsDir, String(year), path)}`);
    }
    const dataFile = join(dirs.dataDir, String(year), 'responses.csv');
    effects.out(
      `\nPut the ${year} responses in ${dataFile} (or responses.sav or responses.xlsx, with the same columns as earlier years), then run:\n  npx luotain check --data ${dirs.dataDir}\nand, to write the commentary with the figures in view, npx luotain build --no-pdf and npx luotain serve (or npm run dev in a checkout of Luotain)`,
    );
    return 0;
  },
};
