import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseStudy, type StudyProblem } from '../study/parse.ts';
import { sha256Hex } from './hash.ts';
import type { Study } from '../study/schema.ts';
import type { BenchmarkRow, EditionData } from './types.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import { decodeText, NOT_UTF8, NotUtf8Error, utf16Issue } from './decode.ts';
import { ResponsesParser, type ParseResponsesResult, type RowCounts } from './parse-responses.ts';
import { SavResponsesParser } from './sav-responses.ts';
import { XlsxResponsesParser } from './xlsx-responses.ts';
import { parseBenchmarks } from './parse-benchmarks.ts';
import { quoteList } from './message-text.ts';

export interface ReadStudyOptions {
  /** Called with a file and the share of it parsed so far (0 at the start, 1 at the end). */
  onProgress?: (file: string, fraction: number) => void;
  /** Directory that a relative `dir` is taken from (default: the process's). Messages keep `dir` as given. */
  cwd?: string;
}

/** One edition file that was read, with its rows accounting (also when it was refused). */
export interface EditionFile {
  year: number;
  file: string;
  rows: RowCounts;
  /** Whether the edition loaded (no errors in its file). */
  loaded: boolean;
  /** SHA-256 of the file's bytes, taken while streaming (for publication records). */
  sha256: string;
}

export interface StudyLoad {
  /** The study definition; undefined when study.json is missing or invalid. */
  study?: Study;
  /** Editions that loaded without errors, oldest first. */
  editions: EditionData[];
  /** Benchmark rows (empty without benchmarks.csv or when it has errors). */
  benchmarks: BenchmarkRow[];
  /** Every problem found, file by file: study.json, editions oldest first, benchmarks.csv. */
  issues: InputIssue[];
  /** Every edition file read, oldest first. */
  files: EditionFile[];
  /** SHA-256 of study.json and of benchmarks.csv (when there is one), for publication records. */
  hashes: { study?: string; benchmarks?: string };
}

/** The years an edition folder may be named by. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** Whether a folder name is an edition's year: four digits, FIRST_YEAR–LAST_YEAR. */
export function isEditionYear(name: string): boolean {
  return /^\d{4}$/.test(name) && Number(name) >= FIRST_YEAR && Number(name) <= LAST_YEAR;
}

/** The names an edition's responses may have; exactly one must be in its year folder. */
export const RESPONSE_FILES = ['responses.csv', 'responses.sav', 'responses.xlsx'] as const;

// Files that look like data but are not read where they are (benchmarks.csv is).
const DATA_FILE = /\.(csv|tsv|txt|xlsx?|ods|sav)$/i;

/**
 * Reads a study folder: study.json, every `<year>/responses.csv`,
 * `responses.sav` or `responses.xlsx` (exactly one per year; a year is
 * four digits, 1900–2999; other folders with a digit in their name, and data
 * files in the study folder itself, are listed in a warning) and an
 * optional benchmarks.csv. The only part of the loader that touches the file
 * system; problems come back as issues, never as exceptions. File names in
 * the issues start with `dir` as given (e.g. `data/2024/responses.csv`).
 */
export async function readStudy(dir: string, options: ReadStudyOptions = {}): Promise<StudyLoad> {
  const cwd = options.cwd ?? process.cwd();
  const at = (name: string) => resolve(cwd, name);
  const load: StudyLoad = { editions: [], benchmarks: [], issues: [], files: [], hashes: {} };
  const folder = dir.replace(/(.)[\\/]+$/, '$1');

  const info = await stat(at(folder)).catch(() => undefined);
  if (!info?.isDirectory()) {
    load.issues.push({
      severity: 'error',
      file: folder,
      message: info ? 'is not a folder' : 'the study folder does not exist',
      hint: 'Give the folder with study.json and the year folders, with --data DIR (default data/).',
    });
    return load;
  }

  const studyFile = join(folder, 'study.json');
  const studyBytes = await readFile(at(studyFile)).catch(() => undefined);
  if (!studyBytes) {
    load.issues.push({ severity: 'error', file: studyFile, message: 'missing file', hint: 'Write the study definition in study.json in the study folder; study.schema.json describes it.' });
  } else {
    load.hashes.study = sha256Hex(studyBytes);
    const { study, issues } = studyOfBytes(studyBytes, studyFile);
    if (study) load.study = study;
    load.issues.push(...issues);
  }

  const entries = await readdir(at(folder), { withFileTypes: true });
  const years = entries
    .filter((e) => e.isDirectory() && isEditionYear(e.name))
    .map((e) => e.name)
    .sort();
  load.issues.push(...notRead(folder, entries));
  if (years.length === 0) {
    load.issues.push({
      severity: 'error',
      file: folder,
      message: 'no edition folders: the study folder has no folder named by a year (like 2024/)',
      hint: "Put each edition's data in <year>/responses.csv inside the study folder.",
    });
  }
  const study = load.study;

  for (const y of years) {
    const names = await readdir(at(join(folder, y))).catch(() => [] as string[]);
    const found = RESPONSE_FILES.filter((f) => names.includes(f));
    if (found.length > 1) {
      load.issues.push({
        severity: 'error',
        file: join(folder, y),
        message: `the edition has more than one responses file: ${quoteList(found)}`,
        hint: 'Keep the one file the edition is read from and move the other out of the year folder.',
      });
      continue;
    }
    const file = join(folder, y, found[0] ?? 'responses.csv');
    const info = found.length === 1 ? await stat(at(file)).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      const others = names.filter((f) => DATA_FILE.test(f));
      load.issues.push({
        severity: 'error',
        file,
        message: 'missing file',
        hint:
          others.length > 0
            ? `The folder has ${others.map((f) => `"${f}"`).join(', ')}; the responses must be in a file named exactly responses.csv, responses.sav or responses.xlsx.`
            : "Put the edition's responses in responses.csv, responses.sav or responses.xlsx, or remove the empty year folder.",
      });
      continue;
    }
    if (study) options.onProgress?.(file, 0);
    const progress = options.onProgress ? (f: number) => options.onProgress!(file, f) : undefined;
    const read = file.endsWith('.sav')
      ? await streamSav(at(file), file, Number(y), study, progress)
      : file.endsWith('.xlsx')
        ? await streamXlsx(at(file), file, Number(y), study)
        : await streamResponses(at(file), file, Number(y), study, info.size, progress);
    load.issues.push(...read.issues);
    const result = read.result;
    if (!result || !study) continue;
    options.onProgress?.(file, 1);
    load.issues.push(...result.issues);
    load.files.push({ year: Number(y), file, rows: result.rows, loaded: result.data !== undefined, sha256: read.sha256 ?? '' });
    if (result.data) load.editions.push(result.data);
  }

  const benchmarkFile = join(folder, 'benchmarks.csv');
  const benchmarkBytes = await readFile(at(benchmarkFile)).catch(() => undefined);
  if (benchmarkBytes) {
    load.hashes.benchmarks = sha256Hex(benchmarkBytes);
    const decoded = decodeText(benchmarkBytes, benchmarkFile);
    load.issues.push(...decoded.issues);
    if (decoded.text !== undefined && study) {
      const result = parseBenchmarks(decoded.text, benchmarkFile, study);
      load.issues.push(...result.issues);
      if (result.rows) load.benchmarks = result.rows;
    }
  }
  return load;
}

/**
 * Warnings about what the study folder holds but Luotain does not read:
 * folders with a digit in their name that are not an edition's year
 * ("25", "2025-final", "FY2026", "0999", "2025 copy"), and data files
 * beside study.json ("responses.csv" put in the study folder itself).
 */
function notRead(folder: string, entries: { name: string; isDirectory(): boolean; isFile(): boolean }[]): InputIssue[] {
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const folders = entries.filter((e) => e.isDirectory() && /\d/.test(e.name) && !isEditionYear(e.name)).map((e) => e.name);
  const files = entries.filter((e) => e.isFile() && DATA_FILE.test(e.name) && e.name !== 'benchmarks.csv').map((e) => e.name);
  const one = (names: string[], single: string, plural: string) => (names.length === 1 ? single : `${names.length} ${plural}`);
  return [
    {
      names: folders,
      message: `${one(folders, 'a folder', 'folders')} named like a year but not read as ${folders.length === 1 ? 'an edition' : 'editions'}`,
      hint: `An edition's folder is named by its year alone, four digits from ${FIRST_YEAR} to ${LAST_YEAR} (like 2025). Rename a folder that holds an edition; move anything else out of the study folder.`,
    },
    {
      names: files,
      message: `${one(files, 'a data file', 'data files')} in the study folder itself, not read`,
      hint: "An edition's responses go in <year>/responses.csv, .sav or .xlsx (like 2025/responses.csv); the study folder itself holds study.json and benchmarks.csv.",
    },
  ]
    .filter((w) => w.names.length > 0)
    .map((w) => ({ severity: 'warning', file: folder, message: `${w.message}: ${quoteList(w.names.sort(byName))}`, hint: w.hint }));
}

/**
 * The study definition alone (study.json read and checked), or undefined when it
 * cannot be read as one: readStudy then says why. For what must be known before
 * the data is read (a build's base path).
 */
export async function readStudyDefinition(dir: string, cwd = process.cwd()): Promise<Study | undefined> {
  const file = join(dir, 'study.json');
  const bytes = await readFile(resolve(cwd, file)).catch(() => undefined);
  return bytes && studyOfBytes(bytes, file).study;
}

/** study.json's bytes decoded and checked: the study, or the issues that say why there is none. */
function studyOfBytes(bytes: Uint8Array, file: string): { study?: Study; issues: InputIssue[] } {
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return { issues: decoded.issues };
  const parsed = parseStudy(decoded.text);
  return parsed.ok ? { study: parsed.study, issues: [] } : { issues: studyIssues(parsed.problems, file) };
}

/** The study definition's problems as issues of its file, each with its JSON path and what to write. */
export function studyIssues(problems: readonly StudyProblem[], file: string): InputIssue[] {
  return problems.map((p) => ({ severity: 'error', file, path: p.path, message: p.message, ...(p.hint ? { hint: p.hint } : {}) }));
}

/**
 * Reads one responses file as a stream: parsed piece by piece from its bytes
 * (UTF-8, a BOM dropped; UTF-16 refused, with or without a BOM: see
 * utf16Issue), so the file is never held whole. When the bytes turn out not
 * to be UTF-8 the file is read again as Windows-1252, with decodeText's
 * warning. Without a study the file is only decoded (its encoding problems
 * are still reported).
 */
async function streamResponses(
  path: string,
  file: string,
  year: number,
  study: Study | undefined,
  size: number,
  onProgress?: (fraction: number) => void,
): Promise<{ issues: InputIssue[]; result?: ParseResponsesResult; sha256?: string }> {
  const attempt = async (encoding: 'utf-8' | 'windows-1252'): Promise<{ issues: InputIssue[]; result?: ParseResponsesResult; sha256?: string }> => {
    const hash = createHash('sha256');
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
    const parser = study ? new ResponsesParser(file, year, study, { expectedLength: size, encoding, ...(onProgress ? { onProgress } : {}) }) : undefined;
    let first = true;
    const handle = await open(path, 'r');
    // One buffer read into again and again: a new one per piece (as a stream makes) is external memory that sets off
    // full collections.
    const buffer = Buffer.allocUnsafe(1 << 18);
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        let bytes: Uint8Array = chunk;
        if (first) {
          first = false;
          const utf16 = utf16Issue(bytes, file);
          if (utf16) return { issues: [utf16] };
          if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        }
        if (parser) parser.pushBytes(bytes);
        else {
          try {
            decoder.decode(bytes, { stream: true });
          } catch {
            throw new NotUtf8Error();
          }
        }
      }
      if (!parser) {
        try {
          decoder.decode();
        } catch {
          throw new NotUtf8Error();
        }
      }
    } finally {
      await handle.close();
    }
    return { issues: [], sha256: hash.digest('hex'), ...(parser ? { result: parser.end() } : {}) };
  };
  try {
    return await attempt('utf-8');
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const again = await attempt('windows-1252');
    return { issues: [{ ...NOT_UTF8, file }, ...again.issues], ...(again.result ? { result: again.result } : {}), ...(again.sha256 ? { sha256: again.sha256 } : {}) };
  }
}

type StreamResult = { issues: InputIssue[]; result?: ParseResponsesResult; sha256?: string };

/**
 * Reads one responses.sav as a stream of bytes into SavResponsesParser (the
 * dictionary first, then case by case), hashing it as it comes. Without a
 * study the file is only hashed.
 */
async function streamSav(path: string, file: string, year: number, study: Study | undefined, onProgress?: (fraction: number) => void): Promise<StreamResult> {
  const hash = createHash('sha256');
  const parser = study ? new SavResponsesParser(file, year, study, onProgress ? { onProgress } : {}) : undefined;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      parser?.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return { issues: [], sha256: hash.digest('hex'), ...(parser ? { result: parser.end() } : {}) };
}

/** The sheet of an edition's responses.xlsx that study.json names, or undefined for the first. */
export function responsesSheet(study: Study, year: number): string | undefined {
  return study.responses?.sheets?.[String(year)] ?? study.responses?.sheet;
}

/**
 * Reads one responses.xlsx with ExcelJS's streaming reader (the workbook is
 * unzipped and its sheet parsed as it is read, row by row, never held whole)
 * into XlsxResponsesParser: the sheet study.json names, else the first. The
 * file is hashed in a pass of its own.
 */
async function streamXlsx(path: string, file: string, year: number, study: Study | undefined): Promise<StreamResult> {
  const hash = createHash('sha256');
  const bytes = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of bytes as AsyncIterable<Buffer>) hash.update(chunk);
  const sha256 = hash.digest('hex');
  if (!study) return { issues: [], sha256 };
  const wanted = responsesSheet(study, year);
  const seen: string[] = [];
  let result: ParseResponsesResult | undefined;
  try {
    // Imported here, not at the top: ExcelJS and its dependencies take a noticeable part of a CSV study's start-up.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      if (result || (wanted !== undefined && name !== wanted)) {
        for await (const _ of sheet) {
          // Another sheet: read past it.
        }
        continue;
      }
      // The rows a workbook holds are not known before it is read: the columns grow as they come, and progress is told at the end.
      const parser = new XlsxResponsesParser(file, year, study, name);
      for await (const row of sheet) parser.row(row.number, row.values as unknown[]);
      result = parser.end();
    }
  } catch (error) {
    return {
      issues: [
        {
          severity: 'error',
          file,
          message: `the file cannot be read as an Excel workbook (${error instanceof Error ? error.message : String(error)})`,
          hint: 'Save it from Excel as an .xlsx workbook (not .xls or .xlsb), or export the responses as responses.csv.',
        },
      ],
      sha256,
    };
  }
  if (!result) {
    return {
      issues: [
        {
          severity: 'error',
          file,
          message: wanted === undefined ? 'the workbook has no sheets' : `the workbook has no sheet "${wanted}"${seen.length > 0 ? ` (its sheets are ${quoteList(seen)})` : ''}`,
          hint:
            wanted === undefined
              ? 'Put the responses in the first sheet.'
              : `Correct responses.sheet${study.responses?.sheets?.[String(year)] ? `s."${year}"` : ''} in study.json, or rename the sheet.`,
        },
      ],
      sha256,
    };
  }
  return { issues: [], sha256, result };
}
