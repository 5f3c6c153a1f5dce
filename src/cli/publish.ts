import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isEditionYear } from '../load/read-study.ts';
import { loadReport } from '../pipeline/load-report.ts';
import { compareVersions, recordedFigures, isVersion, noteOptions, serialiseRecord, setFrontMatterFields, shareIntervalOf, withNewVersion } from '../publish/index.ts';
import { LANGUAGES, type Lang } from '../study/schema.ts';
import { pdfFileName } from '../site/view.ts';
import { parseArgs, stringOption, UsageError, type ParsedArgs } from './args.ts';
import type { Command } from './command.ts';
import { reportIssues, studyDirs } from './study-options.ts';
import { TOOL_VERSION } from '../io/version.ts';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const listed = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * The note of a new version in each of the study's `languages`, from --note-<lang>
 * (or --note in a study of one language); undefined when none is given. A note in
 * some languages only, in a language the study does not have, or one --note for a
 * study of several languages is a usage error that names what to give.
 */
export function versionNote(args: ParsedArgs, languages: readonly Lang[]): Partial<Record<Lang, string>> | undefined {
  const given = (name: string) => {
    const value = stringOption(args, name);
    return value !== undefined && value.trim() !== '' ? value : undefined;
  };
  const perLanguage = LANGUAGES.filter((lang) => given(`note-${lang}`) !== undefined);
  const foreign = perLanguage.filter((lang) => !languages.includes(lang));
  if (foreign.length > 0) throw new UsageError(`${listed(foreign.map((lang) => `--note-${lang}`))}: the study is not written in ${listed(foreign)}; its languages are ${listed(languages)}`);
  const single = given('note');
  if (single !== undefined) {
    if (languages.length > 1)
      throw new UsageError(`--note gives the note in one language, but the study is in ${listed(languages)}: give it in each, ${listed(languages.map((lang) => `--note-${lang}`))}`);
    if (perLanguage.length > 0) throw new UsageError(`give the note once: --note or --note-${languages[0]}, not both`);
    return { [languages[0]!]: single };
  }
  if (perLanguage.length === 0) return undefined;
  const missing = languages.filter((lang) => !perLanguage.includes(lang));
  if (missing.length > 0)
    throw new UsageError(
      `the note is missing in ${listed(missing)}: the study is in ${listed(languages)}, and each language's pages show the note in their own language; add ${listed(missing.map((lang) => `--note-${lang}`))}`,
    );
  return Object.fromEntries(languages.map((lang) => [lang, given(`note-${lang}`)!]));
}

export const publishCommand: Command = {
  help: `Publishes edition YEAR: writes reports/YEAR/publication.json with every reported
figure, the SHA-256 of its inputs (responses, study definition, benchmarks), the
tool version, the publication date and the methods (the logit interval of shares),
and marks the edition's editorial files published. Every later build recomputes the
edition and fails if any figure differs; an edition published before the logit
interval keeps its symmetric share intervals until a new version is published.

To publish a correction, give a higher version and say what changed, in each
report language of the study:
  luotain publish 2025 --version 1.1 --note-fi "Yleisön otoksen painot korjattu" \
    --note-sv "Vikterna för allmänhetens urval korrigerade" \
    --note-en "Weights of the public sample corrected"
(a study in one language may give --note instead). The corrected edition's summary
and PDF cover say it is corrected, with the note in their language. The earlier
version stays in the edition's history, and its PDFs (taken from the last build in
--out) are archived in reports/YEAR/pdf/ so they stay downloadable.

Options:
  --version V     version to publish (default 1.0 for a first publication)
  --note-fi TEXT, --note-sv TEXT, --note-en TEXT
                  what the new version corrects, in each of the study's languages
                  (required for a correction; every language of the study)
  --note TEXT     the same in a study of one language
  --date DATE     publication date, YYYY-MM-DD (default today)
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content (default reports/)
  --out DIR       the last build's output, for archiving the earlier PDFs (default dist/)

Exit codes: 0 published, 1 input errors or refused, 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports', 'out', 'version', 'note', ...LANGUAGES.map((lang) => `note-${lang}`), 'date']);
    if (args.positionals.length !== 1 || !isEditionYear(args.positionals[0]!)) throw new UsageError('give the edition year, four digits from 1900 to 2999, e.g. luotain publish 2025');
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
        `There is no edition ${year}: it needs ${join(dirs.dataDir, String(year), 'responses.csv')} (or .sav or .xlsx) and editorial content in ${join(dirs.reportsDir, String(year))}. Run "luotain new-edition ${year}" first.`,
      );
      return 1;
    }
    const record = records.get(year);
    const version = stringOption(args, 'version') ?? (record ? undefined : '1.0');
    const note = versionNote(args, model.study.languages);
    if (!version) {
      effects.err(
        `Edition ${year} is already published as version ${record!.current.version}. To publish a correction, give a higher --version and the note saying what changed (${noteOptions(model.study.languages, '…')}).`,
      );
      return 1;
    }
    if (!isVersion(version)) throw new UsageError(`--version "${version}" is not a version like 1.0 or 1.1`);
    if (record && compareVersions(version, record.current.version) <= 0) {
      effects.err(`Version ${version} is not higher than the published version ${record.current.version} of edition ${year}.`);
      return 1;
    }
    if (record && !note) {
      effects.err(`A correction needs a note saying what changed since version ${record.current.version}: ${noteOptions(model.study.languages, '…')}.`);
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
