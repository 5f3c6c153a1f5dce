// The report model of constructed editions. Expected values are computed by hand
// from the answers written out below (exact fractions), and p-values by R 4.2.2
// (`2 * pnorm(-abs(z))`, printed with %.17g). Estimates are also checked against
// surveyMean on hand-written columns (surveyMean itself is checked against R's
// survey package in test/estimate/survey-mean.test.ts).
import { describe, expect, it } from 'vitest';
import { assembleEdition } from '../../src/model/assemble-edition.ts';
import { lmg, quadrantOf, quantile7, replicateScheme, replicateWeights, surveyMean, type Design } from '../../src/estimate/index.ts';
import type { Cell, EditionModel, IndicatorStats } from '../../src/model/types.ts';
import { recordedFigures } from '../../src/publish/index.ts';
import type { EditionData } from '../../src/load/types.ts';
import type { Study } from '../../src/study/schema.ts';
import { edition, repeat, report, rng, testStudy, valuesOf, type Row } from './build.ts';

const NaN_ = Number.NaN;

function model(study: Study, data: EditionData, previous?: EditionModel, benchmarks = [] as Parameters<typeof assembleEdition>[0]['benchmarks']): EditionModel {
  return assembleEdition({ study, data, ...(previous ? { previous } : {}), benchmarks, editorial: {}, inputHash: 'h' });
}
const stats = (m: EditionModel, id: string, domain = 'total'): IndicatorStats | undefined => m.indicators.find((x) => x.id === id)!.stats[domain];
function shown(cell: Cell | undefined): Extract<Cell, { shown: true }> {
  expect(cell?.shown).toBe(true);
  return cell as Extract<Cell, { shown: true }>;
}
const designOf = (study: Study, data: EditionData): Design => ({ strata: data.group, weights: data.weight, strataCount: study.groups.length });

describe('scoring rules', () => {
  const study = testStudy();
  // Group A only; weights 1. d3 = q1–q3 needs 2 answers, d2 = q4–q5 needs 1, idx = mean of d3, d2 (needs 1).
  const rows: Row[] = [
    { group: 'A', a: { q1: 5, q2: 5, q3: 5, q4: 5 } }, //           d3 5    d2 5   idx 5
    { group: 'A', a: { q1: 4, q3: 2 } }, //                         d3 3    d2 –   idx 3
    { group: 'A', a: { q1: 1, q2: 'cs', q4: 2, q5: 4 } }, //        d3 –    d2 3   idx 3
    { group: 'A', a: { q1: 3, q2: 3, q3: 3, q4: 4 } }, //           d3 3    d2 4   idx 3.5
    { group: 'A', a: { q1: 2, q2: 4, q3: 'cs', q4: 'cs', q5: 1 } }, // d3 3 d2 1   idx 2
    { group: 'A', a: { q1: 4, q2: 4, q3: 4, q4: 3, q5: 3 } }, //    d3 4    d2 3   idx 3.5
    { group: 'A', a: { q1: 5, q2: 2, q4: 5, q5: 5 } }, //           d3 3.5  d2 5   idx 4.25
    { group: 'A', a: { q1: 1 } }, //                                d3 –    d2 –   idx –
  ];
  const data = edition(study, 2025, rows);
  const m = model(study, data);
  const design = designOf(study, data);

  it('a dimension is the mean of the answered items, needing at least half of them rounded up', () => {
    const d3 = shown(stats(m, 'd3')!.mean);
    expect(d3.n).toBe(6);
    expect(d3.estimate).toBeCloseTo(21.5 / 6, 14);
    const expected = surveyMean(design, [5, 3, NaN_, 3, 3, 4, 3.5, NaN_])!;
    expect(d3.se).toBeCloseTo(expected.se, 14);
    const d2 = shown(stats(m, 'd2')!.mean);
    expect(d2.n).toBe(6);
    expect(d2.estimate).toBeCloseTo(21 / 6, 14);
    expect(d2.se).toBeCloseTo(surveyMean(design, [5, NaN_, 3, 4, 1, 3, 5, NaN_])!.se, 14);
  });

  it('an index is the mean of its available components (dimension scores), needing half of them', () => {
    const idx = shown(stats(m, 'idx')!.mean);
    expect(idx.n).toBe(7);
    expect(idx.estimate).toBeCloseTo(24.25 / 7, 14);
    expect(idx.se).toBeCloseTo(surveyMean(design, [5, 3, 3, 3.5, 2, 3.5, 4.25, NaN_])!.se, 14);
  });

  it('an index of three items needs two of them', () => {
    const s = testStudy({ indices: [{ id: 'i3', label: { fi: 'i3', en: 'i3' }, items: ['q1', 'q2', 'q3'] }], drivers: undefined });
    const i3 = shown(stats(model(s, edition(s, 2025, rows)), 'i3')!.mean);
    expect(i3.n).toBe(6);
    expect(i3.estimate).toBeCloseTo(21.5 / 6, 14);
  });

  it("an item's can't-say share has everyone asked as its base; top box and distribution the valid answers", () => {
    // q2: 5, –, cs, 3, 4, 4, 2, – → 5 valid answers and 1 can't say.
    const q2 = stats(m, 'q2')!;
    expect(shown(q2.mean).estimate).toBeCloseTo(18 / 5, 14);
    expect(shown(q2.mean).n).toBe(5);
    expect(shown(q2.cantSay).estimate).toBeCloseTo(1 / 6, 14);
    expect(shown(q2.cantSay).n).toBe(6);
    expect(shown(q2.topBox).estimate).toBeCloseTo(3 / 5, 14);
    expect(q2.distribution!.map((c) => shown(c).estimate)).toEqual([0, 0.2, 0.2, 0.4, 0.2].map((x) => expect.closeTo(x, 14)));
  });

  it("a dimension's top box is the respondents' share of answered items in the top box", () => {
    // Per respondent with a d3 score: 3/3, 1/2, 0/3, 1/3 (q2 = 4 of 2, 4), 3/3, 1/2.
    const top = shown(stats(m, 'd3')!.topBox);
    expect(top.estimate).toBeCloseTo((1 + 0.5 + 0 + 0.5 + 1 + 0.5) / 6, 14);
    expect(stats(m, 'd3')!.cantSay).toBeUndefined();
  });
});

describe('NPS', () => {
  const study = testStudy();
  // Weighted: promoters (9–10) weigh 1 + 2 + 1 = 4, passives (7–8) 1 + 1 = 2, detractors (0–6) 2 + 1 = 3; one blank.
  const rows: Row[] = [
    { group: 'A', nps: 10 },
    { group: 'A', nps: 9, weight: 2 },
    { group: 'A', nps: 8 },
    { group: 'A', nps: 7 },
    { group: 'A', nps: 6, weight: 2 },
    { group: 'A', nps: 0 },
    { group: 'A' },
    { group: 'A', nps: 10 },
  ];
  const m = model(study, edition(study, 2025, rows));

  it('is the weighted mean of +100, 0, −100, with the parts as shares', () => {
    const s = stats(m, 'nps')!;
    expect(shown(s.mean).estimate).toBeCloseTo((100 * (4 - 3)) / 9, 12);
    expect(shown(s.mean).n).toBe(7);
    expect(shown(s.promoters).estimate).toBeCloseTo(4 / 9, 14);
    expect(shown(s.passives).estimate).toBeCloseTo(2 / 9, 14);
    expect(shown(s.detractors).estimate).toBeCloseTo(3 / 9, 14);
    expect(s.mean).not.toHaveProperty('band');
    expect(s.topBox).toBeUndefined();
    const data = edition(study, 2025, rows);
    expect(shown(s.mean).se).toBeCloseTo(surveyMean(designOf(study, data), [100, 100, 0, 0, -100, -100, NaN_, 100])!.se, 12);
  });
});

describe('bands are decided on the displayed value', () => {
  const study = testStudy();
  it('3.995 shows as 4.00: excellent', () => {
    // (40 · 4 · 49.75 + 10 · 3 · 1) / 2000 = 7990/2000 = 3.995, with an effective n of 40.4 (above the base)
    const rows = [...repeat(40, { group: 'A', weight: 49.75, a: { q1: 4 } }), ...repeat(10, { group: 'A', weight: 1, a: { q1: 3 } })];
    const mean = shown(stats(model(study, edition(study, 2025, rows)), 'q1')!.mean);
    expect(mean.estimate).toBeLessThan(4);
    expect(mean.estimate).toBeCloseTo(3.995, 14);
    expect(mean.band).toBe('excellent');
  });
  it('2.4999 shows as 2.50: weak, not very weak', () => {
    // (2 · 50010 + 3 · 49990) / 100000 = 2.4999, with an effective n of 48 (above the base)
    const rows = [...repeat(30, { group: 'A', weight: 1667, a: { q1: 2 } }), ...repeat(20, { group: 'A', weight: 2499.5, a: { q1: 3 } })];
    const mean = shown(stats(model(study, edition(study, 2025, rows)), 'q1')!.mean);
    expect(mean.estimate).toBeCloseTo(2.4999, 14);
    expect(mean.band).toBe('weak');
  });
});

describe('suppression', () => {
  const study = testStudy({ minBase: 10 });
  const groups = (sizes: Record<string, number>): Row[] =>
    Object.entries(sizes).flatMap(([group, k]) => Array.from({ length: k }, (_, i) => ({ group, region: 'n', a: { q1: 1 + ((i * 3 + group.charCodeAt(0)) % 5) } })));
  const withheld = (reason: 'base' | 'complementary') => {
    const c = { shown: false, reason };
    return { mean: c, topBox: c, distribution: [c, c, c, c, c], cantSay: c };
  };

  it('a group with fewer than 5 answers is absent; one between 5 and minBase is withheld with no numbers', () => {
    const m = model(study, edition(study, 2025, groups({ A: 12, B: 7, C: 6 })));
    const q1 = m.indicators.find((x) => x.id === 'q1')!;
    expect(Object.keys(q1.stats)).toEqual(['total', 'group:A', 'group:B', 'group:C', 'region:n']);
    expect(q1.stats['group:B']).toEqual(withheld('base'));
    expect(q1.stats['group:C']).toEqual(withheld('base'));
    // Two withheld groups: no complementary suppression.
    expect(shown(q1.stats['group:A']!.mean).n).toBe(12);
    expect(m.suppressionNotes.filter((s) => s.indicator === 'q1')).toEqual([
      { domain: 'group:B', indicator: 'q1', reason: 'base' },
      { domain: 'group:C', indicator: 'q1', reason: 'base' },
    ]);
    // Nobody answered q2: no domain of it is in the model.
    expect(m.indicators.find((x) => x.id === 'q2')!.stats).toEqual({});
  });

  it('one withheld group beside a shown total: the next-smallest shown group is withheld as complementary', () => {
    const m = model(study, edition(study, 2025, groups({ A: 12, B: 11, C: 6 })));
    const q1 = m.indicators.find((x) => x.id === 'q1')!;
    expect(q1.stats['group:C']).toEqual(withheld('base'));
    expect(q1.stats['group:B']).toEqual(withheld('complementary'));
    expect(shown(q1.stats['group:A']!.mean).n).toBe(12);
    expect(shown(q1.stats.total!.mean).n).toBe(29);
    expect(m.suppressionNotes.filter((s) => s.indicator === 'q1')).toEqual([
      { domain: 'group:B', indicator: 'q1', reason: 'complementary' },
      { domain: 'group:C', indicator: 'q1', reason: 'base' },
    ]);
  });

  it('a group under 5 counts as withheld for the complementary rule, and is absent', () => {
    const m = model(study, edition(study, 2025, groups({ A: 12, B: 11, C: 3 })));
    const q1 = m.indicators.find((x) => x.id === 'q1')!;
    expect(q1.stats).not.toHaveProperty('group:C');
    expect(q1.stats['group:B']).toEqual(withheld('complementary'));
    const summary = m.respondents.groups.find((g) => g.code === 'C')!;
    expect(summary).toEqual({ code: 'C', label: { fi: 'Group C', en: 'Group C' }, belowBase: true });
  });

  it('a withheld cell has no comparison with the previous edition or the benchmark; a shown one has both', () => {
    const before = model(study, edition(study, 2024, groups({ A: 12, B: 11, C: 12 })));
    expect(shown(before.indicators.find((x) => x.id === 'q1')!.stats['group:C']!.mean).n).toBe(12);
    const benchmarks = ['A', 'B', 'C'].map((group) => ({ year: 2025, indicator: 'q1', group, mean: 3, sd: 1, n: 100 }));
    const m = model(study, edition(study, 2025, groups({ A: 12, B: 11, C: 6 })), before, benchmarks);
    const q1 = m.indicators.find((x) => x.id === 'q1')!;
    expect(q1.stats['group:C']).toEqual(withheld('base'));
    expect(q1.stats['group:B']).toEqual(withheld('complementary'));
    expect(q1.stats['group:A']!.previous).toBeDefined();
    expect(q1.stats['group:A']!.benchmark?.comparison).toBeDefined();
  });
});

describe('comparisons', () => {
  const study = testStudy();
  // Group A only, weights 1: the SE is then s/√n.
  // 2024 q1 1, 2, 3, 4, 5: mean 3, SE² = 2.5/5 = 0.5.  2025 q1 2, 4, 4, 5, 5: mean 4, SE² = 1.5/5 = 0.3.
  // 2024 q2 1, 1, 2, 2, 1: mean 1.4, SE² = 0.06.       2025 q2 5, 5, 4, 4, 5: mean 4.6, SE² = 0.06.
  const rowsOf = (q1: number[], q2: number[]): Row[] => q1.map((v, i) => ({ group: 'A', a: { q1: v, q2: q2[i]! } }));
  const before = model(study, edition(study, 2024, rowsOf([1, 2, 3, 4, 5], [1, 1, 2, 2, 1])));
  const benchmarks = [
    { year: 2025, indicator: 'q1', mean: 3.5, sd: 0.8, n: 64 },
    { year: 2025, indicator: 'q1', group: 'A', mean: 3 },
    { year: 2024, indicator: 'q2', mean: 1 },
  ];
  const m = model(study, edition(study, 2025, rowsOf([2, 4, 4, 5, 5], [5, 5, 4, 4, 5])), before, benchmarks);

  it('with the previous edition: Δ, z = Δ/√(SE₁² + SE₂²), two-sided p', () => {
    expect(m.previousYear).toBe(2024);
    expect(shown(stats(m, 'q1')!.mean).se).toBeCloseTo(Math.sqrt(0.3), 14);
    // z = 1/√0.8; R: 2 * pnorm(-1/sqrt(0.8)) = 0.26355247728297271
    expect(stats(m, 'q1')!.previous).toEqual({
      difference: expect.closeTo(1, 14),
      se: expect.closeTo(Math.sqrt(0.8), 14),
      z: expect.closeTo(1.1180339887498949, 13),
      p: expect.closeTo(0.26355247728297271, 13),
      significant: false,
    });
    // z = 3.2/√0.12; R: 2 * pnorm(-3.2/sqrt(0.12)) = 2.5207777672308278e-20
    const q2 = stats(m, 'q2')!.previous!;
    expect(q2.z).toBeCloseTo(9.2376043070340135, 12);
    expect(q2.p / 2.5207777672308278e-20).toBeCloseTo(1, 9);
    expect(q2.significant).toBe(true);
    // The same group compares with itself.
    expect(stats(m, 'q1', 'group:A')!.previous!.z).toBeCloseTo(1.1180339887498949, 13);
  });

  it('with a benchmark with sd and n: its SE is sd/√n and the two-sample test applies', () => {
    // SE = 0.8/√64 = 0.1; z = 0.5/√(0.3 + 0.01); R: 2 * pnorm(-0.5/sqrt(0.31)) = 0.36917141633269163
    expect(stats(m, 'q1')!.benchmark).toEqual({
      mean: 3.5,
      se: expect.closeTo(0.1, 15),
      comparison: {
        difference: expect.closeTo(0.5, 14),
        se: expect.closeTo(Math.sqrt(0.31), 14),
        z: expect.closeTo(0.89802651013387447, 13),
        p: expect.closeTo(0.36917141633269163, 13),
        significant: false,
      },
    });
  });

  it('with a benchmark mean only: z = Δ/SE', () => {
    // z = 1/√0.3; R: 2 * pnorm(-1/sqrt(0.3)) = 0.067889154861829004
    expect(stats(m, 'q1', 'group:A')!.benchmark).toEqual({
      mean: 3,
      comparison: {
        difference: expect.closeTo(1, 14),
        se: expect.closeTo(Math.sqrt(0.3), 14),
        z: expect.closeTo(1.8257418583505538, 13),
        p: expect.closeTo(0.067889154861829004, 13),
        significant: false,
      },
    });
  });

  it("takes benchmarks of the edition's year only", () => {
    expect(stats(m, 'q2')!.benchmark).toBeUndefined();
  });

  it('the first edition has no previous comparison', () => {
    expect(stats(before, 'q1')!.previous).toBeUndefined();
    expect(before.previousYear).toBeUndefined();
  });
});

describe('drivers', () => {
  const study = testStudy({ minBase: 10 });
  const random = rng(20250313);
  const draw = (p: number) => Math.min(5, Math.max(1, Math.round(p)));
  const rows: Row[] = [...repeat(40, { group: 'A' }), ...repeat(35, { group: 'B' }), ...repeat(8, { group: 'C' }), ...repeat(6, { group: 'D' })].map((r, i) => {
    const q1 = draw(1 + random() * 4);
    const q4 = draw(1 + random() * 4);
    const q5 = draw(1 + random() * 4);
    const y = 0.6 * q1 + 0.3 * q4 + 0.1 * q5;
    return {
      group: r.group,
      weight: 0.5 + random() * 1.5,
      region: i % 2 ? 'n' : 's',
      a: { q1: i % 13 === 5 ? '' : q1, q4, q5, y1: draw(y + random() * 1.6 - 0.8), y2: i % 11 === 3 ? 'cs' : draw(y + random() * 1.6 - 0.8) },
    };
  });
  const data = edition(study, 2025, rows);
  const m = model(study, data);

  /** Weighted least squares R² by the normal equations, over complete cases of the domain. */
  function wlsR2(domain: (i: number) => boolean): { r2: number; n: number } {
    const cols = ['q1', 'q4', 'q5'].map((id) => valuesOf(study, data, id));
    const y2 = valuesOf(study, data, 'y2');
    const sup = Float64Array.from(valuesOf(study, data, 'y1'), (v, i) => {
      const w = y2[i]!;
      return Number.isNaN(v) ? w : Number.isNaN(w) ? v : (v + w) / 2;
    });
    const cases = Array.from({ length: data.n }, (_, i) => i).filter((i) => domain(i) && !Number.isNaN(sup[i]!) && cols.every((c) => !Number.isNaN(c[i]!)));
    const k = 4;
    const A = Array.from({ length: k }, () => new Array<number>(k + 1).fill(0));
    for (const i of cases) {
      const x = [1, ...cols.map((c) => c[i]!)];
      for (let r = 0; r < k; r++) {
        for (let c = 0; c < k; c++) A[r]![c]! += data.weight[i]! * x[r]! * x[c]!;
        A[r]![k]! += data.weight[i]! * x[r]! * sup[i]!;
      }
    }
    for (let p = 0; p < k; p++) {
      for (let r = p + 1; r < k; r++) {
        const f = A[r]![p]! / A[p]![p]!;
        for (let c = p; c <= k; c++) A[r]![c]! -= f * A[p]![c]!;
      }
    }
    const beta = new Array<number>(k).fill(0);
    for (let r = k - 1; r >= 0; r--) {
      let s = A[r]![k]!;
      for (let c = r + 1; c < k; c++) s -= A[r]![c]! * beta[c]!;
      beta[r] = s / A[r]![r]!;
    }
    let sw = 0;
    let swy = 0;
    for (const i of cases) {
      sw += data.weight[i]!;
      swy += data.weight[i]! * sup[i]!;
    }
    const mean = swy / sw;
    let sse = 0;
    let sst = 0;
    for (const i of cases) {
      const fit = beta[0]! + cols.reduce((acc, c, j) => acc + beta[j + 1]! * c[i]!, 0);
      sse += data.weight[i]! * (sup[i]! - fit) ** 2;
      sst += data.weight[i]! * (sup[i]! - mean) ** 2;
    }
    return { r2: 1 - sse / sst, n: cases.length };
  }

  it('are computed for the total and each group with the base, not for smaller groups or background classes', () => {
    expect(m.drivers.map((d) => d.domain)).toEqual(['total', 'group:A', 'group:B']);
  });

  it('R² is the weighted least squares R² over complete cases; the LMG parts sum to it and the shares to 1', () => {
    const domains: Record<string, (i: number) => boolean> = { total: () => true, 'group:A': (i) => data.group[i] === 0, 'group:B': (i) => data.group[i] === 1 };
    for (const d of m.drivers) {
      const expected = wlsR2(domains[d.domain]!);
      expect(d.n).toBe(expected.n);
      expect(d.r2).toBeCloseTo(expected.r2, 12);
      expect(d.r2).toBeGreaterThan(0.2);
      expect(d.predictors.reduce((a, p) => a + p.lmg, 0)).toBeCloseTo(d.r2, 13);
      expect(d.predictors.reduce((a, p) => a + p.importance, 0)).toBeCloseTo(1, 13);
      for (const p of d.predictors) expect(p.importance).toBeCloseTo(p.lmg / d.r2, 13);
    }
  });

  it('quadrants split at the mean importance and the mean performance (the shown means)', () => {
    const seen = new Set<string>();
    for (const d of m.drivers) {
      expect(d.predictors.map((p) => p.id)).toEqual(['q1', 'q4', 'q5']);
      expect(d.importanceSplit).toBeCloseTo(1 / 3, 14);
      const performance = d.predictors.map((p) => shown(stats(m, p.id, d.domain)!.mean).estimate);
      expect(d.predictors.map((p) => p.performance)).toEqual(performance);
      expect(d.performanceSplit).toBeCloseTo(performance.reduce((a, b) => a + b) / 3, 14);
      for (const p of d.predictors) {
        const high = p.importance >= d.importanceSplit;
        const good = p.performance >= d.performanceSplit;
        expect(p.quadrant).toBe(high ? (good ? 'strength' : 'develop') : good ? 'maintain' : 'lower');
        seen.add(p.quadrant);
      }
      // q1 drives support most (0.6 of the signal).
      expect(d.predictors[0]!.importance).toBeGreaterThan(0.5);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('each importance has the standard error, percentile interval and quadrant shares of the replicates, computed respondent by respondent', () => {
    // The slow path: every replicate's weights (replicateWeights, checked against the documented scheme in
    // test/estimate/driver-uncertainty.test.ts) into lmg and weighted means over the domain's respondents.
    const scheme = replicateScheme({ strata: data.group, weights: data.weight, strataCount: study.groups.length });
    const cols = ['q1', 'q4', 'q5'].map((id) => valuesOf(study, data, id));
    const y2 = valuesOf(study, data, 'y2');
    const sup = Float64Array.from(valuesOf(study, data, 'y1'), (v, i) => {
      const w = y2[i]!;
      return Number.isNaN(v) ? w : Number.isNaN(w) ? v : (v + w) / 2;
    });
    const inDomain: Record<string, (i: number) => boolean> = { total: () => true, 'group:A': (i) => data.group[i] === 0, 'group:B': (i) => data.group[i] === 1 };
    for (const d of m.drivers) {
      expect(d.replicates).toBe(500);
      const mask = Uint8Array.from({ length: data.n }, (_, i) => (inDomain[d.domain]!(i) ? 1 : 0));
      const shares: number[][] = [];
      const counts = [0, 0, 0];
      for (let b = 0; b < scheme.replicates; b++) {
        const w = replicateWeights(scheme, data.weight, b);
        const fit = lmg(cols, sup, w, mask)!;
        shares.push(fit.share);
        const perf = cols.map((c) => {
          let sw = 0;
          let swx = 0;
          for (let i = 0; i < data.n; i++) {
            if (mask[i] === 0 || Number.isNaN(c[i]!) || w[i] === 0) continue;
            sw += w[i]!;
            swx += w[i]! * c[i]!;
          }
          return swx / sw;
        });
        const split = perf.reduce((a, v) => a + v, 0) / 3;
        d.predictors.forEach((p, j) => {
          if (quadrantOf(fit.share[j]!, perf[j]!, 1 / 3, split) === p.quadrant) counts[j]!++;
        });
      }
      d.predictors.forEach((p, j) => {
        const values = shares.map((s) => s[j]!);
        const mean = values.reduce((a, v) => a + v, 0) / values.length;
        const se = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
        expect(p.importanceSe).toBeCloseTo(se, 10);
        values.sort((a, b) => a - b);
        expect(p.importanceCi[0]).toBeCloseTo(quantile7(values, 0.025), 10);
        expect(p.importanceCi[1]).toBeCloseTo(quantile7(values, 0.975), 10);
        expect(p.quadrantShares[p.quadrant]).toBe(counts[j]! / 500);
        expect(Object.values(p.quadrantShares).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
        expect(p.quadrantStable).toBe(p.quadrantShares[p.quadrant] >= 0.8);
      });
    }
  });

  it('are figures of the publication record: the point quadrant as it is, and its stability as a figure of its own', () => {
    const r = report(study, [data]);
    const figures = recordedFigures(r, r.editions[0]!);
    const total = r.editions[0]!.drivers.find((d) => d.domain === 'total')!;
    const q1 = total.predictors[0]!;
    expect(Number(figures['total|total|q1|driver.importance'])).toBeCloseTo(q1.importance, 11);
    expect(figures['total|total|q1|driver.quadrant']).toBe(q1.quadrant);
    expect(figures['total|total|q1|driver.quadrant_stable']).toBe(String(q1.quadrantStable));
    expect(Number(figures['total|total|q1|driver.importance_se'])).toBeCloseTo(q1.importanceSe, 11);
    expect(Number(figures[`total|total|q1|driver.quadrant_share_${q1.quadrant}`])).toBe(q1.quadrantShares[q1.quadrant]);
    expect(figures[`total|total|${study.drivers!.outcome}|driver.replicates`]).toBe('500');
    expect(figures['group|A|q4|driver.importance_ci_low']).toBeDefined();
    expect(Object.keys(figures).filter((k) => k.includes('|driver.')).length).toBe(3 * (3 + 3 * 11));
  });

  it('in a study without groups: the whole sample is one stratum of the replicate scheme', () => {
    const single = testStudy({ minBase: 10, groups: [], columns: { id: 'id', weight: 'w' } });
    const d = model(single, edition(single, 2025, rows)).drivers;
    expect(d.map((x) => x.domain)).toEqual(['total']);
    for (const p of d[0]!.predictors) {
      expect(p.importanceSe).toBeGreaterThan(0);
      expect(p.importanceCi[0]).toBeLessThanOrEqual(p.importance + 1e-9);
      expect(Object.values(p.quadrantShares).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
    }
  });

  it('none without a driver configuration', () => {
    const s = testStudy({ drivers: undefined });
    expect(model(s, edition(s, 2025, rows)).drivers).toEqual([]);
  });
});

describe('report: editions, latest published edition and trends', () => {
  const study = testStudy({ minBase: 10 });
  const year = (y: number, sizes: Record<string, number>) =>
    edition(
      study,
      y,
      Object.entries(sizes).flatMap(([group, k]) => Array.from({ length: k }, (_, i) => ({ group, a: { q1: 1 + ((i * 7 + y) % 5), q4: 1 + ((i + y) % 5) }, nps: (i * 3 + y) % 11 }))),
    );
  const editions = [year(2025, { A: 12, B: 15, C: 11 }), year(2023, { A: 12, B: 12, C: 14 }), year(2024, { A: 13, B: 12, C: 6 })];
  const pub = (version: string) => ({ version, published: '2025-03-13', history: [] });
  const r = report(study, editions, {
    publications: new Map([
      [2023, pub('1.0')],
      [2024, pub('1.1')],
    ]),
  });

  it('orders editions by year, compares each with the one before, and never makes a draft the latest', () => {
    expect(r.editions.map((e) => [e.year, e.previousYear, e.status, e.version])).toEqual([
      [2023, undefined, 'published', '1.0'],
      [2024, 2023, 'published', '1.1'],
      [2025, 2024, 'draft', '0.1'],
    ]);
    expect(r.latestYear).toBe(2024);
    expect(report(study, editions).latestYear).toBeUndefined();
  });

  it('leaves out years without editorial content', () => {
    const m = report(study, editions);
    expect(m.editions).toHaveLength(3);
  });

  it('has a series per indicator × total and group, each point with its change from the year before', () => {
    const domains = ['total', 'group:A', 'group:B', 'group:C'];
    const withAnswers = r.editions[2]!.indicators.filter((x) => Object.keys(x.stats).length > 0).map((x) => x.id);
    expect(withAnswers).toEqual(['idx', 'd2', 'q1', 'q4', 'nps']);
    expect(r.trends.map((t) => `${t.indicator} ${t.domain}`)).toEqual(withAnswers.flatMap((id) => domains.map((d) => `${id} ${d}`)));
    for (const t of r.trends) {
      expect(t.points.map((p) => p.year)).toEqual([2023, 2024, 2025]);
      t.points.forEach((p, k) => {
        const s = r.editions[k]!.indicators.find((x) => x.id === t.indicator)!.stats[t.domain]!;
        expect(p.cell).toEqual(s.mean);
        if (s.previous) expect(p.change).toEqual(s.previous);
        else expect(p).not.toHaveProperty('change');
      });
      expect(t.points[0]).not.toHaveProperty('change');
    }
    // 2024 C (6 answers) is withheld: its point says so and carries no change, nor does 2025 C's.
    const c = r.trends.find((t) => t.indicator === 'q1' && t.domain === 'group:C')!;
    expect(c.points[1]).toEqual({ year: 2024, cell: { shown: false, reason: 'base' } });
    expect(c.points[2]!.cell!.shown).toBe(true);
    expect(c.points[2]).not.toHaveProperty('change');
    const total = r.trends.find((t) => t.indicator === 'q1' && t.domain === 'total')!;
    expect(total.points[1]!.change!.difference).toBeCloseTo(shown(total.points[1]!.cell!).estimate - shown(total.points[0]!.cell!).estimate, 14);
  });
});

describe('the interval of shares', () => {
  // 40 respondents in group A: q1 one answer of 1, the rest 4 or 5 (a share of 1 at 2.5 %).
  const study = testStudy();
  const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({ group: 'A', weight: 1 + (i % 3), a: { q1: i === 0 ? 1 : 4 + (i % 2), q2: 3 }, nps: i % 11 }));
  const data = edition(study, 2024, rows);
  const published = { version: '1.0', published: '2024-03-01', history: [] };
  const logit = report(study, [data]).editions[0]!;
  const wald = report(study, [data], { publications: new Map([[2024, { ...published, shareInterval: 'wald' as const }]]) }).editions[0]!;
  const shown = (c: Cell | undefined) => c as Extract<Cell, { shown: true }>;

  it('is logit in a draft (and by default when published), symmetric where the record says so', () => {
    expect(logit.shareInterval).toBe('logit');
    expect(report(study, [data], { publications: new Map([[2024, published]]) }).editions[0]!.shareInterval).toBe('logit');
    expect(wald.shareInterval).toBe('wald');
  });

  it('gives a small share a logit interval within 0–1, and the symmetric one below 0 where the edition has it', () => {
    const a = shown(logit.indicators.find((x) => x.id === 'q1')!.stats['group:A']!.distribution![0]);
    const b = shown(wald.indicators.find((x) => x.id === 'q1')!.stats['group:A']!.distribution![0]);
    expect(a.estimate).toBe(b.estimate);
    expect(a.se).toBe(b.se);
    expect(b.ci[0]).toBeCloseTo(b.estimate - 1.9599639845400536 * b.se, 15);
    expect(b.ci[0]).toBeLessThan(0);
    expect(a.ci[0]).toBeGreaterThan(0);
    // One stratum (group A) of 40 answers: 39 degrees of freedom, R's qt(0.975, 39) = 2.0226909200367604.
    const logitP = Math.log(a.estimate / (1 - a.estimate));
    const half = (2.0226909200367604 * a.se) / (a.estimate * (1 - a.estimate));
    expect(a.ci[0]).toBeCloseTo(1 / (1 + Math.exp(-(logitP - half))), 14);
    expect(a.ci[1]).toBeCloseTo(1 / (1 + Math.exp(-(logitP + half))), 14);
  });

  it('leaves the intervals of means as they are', () => {
    for (const x of logit.indicators) {
      for (const [key, s] of Object.entries(x.stats)) expect(s.mean, `${x.id} ${key}`).toEqual(wald.indicators.find((w) => w.id === x.id)!.stats[key]!.mean);
    }
  });
});
