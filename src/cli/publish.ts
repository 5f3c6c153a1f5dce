import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadReport } from '../pipeline/load-report.ts';
import { compareVersions, recordedFigures, isVersion, serialiseRecord, setFrontMatterFields, shareIntervalOf, withNewVersion } from '../publish/index.ts';
import { pdfFileName } from '../site/view.ts';
import { parseArgs, stringOption, UsageError } from './args.ts';
import type { Command } from './command.ts';
import { reportIssues, studyDirs } from './study-options.ts';
import { TOOL_VERSION } from '../io/version.ts';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export const publishCommand: Command = {
  help: `Publishes edition YEAR: writes reports/YEAR/publication.json with every reported
figure, the SHA-256 of its inputs (responses, study definition, benchmarks), the
tool version, the publication date and the methods (the logit interval of shares),
and marks the edition's editorial files published. Every later build recomputes the
edition and fails if any figure differs; an edition published before the logit
interval keeps its symmetric share intervals until a new version is published.

To publish a correction, give a higher version and say what changed:
  luotain publish 2025 --version 1.1 --note "Weights of the public sample corrected"
The earlier version stays in the edition's history, and its PDFs (taken from the
last build in --out) are archived in reports/YEAR/pdf/ so they stay downloadable.

Options:
  --version V     version to publish (default 1.0 for a first publication)
  --note TEXT     what the new version corrects (required for a correction)
  --date DATE     publication date, YYYY-MM-DD (default today)
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content (default reports/)
  --out DIR       the last build's output, for archiving the earlier PDFs (default dist/)

Exit codes: 0 published, 1 input errors or refused, 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports', 'out', 'version', 'note', 'date']);
    if (args.positionals.length !== 1 || !/^\d{4}$/.test(args.positionals[0]!)) throw new UsageError('give the edition year, e.g. luotain publish 2025');
    const year = Number(args.positionals[0]);
    const dirs = studyDirs(args, effects);
    const date = stringOption(args, 'date') ?? effects.now().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date "${date}" is not a date like 2025-03-14`);
    const today = effects.now().toISOString().slice(0, 10);
    const { model, issues, inputs, records } = await loadReport({ ...dirs, today, toolVersion: TOOL_VERSION, publishing: year });
    if (reportIssues(issues, effects) || !model) return 1;
    const edition = model.editions.find((e) => e.year === year);
    if (!edition) {
      effects.err(
        `There is no edition ${year}: it needs ${join(dirs.dataDir, String(year), 'responses.csv')} and editorial content in ${join(dirs.reportsDir, String(year))}. Run "luotain new-edition ${year}" first.`,
      );
      return 1;
    }
    const record = records.get(year);
    const version = stringOption(args, 'version') ?? (record ? undefined : '1.0');
    const note = stringOption(args, 'note');
    if (!version) {
      effects.err(`Edition ${year} is already published as version ${record!.current.version}. To publish a correction, give a higher --version and a --note saying what changed.`);
      return 1;
    }
    if (!isVersion(version)) throw new UsageError(`--version "${version}" is not a version like 1.0 or 1.1`);
    if (record && compareVersions(version, record.current.version) <= 0) {
      effects.err(`Version ${version} is not higher than the published version ${record.current.version} of edition ${year}.`);
      return 1;
    }
    if (record && !note) {
      effects.err(`A correction needs a --note saying what changed since version ${record.current.version}.`);
      return 1;
    }
    const reportsDir = resolve(effects.cwd, dirs.reportsDir);
    if (record) {
      // Archive the superseded version's PDFs from the last build so they stay downloadable.
      const outDir = resolve(effects.cwd, stringOption(args, 'out', 'dist'));
      const archive = join(reportsDir, String(year), 'pdf');
      for (const lang of model.study.languages) {
        const name = pdfFileName(model.study, { ...edition, version: record.current.version }, lang);
        const from = join(outDir, 'pdf', name);
        if (await exists(from)) {
          await mkdir(archive, { recursive: true });
          await copyFile(from, join(archive, name));
          effects.out(`Archived ${name}`);
        } else {
          effects.err(`warning: ${from} does not exist, so the PDF of version ${record.current.version} (${lang}) cannot be archived; build before publishing a correction to keep it.`);
        }
      }
    }
    const next = withNewVersion(
      record,
      year,
      {
        version,
        published: date,
        toolVersion: TOOL_VERSION,
        inputs: inputs.get(year)!,
        ...(note ? { note } : {}),
        methods: { shareInterval: edition.shareInterval },
        figures: recordedFigures(model, edition),
      },
      model.study.id,
    );
    await writeFile(join(reportsDir, String(year), 'publication.json'), serialiseRecord(next));
    for (const lang of model.study.languages) {
      const file = join(reportsDir, String(year), lang, 'index.md');
      if (!(await exists(file))) continue;
      await writeFile(file, setFrontMatterFields(await readFile(file, 'utf8'), { status: 'published', version, published: date }));
    }
    effects.out(
      `Published edition ${year} as version ${version} (${date}): ${Object.keys(next.current.figures).length} figures recorded in ${join(dirs.reportsDir, String(year), 'publication.json')}.`,
    );
    // A new version takes the current methods: say what that changed beside the correction itself.
    if (record && shareIntervalOf(record.current) === 'wald' && edition.shareInterval === 'logit')
      effects.out(`The shares of ${year} now have logit intervals, within 0–100 %; version ${record.current.version} had symmetric ones (the share ± 1.96 standard errors).`);
    return 0;
  },
};
