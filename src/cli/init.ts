import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { editionScaffold } from '../editorial/scaffold.ts';
import { isLang, type Lang } from '../i18n/languages.ts';
import { utf16Issue } from '../load/decode.ts';
import { isEditionYear, RESPONSE_FILES, studyIssues } from '../load/read-study.ts';
import { CsvTable } from '../init/csv-table.ts';
import { draftStudy } from '../init/draft-study.ts';
import { jsonText } from '../init/json-text.ts';
import { SavTable } from '../init/sav-table.ts';
import type { TableFormat, TableRead } from '../init/table.ts';
import { XlsxTable } from '../init/xlsx-table.ts';
import { sectionIds } from '../pipeline/sections.ts';
import { parseStudy } from '../study/parse.ts';
import { noPositionals, parseArgs, stringOption, UsageError } from './args.ts';
import type { Command } from './command.ts';
import { printIssues, studyDirs } from './study-options.ts';

const SCHEMA = fileURLToPath(new URL('../../study.schema.json', import.meta.url));
const DEFAULT_LANGUAGES: Lang[] = ['fi', 'en'];

const HELP = `Starts a study from one responses file (.csv, .sav or .xlsx): writes a draft
study.json in the study folder, copies the file into the study folder as the
first edition's <year>/responses.<ext>, and creates that edition's editorial
folder (a draft), then prints what it guessed and why, and what to review.

From an SPSS file the item labels come from the variable labels, the scale
from the value labels, can't-say codes from labels such as "En osaa sanoa",
"Kan inte säga" or "Don't know"; user-missing values stay not answered. From
a CSV or a workbook the same is guessed from the header and the values. The
draft passes luotain check and builds; the labels are the file's own text in
every language, to be translated.

Nothing is overwritten: if study.json, the year's responses file or its
editorial folder exists, nothing is written.

Options:
  --from FILE         the responses file (.csv, .sav or .xlsx; a workbook's first sheet)
  --year YEAR         the edition's year (default: this year)
  --languages LIST    report languages, e.g. fi,sv,en (default fi,en)
  --data DIR          the study folder to create (default data/)
  --reports DIR       the editorial folder (default reports/)

Exit codes: 0 written, 1 the file cannot be read or something would be overwritten, 2 usage error.`;

/** `luotain init`: a draft study from a responses file. */
export const initCommand: Command = {
  help: HELP,
  async run(argv, effects) {
    const args = parseArgs(argv, ['from', 'year', 'languages', 'data', 'reports']);
    noPositionals(args);
    const from = stringOption(args, 'from');
    if (from === undefined) throw new UsageError('give the responses file, e.g. luotain init --from responses.sav');
    const format = formatOf(from);
    if (!format) throw new UsageError(`--from ${from}: init reads a .csv, .sav or .xlsx file`);
    const yearText = stringOption(args, 'year', String(effects.now().getFullYear()));
    if (!isEditionYear(yearText)) throw new UsageError(`--year ${yearText}: give the edition's year, four digits from 1900 to 2999`);
    const year = Number(yearText);
    const languagesText = stringOption(args, 'languages');
    const languages = languagesText === undefined ? DEFAULT_LANGUAGES : languageList(languagesText);
    const dirs = studyDirs(args, effects);
    const at = (path: string) => resolve(effects.cwd, path);

    const source = await stat(at(from)).catch(() => undefined);
    if (!source?.isFile()) {
      effects.err(`${from}: ${source ? 'is not a file' : 'the file does not exist'}; nothing was written. Give the responses file with --from.`);
      return 1;
    }

    // Everything that would be overwritten is refused before anything is written.
    const studyFile = join(dirs.dataDir, 'study.json');
    const dataFile = join(dirs.dataDir, String(year), `responses.${format}`);
    const reportsFolder = join(dirs.reportsDir, String(year));
    const existing: string[] = [];
    if (await exists(at(studyFile))) existing.push(studyFile);
    for (const name of RESPONSE_FILES) if (await exists(at(join(dirs.dataDir, String(year), name)))) existing.push(join(dirs.dataDir, String(year), name));
    if (await exists(at(reportsFolder))) existing.push(reportsFolder);
    if (existing.length > 0) {
      effects.err(
        `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. init starts a new study: give an empty study folder with --data (and --reports), or add a year to this study with luotain new-edition.`,
      );
      return 1;
    }

    const table = await readTable(at(from), format);
    if (table.failure) {
      effects.err(`${from}: ${table.failure}; nothing was written.`);
      return 1;
    }

    const schema = relative(at(dirs.dataDir), SCHEMA).split(sep).join('/');
    const name = basename(from, extname(from)).replace(/^responses$/i, basename(resolve(at(from), '..')));
    const draft = draftStudy(table, { languages, languagesGiven: languagesText !== undefined, name, schema });
    const text = jsonText(draft.study);
    const parsed = parseStudy(text);

    await mkdir(at(join(dirs.dataDir, String(year))), { recursive: true });
    await writeFile(at(studyFile), text, { flag: 'wx' });
    await copyFile(at(from), at(dataFile), constants.COPYFILE_EXCL);
    const created = [studyFile, dataFile];
    if (parsed.ok) {
      const folder = at(reportsFolder);
      // The first edition has no trends, and a new study no benchmarks: their commentary would not be shown.
      const sections = [...sectionIds(parsed.study)].filter((id) => id !== 'trends' && id !== 'benchmark' && (id !== 'drivers' || parsed.study.drivers));
      for (const [path, content] of editionScaffold(parsed.study, year, sections)) {
        // Group codes name files; the draft keeps them free of "/" and "\", and nothing goes outside the folder.
        if (!resolve(folder, path).startsWith(folder + sep)) continue;
        await mkdir(join(folder, path, '..'), { recursive: true });
        await writeFile(join(folder, path), content, { flag: 'wx' });
        created.push(join(reportsFolder, path));
      }
    }

    const columns = table.columns.length;
    effects.out(
      `Read ${from}: ${table.rows} ${format === 'sav' ? 'cases' : 'rows'}, ${columns} ${format === 'sav' ? 'variables' : 'columns'}${table.notes.length > 0 ? ` (${table.notes.join('; ')})` : ''}.`,
    );
    effects.out(`\nGuessed:\n${draft.guesses.map((g) => `  - ${g}`).join('\n')}`);
    effects.out(`\nCreated:\n${created.map((f) => `  ${f}`).join('\n')}`);
    effects.out(`\nReview in ${studyFile}:\n${draft.review.map((r) => `  - ${r}`).join('\n')}`);
    if (!parsed.ok) {
      effects.err('\nThe draft needs these corrections before check accepts it (the editorial folder was not created):');
      printIssues(studyIssues(parsed.problems, studyFile), effects);
    }
    const options = `--data ${dirs.dataDir} --reports ${dirs.reportsDir}`;
    effects.out(`\nThen:\n  npx luotain check ${options}\n  npx luotain build ${options} --no-pdf`);
    return 0;
  },
};

function formatOf(file: string): TableFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.sav' ? 'sav' : ext === '.xlsx' ? 'xlsx' : undefined;
}

function languageList(text: string): Lang[] {
  const list = text.split(',').map((x) => x.trim());
  const wrong = list.filter((x) => !isLang(x));
  if (wrong.length > 0 || list.length === 0) throw new UsageError(`--languages ${text}: give languages from fi, sv and en, separated by commas (e.g. fi,sv,en)`);
  const dup = list.find((x, i) => list.indexOf(x) !== i);
  if (dup) throw new UsageError(`--languages ${text}: "${dup}" is given twice`);
  return list as Lang[];
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Reads the file as a stream into the table reader of its format. */
async function readTable(path: string, format: TableFormat): Promise<TableRead> {
  if (format === 'sav') {
    const table = new SavTable();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) table.push(chunk);
    return table.end();
  }
  if (format === 'xlsx') {
    let result: TableRead | undefined;
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
      for await (const sheet of reader) {
        if (result) {
          for await (const _ of sheet) {
            // Only the first sheet is read, as the loader reads it by default.
          }
          continue;
        }
        const table = new XlsxTable((sheet as unknown as { name?: string }).name ?? 'Sheet1');
        for await (const row of sheet) table.row(row.values as unknown[]);
        result = table.end();
      }
    } catch (error) {
      return { format, rows: 0, columns: [], notes: [], failure: `the file cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)})` };
    }
    return result ?? { format, rows: 0, columns: [], notes: [], failure: 'the workbook has no sheets' };
  }
  // A CSV: UTF-8, or Windows-1252 when it is not (read again), as the loader reads it.
  const attempt = async (encoding: 'utf-8' | 'windows-1252'): Promise<TableRead | undefined> => {
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    const table = new CsvTable();
    let first = true;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (first && utf16Issue(chunk, path)) return { format, rows: 0, columns: [], notes: [], failure: 'the file is in UTF-16; save it as "CSV UTF-8"' };
      first = false;
      try {
        table.push(decoder.decode(chunk, { stream: true }));
      } catch {
        return undefined;
      }
    }
    try {
      table.push(decoder.decode());
    } catch {
      return undefined;
    }
    return table.end();
  };
  const utf8 = await attempt('utf-8');
  if (utf8) return utf8;
  const latin = (await attempt('windows-1252'))!;
  return { ...latin, notes: ['not UTF-8: read as Windows-1252', ...latin.notes] };
}
