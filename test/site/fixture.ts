/**
 * A small report for the site's tests: the model test study (groups A–D, areas d3 and
 * d2, drivers, no benchmark) in two editions, built in code; and the same study in
 * other shapes (no groups, one edition, no can't-say code, no NPS, benchmarks).
 */
import type { BenchmarkRow } from '../../src/load/types.ts';
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

/** A shape of the test study: what it leaves out of the full one, its editions and its benchmarks. */
export interface Shape {
  /** Without groups: no group column, one sample. */
  groups?: false;
  /** Without a can't-say code. */
  cantSay?: false;
  nps?: false;
  drivers?: false;
  background?: false;
  /** The editions' years (default 2024 and 2025). */
  years?: number[];
  benchmarks?: BenchmarkRow[];
  /** Further changes to the study. */
  study?: Partial<StudyInput>;
}

/** The test study in a shape, its model built from data as the loader would give it (the groups' respondents together without groups). */
export function shapeReport(shape: Shape): ReportModel {
  const full = testStudy();
  const { group: _group, ...columns } = full.columns;
  const study = testStudy({
    ...(shape.groups === false ? { columns, groups: [] } : {}),
    ...(shape.cantSay === false ? { scale: { ...full.scale, cantSay: [] } } : {}),
    ...(shape.nps === false ? { nps: undefined } : {}),
    ...(shape.drivers === false ? { drivers: undefined } : {}),
    ...(shape.background === false ? { background: [] } : {}),
    ...shape.study,
  });
  // The data builder needs a group per row: without groups every respondent is in the one stratum.
  const dataStudy = shape.groups === false ? { ...study, groups: full.groups.slice(0, 1) } : study;
  const data = shape.groups === false ? rows.map((r) => ({ ...r, group: 'A' })) : rows;
  return report(
    study,
    (shape.years ?? [2024, 2025]).map((year) => edition(dataStudy, year, data)),
    shape.benchmarks ? { benchmarks: shape.benchmarks } : {},
  );
}
