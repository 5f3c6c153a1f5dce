// Invariants of the report model on random editions (fast-check, fixed seeds):
// the weights' scale and the row order change nothing, and a withheld cell stays
// withheld in every output. Tolerances: estimates 1e-10 absolute, SEs 1e-9 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editionJson, indicatorsCsv, reportJson } from '../../src/export/index.ts';
import { surveyMean } from '../../src/estimate/index.ts';
import type { Cell, ReportModel } from '../../src/model/types.ts';
import { edition, report, testStudy, valuesOf, type Answer, type Row } from './build.ts';

const study = testStudy({ minBase: 8 });
const items = ['q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2'];

const answer: fc.Arbitrary<Answer> = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom<Answer>('cs', '') });
const rowArb: fc.Arbitrary<Row> = fc.record({
  group: fc.constantFrom('A', 'A', 'A', 'B', 'B', 'C', 'D'),
  weight: fc.double({ min: 0.2, max: 5, noNaN: true }),
  a: fc.record(Object.fromEntries(items.map((id) => [id, answer])) as Record<string, fc.Arbitrary<Answer>>),
  nps: fc.integer({ min: 0, max: 10 }),
  region: fc.constantFrom('n', 's', 'x'),
});
/** Two editions of 20–80 respondents each. */
const editionsArb = fc.tuple(fc.array(rowArb, { minLength: 20, maxLength: 80 }), fc.array(rowArb, { minLength: 20, maxLength: 80 }));

function build(rows2024: Row[], rows2025: Row[]): ReportModel {
  return report(study, [edition(study, 2024, rows2024), edition(study, 2025, rows2025)], { benchmarks: [{ year: 2025, indicator: 'idx', mean: 3, sd: 1, n: 50 }] });
}

function expectCellsEqual(a: Cell, b: Cell, where: string): void {
  expect(b.shown, where).toBe(a.shown);
  if (!a.shown || !b.shown) {
    expect(b, where).toEqual(a);
    return;
  }
  expect(Math.abs(b.estimate - a.estimate), where).toBeLessThan(1e-10);
  if (a.se === 0) expect(b.se, where).toBeLessThan(1e-12);
  else expect(Math.abs(b.se / a.se - 1), where).toBeLessThan(1e-9);
  expect(b.n, where).toBe(a.n);
  expect(Math.abs(b.effectiveN / a.effectiveN - 1), where).toBeLessThan(1e-9);
  expect(b.band, where).toBe(a.band);
}

/** The same figures, shown and withheld alike, to the tolerances above. */
function expectSameFigures(a: ReportModel, b: ReportModel): void {
  a.editions.forEach((ea, k) => {
    const eb = b.editions[k]!;
    expect(eb.suppressionNotes).toEqual(ea.suppressionNotes);
    ea.indicators.forEach((ia, j) => {
      const ib = eb.indicators[j]!;
      expect(Object.keys(ib.stats)).toEqual(Object.keys(ia.stats));
      for (const [key, sa] of Object.entries(ia.stats)) {
        const sb = ib.stats[key]!;
        const where = `${ea.year} ${ia.id} ${key}`;
        for (const part of ['mean', 'topBox', 'cantSay', 'promoters', 'passives', 'detractors'] as const) {
          expect(sb[part] === undefined, `${where} ${part}`).toBe(sa[part] === undefined);
          if (sa[part]) expectCellsEqual(sa[part], sb[part]!, `${where} ${part}`);
        }
        sa.distribution?.forEach((c, p) => expectCellsEqual(c, sb.distribution![p]!, `${where} share ${p}`));
        expect(sb.previous === undefined, where).toBe(sa.previous === undefined);
        if (sa.previous) {
          expect(sb.previous!.z).toBeCloseTo(sa.previous.z, 7);
          expect(sb.previous!.significant).toBe(sa.previous.significant);
        }
        expect(sb.benchmark?.comparison?.z ?? 0).toBeCloseTo(sa.benchmark?.comparison?.z ?? 0, 7);
      }
    });
    expect(eb.drivers.map((d) => d.domain)).toEqual(ea.drivers.map((d) => d.domain));
    ea.drivers.forEach((da, j) => {
      const db = eb.drivers[j]!;
      expect(db.r2).toBeCloseTo(da.r2, 10);
      expect(db.predictors.map((p) => p.quadrant)).toEqual(da.predictors.map((p) => p.quadrant));
      da.predictors.forEach((p, q) => expect(db.predictors[q]!.importance).toBeCloseTo(p.importance, 9));
    });
  });
}

describe('model invariants', () => {
  it('multiplying every weight by a constant changes no estimate, SE, status or comparison', () => {
    fc.assert(
      fc.property(editionsArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), ([r24, r25], c) => {
        const scale = (rows: Row[]) => rows.map((r) => ({ ...r, weight: r.weight! * c }));
        expectSameFigures(build(r24, r25), build(scale(r24), scale(r25)));
      }),
      { seed: 4242, numRuns: 40 },
    );
  });

  it('the order of the rows changes nothing', () => {
    fc.assert(
      fc.property(
        editionsArb.chain(([r24, r25]) => fc.tuple(fc.constant(r24), fc.constant(r25), fc.shuffledSubarray(r24, { minLength: r24.length }), fc.shuffledSubarray(r25, { minLength: r25.length }))),
        ([r24, r25, s24, s25]) => {
          expectSameFigures(build(r24, r25), build(s24, s25));
        },
      ),
      { seed: 1913, numRuns: 40 },
    );
  });

  it('a withheld cell is withheld in the model JSON, the CSV and the edition JSON', () => {
    fc.assert(
      fc.property(editionsArb, ([r24, r25]) => {
        const m = build(r24, r25);
        const json = JSON.parse(reportJson(m)) as ReportModel;
        const csv = new Map<string, string[]>();
        for (const line of indicatorsCsv(m).split('\n')) {
          const prefix = line.split(',').slice(0, 4).join(',');
          csv.set(prefix, [...(csv.get(prefix) ?? []), line]);
        }
        for (const [k, e] of m.editions.entries()) {
          const ej = (JSON.parse(editionJson(m, e)) as { edition: ReportModel['editions'][number] }).edition;
          for (const [j, ind] of e.indicators.entries()) {
            for (const [key, s] of Object.entries(ind.stats)) {
              if (s.mean.shown) continue;
              const { reason } = s.mean;
              expect(json.editions[k]!.indicators[j]!.stats[key]!.mean).toEqual({ shown: false, reason });
              expect(ej.indicators[j]!.stats[key]!.mean).toEqual({ shown: false, reason });
              const d = e.domains.find((x) => x.key === key)!;
              const rows = csv.get(`${e.year},${d.breakdown},${d.code ?? 'total'},${ind.id}`) ?? [];
              expect(rows.length).toBeGreaterThan(0);
              for (const row of rows) expect(row).toMatch(/,[a-z_0-9]+\.suppressed,(base|complementary|weight)$/);
            }
          }
        }
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it("the withheld value's digits appear nowhere in any output", () => {
    // Group C has 6 answers (minBase 8): withheld; B (9) is then complementary.
    const rows: Row[] = [
      ...Array.from({ length: 20 }, (_, i) => ({ group: 'A', weight: 1 + i / 7, a: { q1: 1 + (i % 5) } })),
      ...Array.from({ length: 9 }, (_, i) => ({ group: 'B', weight: 1.3 + i / 11, a: { q1: 1 + ((i * 2) % 5) } })),
      ...Array.from({ length: 6 }, (_, i) => ({ group: 'C', weight: 0.7 + i / 3, a: { q1: [2, 5, 4, 1, 5, 3][i]! } })),
    ];
    const data = edition(study, 2025, rows);
    const m = report(study, [data]);
    const design = { strata: data.group, weights: data.weight, strataCount: 4 };
    const hidden = [0, 1, 2].flatMap((g) => {
      if (g === 0) return [];
      const e = surveyMean(
        design,
        valuesOf(study, data, 'q1'),
        Uint8Array.from(data.group, (x) => (x === g ? 1 : 0)),
      )!;
      // The group's n and effective n are public in the respondent summary; the estimate is not.
      return [e.estimate, e.se, e.ci[0], e.ci[1]];
    });
    const q1 = m.editions[0]!.indicators.find((x) => x.id === 'q1')!;
    expect(q1.stats['group:C']!.mean).toEqual({ shown: false, reason: 'base' });
    expect(q1.stats['group:B']!.mean).toEqual({ shown: false, reason: 'complementary' });
    const outputs = [reportJson(m), editionJson(m, m.editions[0]!), indicatorsCsv(m)];
    for (const value of hidden) {
      // The full digits, and the first six significant digits (as a rounded display would start).
      for (const digits of [String(value), value.toPrecision(6).replace(/0+$/, '')]) for (const out of outputs) expect(out).not.toContain(digits);
    }
    const cRows = indicatorsCsv(m)
      .split('\n')
      .filter((l) => l.startsWith('2025,group,C,q1,'));
    expect(cRows).toEqual([
      '2025,group,C,q1,item,mean.suppressed,base',
      '2025,group,C,q1,item,top_box.suppressed,base',
      ...[1, 2, 3, 4, 5].map((p) => `2025,group,C,q1,item,share_${p}.suppressed,base`),
      '2025,group,C,q1,item,cant_say.suppressed,base',
    ]);
  });
});
