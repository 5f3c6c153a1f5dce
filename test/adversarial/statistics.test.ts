// Adversarial cases about the statistics: figures that were silently wrong or
// leaked one respondent's answers. Each case builds its data in code and
// asserts the result and the warning.
import { describe, expect, it } from 'vitest';
import { compareEstimates } from '../../src/compare/index.ts';
import { surveyMean } from '../../src/estimate/index.ts';
import type { EditionData } from '../../src/load/types.ts';
import { assembleReportWithWarnings } from '../../src/model/assemble-report.ts';
import type { Cell, EditionModel, ReportModel } from '../../src/model/types.ts';
import type { Study } from '../../src/study/schema.ts';
import { edition, editorial, repeat, rng, testStudy, type Answer, type Row } from '../model/build.ts';

/** A report of the editions, with the warnings about its figures. */
function build(study: Study, editions: EditionData[]): { model: ReportModel; warnings: string[] } {
  const { model, warnings } = assembleReportWithWarnings({
    study,
    editions,
    benchmarks: [],
    editorials: new Map(editions.map((e) => [e.year, { fi: editorial(), en: editorial() }])),
    inputHashes: new Map(),
    toolVersion: 'test',
    builtOn: '2026-01-15',
  });
  return { model, warnings: warnings.map((w) => `${w.severity}: ${w.file}: ${w.message}`) };
}

const cell = (e: EditionModel, indicator: string, domain = 'total'): Cell | undefined => e.indicators.find((x) => x.id === indicator)!.stats[domain]?.mean;

/** `n` respondents of a group with random answers 1–5 to every item and a random NPS. */
function randomRows(n: number, group: string, seed: number, weight = () => 1): Row[] {
  const random = rng(seed);
  const answer = (): Answer => 1 + Math.floor(random() * 5);
  return Array.from({ length: n }, () => ({
    group,
    weight: weight(),
    a: Object.fromEntries(['q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2'].map((id) => [id, answer()])),
    nps: Math.floor(random() * 11),
    region: random() < 0.5 ? 'n' : 's',
  }));
}

const sample = (seed: number) => [...randomRows(400, 'A', seed), ...randomRows(300, 'B', seed + 1), ...randomRows(300, 'C', seed + 2), ...randomRows(221, 'D', seed + 3)];

describe('publication protection', () => {
  const study = testStudy({ minBase: 30 });

  it('leak: one respondent with weight 1e9 is suppressed', () => {
    const rows = sample(1);
    rows[16] = { group: 'A', weight: 1e9, a: { q1: 5, q2: 5, q3: 5, q4: 5, q5: 5, y1: 5, y2: 5 }, nps: 10, region: 'n' };
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    const e = model.editions[0]!;
    // All respondents, the respondent's group and region: withheld, not "NPS 100, 5.00 (5.00–5.00)".
    for (const domain of ['total', 'group:A', 'region:n']) {
      for (const indicator of ['nps', 'q1', 'd3', 'idx', 'sup']) expect(cell(e, indicator, domain), `${indicator} ${domain}`).toEqual({ shown: false, reason: 'weight' });
    }
    // The other groups and the other region are shown.
    for (const domain of ['group:B', 'group:C', 'group:D', 'region:s']) expect(cell(e, 'nps', domain)?.shown, domain).toBe(true);
    expect(e.drivers.map((d) => d.domain)).toEqual(['group:B', 'group:C', 'group:D']);
    expect(e.driverGaps).toEqual([
      { domain: 'total', reason: 'weight' },
      { domain: 'group:A', reason: 'weight' },
    ]);
    expect(warnings).toContain(
      'warning: data/2025/responses.csv: edition 2025: one respondent (respondent no. 17 of the 1221 rows used, weight 1000000000) carries more than half the weight of all respondents (100.0 % of its weight, n = 1221, effective n 1.0), group "A" (100.0 % of its weight, n = 400, effective n 1.0), region "n" (100.0 % of its weight, n = 608, effective n 1.0): every figure of those domains is withheld',
    );
  });

  it('leak: a domain whose weights leave an effective n below minBase is withheld with a warning', () => {
    // Group B: 40 respondents, 4 of them with weight 100: n = 40 but (Σw)²/Σw² = 436²/40036 = 4.75; none carries half.
    const rows = [...randomRows(400, 'A', 2), ...randomRows(36, 'B', 3), ...randomRows(4, 'B', 4, () => 100), ...randomRows(300, 'C', 5)];
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    const e = model.editions[0]!;
    expect(cell(e, 'q1', 'group:B')).toEqual({ shown: false, reason: 'weight' });
    expect(cell(e, 'q1', 'group:A')?.shown).toBe(true);
    const warning = warnings.find((w) => w.includes('group "B"'))!;
    expect(warning).toMatch(
      /^warning: data\/2025\/responses\.csv: edition 2025: \d+ figures of group "B" \("idx", "sup", .*\) are withheld: the effective sample size of the answers is below minBase 30 \(the domain's is 4\.7 of n = 40; its largest weight, 100 of respondent no\. 437 of the 740 rows used, is 22\.9 % of its weight\)$/,
    );
    expect(e.suppressionNotes.filter((n) => n.domain === 'group:B').every((n) => n.reason === 'weight')).toBe(true);
  });

  it('leak: equal weights are not withheld for an effective n a rounding error below n = minBase', () => {
    // 30 × 0.1 does not sum to 3 exactly, so (Σw)²/Σw² is not exactly 30.
    const rows = [...randomRows(100, 'A', 6), ...randomRows(30, 'B', 7, () => 0.1), ...randomRows(100, 'C', 8)];
    const w = Float64Array.from({ length: 30 }, () => 0.1);
    const sum = w.reduce((a, b) => a + b, 0);
    expect((sum * sum) / w.reduce((a, b) => a + b * b, 0)).not.toBe(30);
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    expect(cell(model.editions[0]!, 'q1', 'group:B')?.shown).toBe(true);
    expect(warnings.filter((m) => m.includes('withheld'))).toEqual([]);
  });

  it('leak: a withheld group by weight triggers the complementary rule like a small base', () => {
    const rows = [...randomRows(400, 'A', 9), ...randomRows(36, 'B', 10), ...randomRows(4, 'B', 11, () => 100), ...randomRows(300, 'C', 12), ...randomRows(200, 'D', 13)];
    const { model } = build(study, [edition(study, 2025, rows)]);
    const e = model.editions[0]!;
    expect(cell(e, 'q1', 'group:B')).toEqual({ shown: false, reason: 'weight' });
    expect(cell(e, 'q1', 'group:D')).toEqual({ shown: false, reason: 'complementary' });
  });
});

describe('items without answers', () => {
  const study = testStudy({ minBase: 30 });
  const blank = (rows: Row[], item: string, group?: string) => rows.map((r) => (group === undefined || r.group === group ? { ...r, a: { ...r.a, [item]: 'cs' as Answer } } : r));

  it('silent: an item with no valid answer in one edition is named, and its dimension and index are not compared', () => {
    const { model, warnings } = build(study, [edition(study, 2024, sample(20)), edition(study, 2025, blank(sample(21), 'q2'))]);
    const e = model.editions[1]!;
    expect(e.itemsWithoutAnswers?.total).toEqual(['q2']);
    const stats = (id: string, domain = 'total') => e.indicators.find((x) => x.id === id)!.stats[domain]!;
    expect(stats('d3').mean.shown).toBe(true);
    expect(stats('d3').previous).toBeUndefined();
    expect(stats('idx').previous).toBeUndefined();
    expect(stats('d3', 'group:A').previous).toBeUndefined();
    // Built on other items: compared as before.
    expect(stats('d2').previous).toBeDefined();
    expect(stats('sup').previous).toBeDefined();
    expect(model.trends.find((t) => t.indicator === 'd3' && t.domain === 'total')!.points[1]!.change).toBeUndefined();
    expect(warnings).toContain('warning: data/2025/responses.csv: item "q2" has no valid answer in edition 2025: "d3", "idx" are computed without it');
    expect(warnings).toContain(
      'warning: data/2025/responses.csv: edition 2025: "idx", "d3" are not compared with 2024 (all respondents, group "A", group "B", group "C", group "D", region "n", region "s"): item "q2" has valid answers in only one of the two editions, so different items contribute',
    );
  });

  it('silent: an item unanswered in one group only is not compared in that group', () => {
    const { model, warnings } = build(study, [edition(study, 2024, sample(22)), edition(study, 2025, blank(sample(23), 'q5', 'C'))]);
    const e = model.editions[1]!;
    expect(e.itemsWithoutAnswers).toEqual({ 'group:C': ['q5'] });
    const d2 = e.indicators.find((x) => x.id === 'd2')!.stats;
    expect(d2['group:C']!.previous).toBeUndefined();
    expect(d2['group:B']!.previous).toBeDefined();
    expect(d2.total!.previous).toBeDefined();
    expect(warnings).toContain(
      'warning: data/2025/responses.csv: edition 2025: "idx", "d2" are not compared with 2024 (group "C"): item "q5" has valid answers in only one of the two editions, so different items contribute',
    );
  });

  it('silent: an item without answers in both editions leaves the comparison as it is', () => {
    const { model } = build(study, [edition(study, 2024, blank(sample(24), 'q2')), edition(study, 2025, blank(sample(25), 'q2'))]);
    expect(model.editions[1]!.indicators.find((x) => x.id === 'd3')!.stats.total!.previous).toBeDefined();
  });
});

describe('driver predictors', () => {
  const study = testStudy({ minBase: 30 });

  it('silent: a zero-variance driver predictor is named and the analysis runs without it', () => {
    const rows = sample(30).map((r) => ({ ...r, a: { ...r.a, q4: 3 as Answer } }));
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    const e = model.editions[0]!;
    expect(e.drivers.map((d) => d.domain)).toEqual(['total', 'group:A', 'group:B', 'group:C', 'group:D']);
    for (const d of e.drivers) {
      expect(d.predictors.map((p) => p.id)).toEqual(['q1', 'q5']);
      expect(d.excluded).toEqual([{ id: 'q4', label: { fi: 'q4', en: 'q4' }, reason: 'constant' }]);
      expect(d.predictors.reduce((a, p) => a + p.importance, 0)).toBeCloseTo(1, 12);
    }
    expect(e.driverGaps).toEqual([]);
    expect(warnings).toContain(
      'warning: data/2025/responses.csv: edition 2025: driver predictor "q4" has the same value for all of the respondents who answered the outcome and every predictor (all respondents, n = 1221, group "A", n = 400, group "B", n = 300, group "C", n = 300, group "D", n = 221): the key-driver analysis runs without it there',
    );
  });

  it('silent: an exactly collinear driver predictor is named with the one it repeats and left out', () => {
    const rows = sample(31).map((r) => ({ ...r, a: { ...r.a, q5: r.a!.q1! } }));
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    const total = model.editions[0]!.drivers.find((d) => d.domain === 'total')!;
    expect(total.predictors.map((p) => p.id)).toEqual(['q1', 'q4']);
    expect(total.excluded).toEqual([{ id: 'q5', label: { fi: 'q5', en: 'q5' }, reason: 'collinear', with: ['q1'] }]);
    expect(
      warnings.some((w) => w.includes('driver predictor "q5" is an exact linear combination of "q1" among the respondents who answered the outcome and every predictor (all respondents, n = 1221,')),
    ).toBe(true);
  });

  it('silent: a constant predictor in one group only is left out there only', () => {
    const rows = sample(32).map((r) => (r.group === 'B' ? { ...r, a: { ...r.a, q1: 4 as Answer } } : r));
    const { model } = build(study, [edition(study, 2025, rows)]);
    const drivers = model.editions[0]!.drivers;
    expect(drivers.find((d) => d.domain === 'group:B')!.excluded).toEqual([{ id: 'q1', label: { fi: 'q1', en: 'q1' }, reason: 'constant' }]);
    expect(drivers.find((d) => d.domain === 'total')!.excluded).toBeUndefined();
    const b = drivers.find((d) => d.domain === 'group:B')!;
    expect(b.predictors.map((p) => p.id)).toEqual(['q4', 'q5']);
    expect(b.predictors.reduce((a, p) => a + p.lmg, 0)).toBeCloseTo(b.r2, 13);
  });

  it('silent: a constant outcome and too few respondents give their own reasons, not "more respondents"', () => {
    const rows = [...sample(33).map((r) => ({ ...r, a: { ...r.a, y1: 4 as Answer, y2: 4 as Answer } }))];
    const { model, warnings } = build(study, [edition(study, 2025, rows)]);
    expect(model.editions[0]!.drivers).toEqual([]);
    expect(model.editions[0]!.driverGaps).toEqual(['total', 'group:A', 'group:B', 'group:C', 'group:D'].map((domain) => ({ domain, reason: 'outcome' })));
    expect(warnings).toContain(
      'warning: data/2025/responses.csv: edition 2025: no key-driver analysis for all respondents: the outcome "sup" has the same value for all 1221 respondents who answered the outcome and every predictor',
    );
    const small = build(study, [edition(study, 2025, [...sample(34).filter((r) => r.group !== 'D'), ...randomRows(20, 'D', 35)])]);
    // D is under the base; B (the smallest other group) is withheld as complementary, so its performance figures are.
    expect(small.model.editions[0]!.driverGaps).toEqual([
      { domain: 'group:B', reason: 'withheld' },
      { domain: 'group:D', reason: 'base' },
    ]);
    expect(small.warnings.filter((w) => w.includes('key-driver'))).toEqual([]);
  });
});

describe('floating-point noise', () => {
  const study = testStudy({ minBase: 30 });

  it('noise: NPS 100 in both editions is a change of exactly 0, not significant', () => {
    const promoters = (seed: number) => sample(seed).map((r, i) => ({ ...r, nps: 9 + (i % 2), weight: 0.3 + (i % 7) * 0.77 }));
    const { model } = build(study, [edition(study, 2024, promoters(40)), edition(study, 2025, promoters(41))]);
    const nps = model.editions[1]!.indicators.find((x) => x.id === 'nps')!.stats.total!;
    expect(nps.mean).toMatchObject({ shown: true, estimate: 100, se: 0, ci: [100, 100] });
    expect(nps.previous).toEqual({ difference: 0, se: 0, z: 0, p: 1, significant: false, noTest: true });
  });

  it('noise: answers that are all the same give that value exactly, with SE 0 (as R gives up to rounding)', () => {
    const w = Float64Array.from({ length: 50 }, (_, i) => 0.1 + i * 0.37);
    const e = surveyMean({ strata: new Uint16Array(50).map((_, i) => i % 3), weights: w, strataCount: 3 }, new Float64Array(50).fill(100))!;
    expect(e).toMatchObject({ estimate: 100, se: 0, ci: [100, 100], n: 50 });
  });

  it('noise: a 1e-14 difference over a 2e-16 SE is 0 and not significant', () => {
    expect(compareEstimates({ estimate: 100.00000000000001, se: 1.4e-16 }, { estimate: 99.99999999999999, se: 1.4e-16 })).toEqual({
      difference: 0,
      se: 0,
      z: 0,
      p: 1,
      significant: false,
      noTest: true,
    });
    expect(compareEstimates({ estimate: 100.00000000000001, se: 2 }, { estimate: 99.99999999999999, se: 2 })).toMatchObject({ difference: 0, z: 0, p: 1, significant: false });
  });

  it('noise: a real difference over a zero SE makes no test rather than an infinite z', () => {
    expect(compareEstimates({ estimate: 5, se: 0 }, { estimate: 4, se: 0 })).toEqual({ difference: 1, se: 0, z: 0, p: 1, significant: false, noTest: true });
  });

  it('noise: same answers within a group, different ones elsewhere: the group exact, the total as before', () => {
    const rows = [...repeat(40, { group: 'A', weight: 1.3, a: { q1: 5 } }), ...randomRows(60, 'B', 50)];
    const { model } = build(study, [edition(study, 2025, rows)]);
    expect(cell(model.editions[0]!, 'q1', 'group:A')).toMatchObject({ shown: true, estimate: 5, se: 0 });
    expect((cell(model.editions[0]!, 'q1') as { se: number }).se).toBeGreaterThan(0);
  });
});
