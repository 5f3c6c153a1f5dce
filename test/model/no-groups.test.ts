// A study without a group column: one sample (one stratum), no group breakdown.
import { describe, expect, it } from 'vitest';
import { assembleEdition } from '../../src/model/assemble-edition.ts';
import { surveyMean } from '../../src/estimate/index.ts';
import { edition, rng, testStudy, valuesOf, type Row } from './build.ts';

const random = rng(7);
const rows: Row[] = Array.from({ length: 80 }, () => ({
  // The builder needs a group code; every respondent is in the first, as the loader puts them without a group column.
  group: 'A',
  weight: 0.5 + random() * 2,
  a: Object.fromEntries(['q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2'].map((id) => [id, 1 + Math.floor(random() * 5)])),
  nps: Math.floor(random() * 11),
  region: random() < 0.5 ? 'n' : 's',
}));

describe('a study without groups', () => {
  const grouped = testStudy();
  const { group: _group, ...columns } = grouped.columns;
  const study = testStudy({ columns, groups: [] });
  const data = edition(grouped, 2025, rows);
  const m = assembleEdition({ study, data, benchmarks: [], editorial: {}, inputHash: 'h' });

  it('has the total and the background classes as its domains, no groups', () => {
    expect(m.domains.map((d) => d.key)).toEqual(['total', 'region:n', 'region:s']);
    expect(m.respondents.groups).toEqual([]);
  });

  it('estimates as one stratum: the same as surveyMean with a single stratum', () => {
    const q1 = m.indicators.find((x) => x.id === 'q1')!.stats.total!.mean;
    const expected = surveyMean({ strata: data.group, weights: data.weight, strataCount: 1 }, valuesOf(grouped, data, 'q1'))!;
    expect(q1.shown && q1.estimate).toBeCloseTo(expected.estimate, 12);
    expect(q1.shown && q1.se).toBeCloseTo(expected.se, 12);
  });

  it('runs the driver analysis for the total only', () => {
    expect(m.drivers.map((d) => d.domain)).toEqual(['total']);
  });
});
