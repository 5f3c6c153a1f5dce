/**
 * A small report for the site's tests: the model test study (groups A–D, areas d3 and
 * d2, drivers, no benchmark) in two editions, built in code.
 */
import type { ReportModel, StudyMeta } from '../../src/model/types.ts';
import type { StudyInput } from '../../src/study/schema.ts';
import { edition, report, repeat, testStudy, type Row } from '../model/build.ts';

const rows: Row[] = ['A', 'B', 'C', 'D'].flatMap((group, g) =>
  repeat(8, { group, a: { q1: 1 + g, q2: 2, q3: 3, q4: 4, q5: 5, y1: 4, y2: 3 }, nps: 6 + g, region: g % 2 ? 's' : 'n' }).map((r, i) => ({
    ...r,
    a: { ...r.a, q1: 1 + ((i + g) % 5), y1: 1 + (i % 5) },
  })),
);

/** Two editions, 2024 and 2025, of the model test study; `overrides` change the study. */
export function siteReport(overrides: Partial<StudyInput> = {}): ReportModel {
  const study = testStudy(overrides);
  return report(study, [edition(study, 2024, rows), edition(study, 2025, rows)]);
}

/** The same report with the study's metadata changed (what the site reads of it). */
export function withStudy(model: ReportModel, change: (study: StudyMeta) => StudyMeta): ReportModel {
  return { ...model, study: change(model.study) };
}
