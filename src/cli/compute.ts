import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { indicatorsCsv } from '../export/indicators-csv.ts';
import { reportJson } from '../export/indicators-json.ts';
import { loadReport } from '../pipeline/load-report.ts';
import { TOOL_VERSION } from '../io/version.ts';
import { noPositionals, parseArgs, stringOption } from './args.ts';
import type { Command } from './command.ts';
import { reportIssues, studyDirs } from './study-options.ts';

export const computeCommand: Command = {
  help: `Computes the report model of every edition: estimates with standard errors,
intervals, n and effective n, bands, suppression, comparisons and drivers.

Options:
  --data DIR      the study folder (default data/)
  --reports DIR   editorial content; years with data but no reports/<year> are
                  computed as drafts (default reports/)
  --out FILE      write the model as JSON (default: print it to stdout unless --csv is given)
  --csv FILE      write a flat long CSV: edition, breakdown, domain, indicator, kind, statistic, value

Exit codes: 0 done, 1 the input has errors (nothing is written), 2 usage error.`,
  async run(argv, effects) {
    const args = parseArgs(argv, ['data', 'reports', 'out', 'csv']);
    noPositionals(args);
    const dirs = studyDirs(args, effects);
    const { model, issues } = await loadReport({ ...dirs, includeYearsWithoutReports: true, today: effects.now().toISOString().slice(0, 10), toolVersion: TOOL_VERSION });
    if (reportIssues(issues, effects) || !model) return 1;
    const out = stringOption(args, 'out');
    const csv = stringOption(args, 'csv');
    if (out) await writeFile(resolve(effects.cwd, out), reportJson(model));
    if (csv) await writeFile(resolve(effects.cwd, csv), indicatorsCsv(model));
    if (!out && !csv) effects.out(reportJson(model).trimEnd());
    else
      effects.err(
        `Computed ${model.editions.length} edition${model.editions.length === 1 ? '' : 's'} (${model.editions.map((e) => e.year).join(', ')})${out ? `; JSON: ${out}` : ''}${csv ? `; CSV: ${csv}` : ''}`,
      );
    return 0;
  },
};
