import type { Study } from '../study/schema.ts';
import { indicatorsOf } from '../study/lookup.ts';
import type { BenchmarkRow } from './types.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import { planColumns, type ColumnPlan, type WantedColumn } from './column-plan.ts';
import { scanCsv } from './csv-scanner.ts';
import { delimiterName, sniffDelimiter } from './delimiter.ts';
import { IssueList, type Repeat } from './issue-list.ts';
import { normaliseLineEnds } from './line-ends.ts';
import { quoteList } from './message-text.ts';
import { parseNumber } from './parse-number.ts';
import { quoteMessage } from './quote-problem.ts';
import { sepLine, sepLineIssue } from './sep-line.ts';

export interface ParseBenchmarksResult {
  /** The rows in file order; undefined when there is any error. */
  rows?: BenchmarkRow[];
  issues: InputIssue[];
}

const COLUMNS = ['year', 'indicator', 'group', 'mean', 'sd', 'n'] as const;
const REQUIRED = new Set<string>(['year', 'indicator', 'mean']);
const WANTED: WantedColumn[] = COLUMNS.map((column) =>
  REQUIRED.has(column)
    ? { column, missing: () => ({ message: 'is missing from the header', hint: `The columns of benchmarks.csv are ${COLUMNS.join(', ')} (group, sd and n may be left out).` }) }
    : { column },
);

/**
 * Parses benchmarks.csv (columns year, indicator, group, mean, sd, n; group,
 * sd and n may be blank, and their columns may be left out). Every problem
 * is collected; any error refuses the whole file.
 */
// How a problem repeated down a column is said once (see IssueList).
const BLANK_INDICATOR: Repeat = { key: 'blank', many: 'indicators are blank' };
const BLANK_MEAN: Repeat = { key: 'blank', many: 'means are blank' };
const NOT_NUMBER: Repeat = { key: 'not-number', many: 'values are not numbers' };

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
  const unknownIndicator: Repeat = { key: 'unknown', many: 'values are not indicators of the study', after: `; the ids are ${quoteList(indicators)}` };
  const unknownGroup: Repeat = { key: 'unknown', many: 'values are not group codes in study.json', after: `; the codes are ${quoteList(groupCodes)}` };
  const groups = new Set(groupCodes);
  const out: BenchmarkRow[] = [];
  const firstLine = new Map<string, number>();
  const at: Record<string, number> = {};
  let plan: ColumnPlan | undefined;
  let read = 0;

  scanCsv(
    src,
    delimiter,
    (fields, line, quote) => {
      if (!plan) {
        plan = planColumns(fields, line, quote, WANTED, issues, (extra) => ({
          message: `${extra.length === 1 ? 'column' : 'columns'} not used: ${quoteList(extra)}`,
          hint: `Only ${COLUMNS.join(', ')} are read.`,
        }));
        for (const c of COLUMNS) at[c] = plan.position(c);
        return;
      }
      read++;
      const before = issues.errorCount;
      if (quote) {
        issues.error({ line, column: plan.names[fields.length - 1] || undefined, ...quoteMessage(quote) });
        return;
      }
      if (fields.length !== plan.width) {
        issues.error({ line, message: `the row has ${fields.length} fields but the header has ${plan.width}`, hint: `Look for a missing or extra ${delimiterName(delimiter)}.` });
        return;
      }
      const get = (c: string) => (at[c] >= 0 ? fields[at[c]].trim() : '');

      const yearRaw = get('year');
      const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
      if (at.year >= 0 && Number.isNaN(year)) {
        issues.error({
          line,
          column: 'year',
          value: yearRaw,
          message: yearRaw === '' ? 'the year is blank' : `value "${yearRaw}" is not a year (four digits)`,
          hint: 'Write the year of the benchmark figure, like 2024.',
        });
      }
      const indicator = get('indicator');
      if (at.indicator >= 0 && !known.has(indicator)) {
        issues.error(
          {
            line,
            column: 'indicator',
            value: indicator,
            message: indicator === '' ? 'the indicator is blank' : `value "${indicator}" is not an indicator of the study (the ids are ${quoteList(indicators)})`,
            hint: 'Use the id of an item, dimension or index in study.json, or "nps".',
          },
          indicator === '' ? BLANK_INDICATOR : unknownIndicator,
        );
      }
      const group = get('group');
      if (group !== '' && !groups.has(group)) {
        issues.error(
          {
            line,
            column: 'group',
            value: group,
            message: `value "${group}" is not a group code in study.json (the codes are ${quoteList(groupCodes)})`,
            hint: 'Correct the code, or leave the group blank for a benchmark of the total.',
          },
          unknownGroup,
        );
      }
      const meanRaw = get('mean');
      const mean = parseNumber(meanRaw, true);
      if (at.mean >= 0 && Number.isNaN(mean)) {
        issues.error(
          {
            line,
            column: 'mean',
            value: meanRaw,
            message: meanRaw === '' ? 'the mean is blank' : `value "${meanRaw}" is not a number`,
            hint: 'Write the benchmark mean as a number, like 3.85.',
          },
          meanRaw === '' ? BLANK_MEAN : NOT_NUMBER,
        );
      }
      const sdRaw = get('sd');
      const sd = sdRaw === '' ? undefined : parseNumber(sdRaw, true);
      if (sd !== undefined && !(sd >= 0)) {
        issues.error({
          line,
          column: 'sd',
          value: sdRaw,
          message: Number.isNaN(sd) ? `value "${sdRaw}" is not a number` : `value "${sdRaw}" is negative`,
          hint: 'Write the standard deviation as a number of at least 0, or leave it blank.',
        });
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
      // The benchmark's standard error needs both; with one alone it is taken as exact (compareEstimates without b.se).
      if ((sd === undefined) !== (n === undefined)) {
        const given = sd === undefined ? 'n' : 'sd';
        const blank = sd === undefined ? 'sd' : 'n';
        issues.warning({
          line,
          column: blank,
          message: `the row gives ${given} but not ${blank}, so the benchmark has no standard error and the difference is tested against its mean alone, as if that mean were exact`,
          hint: `Fill in ${blank === 'sd' ? 'the standard deviation' : 'the number of respondents'} so that the benchmark's own uncertainty enters the test, or leave both sd and n blank if only the mean is known.`,
        });
      }
      out.push({ year, indicator, ...(group !== '' ? { group } : {}), mean, ...(sd !== undefined ? { sd } : {}), ...(n !== undefined ? { n } : {}) });
    },
    undefined,
    sep ? { line: sep.line + 1, offset: sep.end } : undefined,
  );

  if (plan && read === 0) issues.error({ line: plan.line, message: 'the file has a header but no rows', hint: 'Add the benchmark rows, or remove the file.' });
  if (issues.errorCount > 0) return { issues: issues.all() };
  return { rows: out, issues: issues.all() };
}
