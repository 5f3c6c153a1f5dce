import type { Command } from './command.ts';
import type { Effects } from '../io/effects.ts';
import { noPositionals, parseArgs } from './args.ts';
import type { EditionFile } from '../load/read-study.ts';
import { loadReport } from '../pipeline/load-report.ts';
import { TOOL_VERSION } from '../io/version.ts';
import { printIssues, studyDirs } from './study-options.ts';
import { editionRules, existsIn } from '../study/editions.ts';
import { dataQuality, type ItemQuality, type WeightSummary } from '../load/quality.ts';
import type { EditionData } from '../load/types.ts';
import type { Study } from '../study/schema.ts';
import { labelsOf, untranslatedLabels } from '../study/label-languages.ts';
import type { InputIssue } from '../issues/input-issue.ts';
import { join } from 'node:path';
import { formatPath } from '../study/parse.ts';

const HELP = `Reads the study folder — study.json, every <year>/responses.csv (or .sav or .xlsx) and
benchmarks.csv if there is one — and the editorial folder (front matter,
commentary files, publication records), checks everything against the study
definition, recomputes every published edition against its record, and prints
every problem found: errors first, then warnings, each with the file, line and
column and what to do about it. For every year with data it then prints a
data-quality report: rows by group, the weights (min, max, sum, effective n,
design effect) and, per item, the valid n and the can't-say and missing shares.
Writes nothing.

Options:
  --data DIR      The study folder (default data/).
  --reports DIR   The editorial folder (default reports/).
  --help          Show this help.

Exit codes:
  0  no errors (there may be warnings)
  1  errors in the study definition, the data or the editorial files; fix them and run again
  2  usage error or internal error`;

/** `luotain check`: validate the study and editorial folders and print a data-quality report. */
export const checkCommand: Command = {
  help: HELP,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports']);
    noPositionals(args);
    return check(studyDirs(args, effects), effects);
  },
};

async function check(dirs: { dataDir: string; reportsDir: string; cwd: string }, effects: Effects): Promise<number> {
  const shown = new Map<string, number>();
  const { model, issues, load } = await loadReport({
    ...dirs,
    today: effects.now().toISOString().slice(0, 10),
    toolVersion: TOOL_VERSION,
    onProgress: effects.interactive
      ? (file, fraction) => {
          // Only long files report fractions between 0 and 1; show them by quarters.
          const quarter = Math.floor(fraction * 4);
          if (fraction <= 0 || fraction >= 1 || quarter <= (shown.get(file) ?? 0)) return;
          shown.set(file, quarter);
          effects.out(`  reading ${file}: ${quarter * 25}%`);
        }
      : undefined,
  });
  const placeholders = load.study ? placeholderWarning(load.study, join(dirs.dataDir, 'study.json')) : undefined;
  const { errors, warnings } = printIssues(placeholders ? [...issues, placeholders] : issues, effects);
  if (errors + warnings > 0) effects.err('');

  const study = load.study;
  if (study) {
    const byYear = new Map(load.editions.map((e) => [e.year, e]));
    for (const f of load.files) effects.out(editionReport(f, byYear.get(f.year), study).join('\n') + '\n');
    if (load.benchmarks.length > 0) effects.out(`Benchmarks: ${load.benchmarks.length} rows\n`);
  }

  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors > 0 || !model) {
    effects.err(`${counts} — fix the errors and run luotain check again`);
    return 1;
  }
  const editions = model.editions;
  effects.out(
    editions.length > 0
      ? `${counts} — ${plural(editions.length, 'edition')} (${editions.map((e) => `${e.year}${e.status === 'draft' ? ' draft' : ''}`).join(', ')}) ready to build`
      : `${counts} — no edition to build yet: no year has both data and a folder in ${dirs.reportsDir} (see the warnings)`,
  );
  return 0;
}

/**
 * A warning when most of the study's texts are the same in every language:
 * the placeholders of a draft (luotain init) not translated yet. Names that
 * are the same in every language (a place, "NPS") are common, so only a
 * majority of such texts is worth a warning.
 */
function placeholderWarning(study: Study, file: string): InputIssue | undefined {
  const same = untranslatedLabels(study as unknown as Record<string, unknown>);
  const all = labelsOf(study as unknown as Record<string, unknown>).length;
  if (same.length * 2 <= all) return undefined;
  const first = same[0]!;
  return {
    severity: 'warning',
    file,
    path: formatPath(first.path),
    message: `${same.length} of the ${all} texts are the same in every language (${study.languages.join(', ')}), as "${first.text}" here: placeholders not translated yet`,
    hint: 'Translate the labels, the title and the organisation into each language, or publish fewer languages (languages in study.json).',
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');

/** Lays out rows as columns: the first `left` columns left-aligned, the rest right-aligned. */
function table(rows: string[][], left = 1, indent = '  '): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, c) => (c < left ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
  );
}

function weightCells(w: WeightSummary): string[] {
  return [fixed(w.min, 2), fixed(w.max, 2), fixed(w.sum, 1), fixed(w.effectiveN, 1), fixed(w.designEffect, 2)];
}

function itemRow(q: ItemQuality, label: string): string[] {
  return [label, String(q.validN), q.id === 'nps' ? '–' : pct(q.cantSayShare), pct(q.missingShare)];
}

/** What is particular to the questionnaire of an edition: items not asked, renamed columns, breaks. */
function questionnaireLines(study: Study, year: number): string[] {
  const rules = editionRules(study, year);
  const notAsked = study.items.filter((x) => !existsIn(x, year)).map((x) => x.id);
  const lines = [
    ...(notAsked.length > 0 ? [`  Not asked in ${year}: ${notAsked.join(', ')}`] : []),
    ...(rules.columns.size > 0 ? [`  Columns renamed in ${year}: ${[...rules.columns].map(([id, column]) => `${id} → ${column}`).join(', ')}`] : []),
    ...(rules.breaks.size > 0 ? [`  Breaks in ${year}: ${[...rules.breaks.keys()].join(', ')}`] : []),
  ];
  return lines.length > 0 ? ['', ...lines] : [];
}

/** The terminal report of one edition. */
function editionReport(f: EditionFile, data: EditionData | undefined, study: Study): string[] {
  const { read, used, rejected } = f.rows;
  const lines = [`${f.year}  ${f.file}`, `  Rows: ${read} read, ${used} used, ${rejected} rejected`];
  if (!data) {
    lines.push('  Not loaded: see the errors above.');
    return lines;
  }
  const lang = study.languages[0];
  const q = dataQuality(data, study);
  const weighted = study.columns.weight !== undefined;
  lines.push('');
  const groupRows: string[][] = [['Group', '', 'n', ...(weighted ? ['min w', 'max w', 'sum w', 'eff. n', 'deff'] : [])]];
  q.groups.forEach((g, k) => {
    // A group not surveyed in this edition is not listed.
    if (!existsIn(study.groups[k], data.year)) return;
    groupRows.push([g.code, study.groups[k].label[lang], String(g.n), ...(weighted ? weightCells(g.weights) : [])]);
  });
  groupRows.push(['Total', '', String(q.n), ...(weighted ? weightCells(q.weights) : [])]);
  lines.push(...table(groupRows, 2));
  lines.push('');
  if (weighted) {
    const w = q.weights;
    lines.push(`  Weights: min ${fixed(w.min, 3)}, max ${fixed(w.max, 3)}, sum ${fixed(w.sum, 1)}, effective n ${fixed(w.effectiveN, 1)}, design effect ${fixed(w.designEffect, 2)}`);
  } else {
    lines.push('  Weights: none (study.json has no weight column; every weight is 1)');
  }
  lines.push('');
  const itemRows: string[][] = [['Item', 'valid n', "can't say", 'missing']];
  for (const item of q.items) itemRows.push(itemRow(item, item.id));
  if (q.nps) itemRows.push(itemRow(q.nps, study.nps!.column === 'nps' ? 'nps' : `nps (${study.nps!.column})`));
  lines.push(...table(itemRows));
  lines.push(...questionnaireLines(study, data.year));
  return lines;
}
