import type { Study } from '../study/schema.ts';
import { indicatorsOf } from '../study/lookup.ts';
import type { BenchmarkRow, InputIssue } from './types.ts';
import { delimiterName, IssueList, joinAnd, quoteMessage, normaliseLineEnds, parseNumber, quoteList, readHeader, scanCsv, sepLine, sepLineIssue, sniffDelimiter } from './csv.ts';

export interface ParseBenchmarksResult {
  /** The rows in file order; undefined when there is any error. */
  rows?: BenchmarkRow[];
  issues: InputIssue[];
}

const COLUMNS = ['year', 'indicator', 'group', 'mean', 'sd', 'n'] as const;
const REQUIRED = new Set<string>(['year', 'indicator', 'mean']);

/**
 * Parses benchmarks.csv (columns year, indicator, group, mean, sd, n; group,
 * sd and n may be blank, and their columns may be left out). Every problem
 * is collected; any error refuses the whole file.
 */
export function parseBenchmarks(text: string, file: string, study: Study, options: { maxErrors?: number } = {}): ParseBenchmarksResult {
  const issues = new IssueList(file, options.maxErrors ?? 50);
  const src = normaliseLineEnds(text);
  // Excel's "sep=;" line names the delimiter and is not the header.
  const sep = sepLine(src);
  if ((sep ? src.slice(sep.end) : src).trim() === '') {
    issues.error({ message: 'the file is empty', hint: `Write a header row (${COLUMNS.join(',')}) and one row per benchmark figure, or remove the file.` });
    return { issues: issues.all() };
  }
  const delimiter = sep?.delimiter ?? sniffDelimiter(sep ? src.slice(sep.end) : src);
  if (sep && !sep.delimiter) issues.error(sepLineIssue(sep));
  const indicators = indicatorsOf(study).map((x) => x.id);
  const known = new Set(indicators);
  const groupCodes = study.groups.map((g) => g.code);
  const groups = new Set(groupCodes);
  const out: BenchmarkRow[] = [];
  const firstLine = new Map<string, number>();
  const at: Record<string, number> = {};
  let width = 0;
  let header: string[] = [];
  let sawHeader = false;
  let headerLine = 1;
  let read = 0;

  scanCsv(src, delimiter, (fields, line, quote) => {
    if (!sawHeader) {
      sawHeader = true;
      headerLine = line;
      if (quote) issues.error({ line, ...quoteMessage(quote) });
      const h = readHeader(fields);
      header = h.names;
      width = fields.length;
      for (const d of h.duplicates) {
        issues.error({ line, column: d.name, message: `appears more than once in the header (fields ${joinAnd(d.positions)})`, hint: 'Rename or remove the extra columns so that each name appears once.' });
      }
      for (const c of COLUMNS) {
        at[c] = h.index.get(c) ?? -1;
        if (at[c] < 0 && REQUIRED.has(c)) {
          issues.error({ line, column: c, message: 'is missing from the header', hint: `The columns of benchmarks.csv are ${COLUMNS.join(', ')} (group, sd and n may be left out).` });
        }
      }
      const extra = h.names.map((n, i) => (n === '' ? `(unnamed field ${i + 1})` : n)).filter((n) => !(COLUMNS as readonly string[]).includes(n));
      if (extra.length > 0) {
        issues.warning({ line, message: `${extra.length === 1 ? 'column' : 'columns'} not used: ${quoteList(extra)}`, hint: `Only ${COLUMNS.join(', ')} are read.` });
      }
      return;
    }
    read++;
    const before = issues.errorCount;
    if (quote) {
      issues.error({ line, column: header[fields.length - 1] || undefined, ...quoteMessage(quote) });
      return;
    }
    if (fields.length !== width) {
      issues.error({ line, message: `the row has ${fields.length} fields but the header has ${width}`, hint: `Look for a missing or extra ${delimiterName(delimiter)}.` });
      return;
    }
    const get = (c: string) => (at[c] >= 0 ? fields[at[c]].trim() : '');

    const yearRaw = get('year');
    const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
    if (at.year >= 0 && Number.isNaN(year)) {
      issues.error({ line, column: 'year', value: yearRaw, message: yearRaw === '' ? 'the year is blank' : `value "${yearRaw}" is not a year (four digits)`, hint: 'Write the year of the benchmark figure, like 2024.' });
    }
    const indicator = get('indicator');
    if (at.indicator >= 0 && !known.has(indicator)) {
      issues.error({
        line,
        column: 'indicator',
        value: indicator,
        message: indicator === '' ? 'the indicator is blank' : `value "${indicator}" is not an indicator of the study (the ids are ${quoteList(indicators)})`,
        hint: 'Use the id of an item, dimension or index in study.json, or "nps".',
      });
    }
    const group = get('group');
    if (group !== '' && !groups.has(group)) {
      issues.error({ line, column: 'group', value: group, message: `value "${group}" is not a group code in study.json (the codes are ${quoteList(groupCodes)})`, hint: 'Correct the code, or leave the group blank for a benchmark of the total.' });
    }
    const meanRaw = get('mean');
    const mean = parseNumber(meanRaw, true);
    if (at.mean >= 0 && Number.isNaN(mean)) {
      issues.error({ line, column: 'mean', value: meanRaw, message: meanRaw === '' ? 'the mean is blank' : `value "${meanRaw}" is not a number`, hint: 'Write the benchmark mean as a number, like 3.85.' });
    }
    const sdRaw = get('sd');
    const sd = sdRaw === '' ? undefined : parseNumber(sdRaw, true);
    if (sd !== undefined && !(sd >= 0)) {
      issues.error({ line, column: 'sd', value: sdRaw, message: Number.isNaN(sd) ? `value "${sdRaw}" is not a number` : `value "${sdRaw}" is negative`, hint: 'Write the standard deviation as a number of at least 0, or leave it blank.' });
    }
    const nRaw = get('n');
    const n = nRaw === '' ? undefined : parseNumber(nRaw, false);
    if (n !== undefined && !(Number.isInteger(n) && n > 0)) {
      issues.error({ line, column: 'n', value: nRaw, message: `value "${nRaw}" is not a positive whole number`, hint: 'Write the number of respondents behind the figure, or leave it blank.' });
    }
    if (!Number.isNaN(year) && known.has(indicator)) {
      const key = `${year}\u0000${indicator}\u0000${group}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        issues.error({
          line,
          message: `year ${year}, indicator "${indicator}", ${group === '' ? 'the total' : `group "${group}"`} was already given on line ${first}`,
          hint: 'Keep one row per year, indicator and group.',
        });
      } else firstLine.set(key, line);
    }
    if (issues.errorCount > before) return;
    out.push({ year, indicator, ...(group !== '' ? { group } : {}), mean, ...(sd !== undefined ? { sd } : {}), ...(n !== undefined ? { n } : {}) });
  }, undefined, sep ? { line: sep.line + 1, offset: sep.end } : undefined);

  if (sawHeader && read === 0) issues.error({ line: headerLine, message: 'the file has a header but no rows', hint: 'Add the benchmark rows, or remove the file.' });
  if (issues.errorCount > 0) return { issues: issues.all() };
  return { rows: out, issues: issues.all() };
}
