// Reference values: test/fixtures/r-survey/reference.json, computed by reference.R
// with R 4.2.2 and survey 4.1.1 as
//   svymean(~x, subset(svydesign(ids=~1, strata=~group, weights=~weight, data=d), cond), na.rm=TRUE)
// Tolerances: means 1e-9 absolute, standard errors 1e-6 relative.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicator, npsScores, respondentMeans, surveyMean, type Design } from '../../src/estimate/index.ts';
import { domainOf, fixtureDir, loadRespondents } from './fixture.ts';

interface Reference {
  R: string;
  survey: string;
  results: { variable: string; by: 'total' | 'group' | 'region'; level: string | null; mean: number; se: number; n: number }[];
}

const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}reference.json`, 'utf8')) as Reference;
const d = loadRespondents();

const variables: Record<string, Float64Array> = {
  q1: d.q1,
  q2: d.q2,
  qmean: respondentMeans([d.q1, d.q2]),
  npsscore: npsScores(d.nps),
  top2: indicator(d.q1, (v) => v >= 4 && v <= 5),
};
for (let k = 1; k <= 5; k++) variables[`q1_${k}`] = indicator(d.q1, (v) => v === k);

function domainFor(by: string, level: string | null): Uint8Array | undefined {
  if (by === 'group') return domainOf(d.group, (g) => g === level);
  if (by === 'region') return domainOf(d.region, (r) => r === level);
  return undefined;
}

describe('surveyMean against R survey', () => {
  it('covers every variable and domain of the reference', () => {
    expect(reference.results).toHaveLength(Object.keys(variables).length * 8);
  });

  for (const ref of reference.results) {
    it(`${ref.variable} ${ref.by}${ref.level ? ` ${ref.level}` : ''}`, () => {
      const m = surveyMean(d.design, variables[ref.variable], domainFor(ref.by, ref.level));
      expect(m).toBeDefined();
      expect(Math.abs(m!.estimate - ref.mean)).toBeLessThan(1e-9);
      if (ref.se === 0) expect(m!.se).toBeLessThan(1e-15);
      else expect(Math.abs(m!.se / ref.se - 1)).toBeLessThan(1e-6);
      expect(m!.n).toBe(ref.n);
    });
  }
});

describe('surveyMean', () => {
  it('gives the interval, n, effective n and sum of weights', () => {
    const m = surveyMean(d.design, d.q1)!;
    expect(m.ci[0]).toBeCloseTo(m.estimate - 1.959963984540054 * m.se, 14);
    expect(m.ci[1]).toBeCloseTo(m.estimate + 1.959963984540054 * m.se, 14);
    let sw = 0;
    let sww = 0;
    let n = 0;
    d.q1.forEach((v, i) => {
      if (Number.isNaN(v)) return;
      n++;
      sw += d.weight[i];
      sww += d.weight[i] ** 2;
    });
    expect(m.n).toBe(n);
    expect(m.sumWeights).toBeCloseTo(sw, 10);
    expect(m.effectiveN).toBeCloseTo((sw * sw) / sww, 10);
    expect(m.effectiveN).toBeLessThan(n);
  });

  it('returns undefined without a valid answer', () => {
    expect(surveyMean(d.design, new Float64Array(d.q1.length).fill(NaN))).toBeUndefined();
    expect(surveyMean(d.design, d.q1, new Uint8Array(d.q1.length))).toBeUndefined();
    expect(surveyMean({ strata: new Uint16Array(0), weights: new Float64Array(0), strataCount: 1 }, [])).toBeUndefined();
  });

  it('gives a single-respondent stratum zero variance (lonely PSU as certainty)', () => {
    const design: Design = { strata: Uint16Array.of(0, 0, 0, 1), weights: Float64Array.of(1, 2, 3, 4), strataCount: 2 };
    const y = [1, 2, 4, 10];
    const only = surveyMean(design, y, Uint8Array.of(0, 0, 0, 1))!;
    expect(only.estimate).toBe(10);
    expect(only.se).toBe(0);
  });

  it('does not change when every weight is multiplied by a constant', () => {
    const scaled: Design = { ...d.design, weights: d.weight.map((w) => w * 37.25) };
    for (const y of Object.values(variables)) {
      for (const domain of [undefined, domainFor('group', 'B'), domainFor('region', 'east')]) {
        const a = surveyMean(d.design, y, domain)!;
        const b = surveyMean(scaled, y, domain)!;
        expect(b.estimate).toBeCloseTo(a.estimate, 12);
        expect(b.se / a.se).toBeCloseTo(1, 12);
        expect(b.effectiveN).toBeCloseTo(a.effectiveN, 9);
      }
    }
  });

  it('does not depend on the order of the rows', () => {
    const order = Array.from(d.q1, (_, i) => i).reverse();
    order.push(order.shift()!);
    const permute = <T extends ArrayLike<number>>(x: T) => Float64Array.from(order, (i) => x[i]);
    const design: Design = { strata: Uint16Array.from(order, (i) => d.design.strata[i]), weights: permute(d.weight), strataCount: 4 };
    const region = order.map((i) => d.region[i]);
    for (const y of Object.values(variables)) {
      const a = surveyMean(d.design, y, domainFor('region', 'north'))!;
      const b = surveyMean(
        design,
        permute(y),
        domainOf(region, (r) => r === 'north'),
      )!;
      expect(b.estimate).toBeCloseTo(a.estimate, 12);
      expect(b.se / a.se).toBeCloseTo(1, 12);
    }
  });

  it('estimates a group domain as the group on its own (strata are independent)', () => {
    for (const [h, g] of d.groups.entries()) {
      const rows = d.group.flatMap((x, i) => (x === g ? [i] : []));
      const alone: Design = { strata: new Uint16Array(rows.length), weights: Float64Array.from(rows, (i) => d.weight[i]), strataCount: 1 };
      for (const y of Object.values(variables)) {
        const domain = surveyMean(d.design, y, domainFor('group', g))!;
        const own = surveyMean(
          alone,
          Float64Array.from(rows, (i) => y[i]),
        )!;
        expect(domain.estimate, `group ${h}`).toBeCloseTo(own.estimate, 12);
        expect(domain.se).toBeCloseTo(own.se, 12);
      }
    }
  });
});

// Properties on random stratified samples.
const sample = fc
  .array(
    fc.record({
      stratum: fc.integer({ min: 0, max: 2 }),
      weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
      y: fc.oneof(fc.constant(NaN), fc.integer({ min: 1, max: 5 }), fc.double({ min: -100, max: 100, noNaN: true })),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) => ({
    design: { strata: Uint16Array.from(rows, (r) => r.stratum), weights: Float64Array.from(rows, (r) => r.weight), strataCount: 3 } as Design,
    y: Float64Array.from(rows, (r) => r.y),
  }));

describe('surveyMean properties', () => {
  it('lies within [min, max] of the values', () => {
    fc.assert(
      fc.property(sample, ({ design, y }) => {
        const m = surveyMean(design, y);
        const valid = Array.from(y).filter((v) => !Number.isNaN(v));
        if (valid.length === 0) return m === undefined;
        const span = Math.max(...valid) - Math.min(...valid);
        const eps = 1e-12 * Math.max(1, Math.abs(Math.max(...valid)), Math.abs(Math.min(...valid)));
        return m !== undefined && m.estimate >= Math.min(...valid) - eps && m.estimate <= Math.max(...valid) + eps && m.se <= span + eps;
      }),
      { seed: 42 },
    );
  });

  // With uᵢ = wᵢ(yᵢ − ȳ) and S_h = Σ_{i∈h}(uᵢ − ū_h)², Var = Σ_h n_h/(n_h − 1) · S_h / (Σw)².
  // Doubling every respondent keeps ȳ and the uᵢ, doubles S_h, n_h and Σw:
  // Var₂ = Σ_h 2n_h/(2n_h − 1) · 2S_h / (2Σw)² = Σ_h n_h/(2n_h − 1) · S_h / (Σw)².
  // Stratum by stratum Var₂/Var = (n_h − 1)/(2n_h − 1), between 1/3 (n_h = 2) and 1/2, so
  // SE/SE₂ lies in (√2, √3] and tends to √2 as the strata grow. Both variances are also
  // checked against this closed form to 1e-9 relative.
  it('doubling every respondent keeps the estimate and shrinks the SE by about √2', () => {
    fc.assert(
      fc.property(sample, ({ design, y }) => {
        const rows = y.length;
        const twice: Design = {
          strata: Uint16Array.from({ length: 2 * rows }, (_, i) => design.strata[i % rows]),
          weights: Float64Array.from({ length: 2 * rows }, (_, i) => design.weights[i % rows]),
          strataCount: design.strataCount,
        };
        const y2 = Float64Array.from({ length: 2 * rows }, (_, i) => y[i % rows]);
        const a = surveyMean(design, y);
        const b = surveyMean(twice, y2);
        if (a === undefined) return b === undefined;
        if (b === undefined) return false;
        const scale = Math.max(1, Math.abs(a.estimate));
        if (Math.abs(b.estimate - a.estimate) > 1e-12 * scale) return false;
        if (a.se < 1e-12 * scale) return b.se < 1e-12 * scale;
        const ratio = a.se / b.se;
        if (ratio < Math.SQRT2 * (1 - 1e-12) || ratio > Math.sqrt(3) * (1 + 1e-12)) return false;
        // Exact, from the stratum sums of squares S_h of uᵢ = wᵢ(yᵢ − ȳ) (zero for a missing answer).
        const sizes = new Float64Array(3);
        const sums = new Float64Array(3);
        design.strata.forEach((h) => sizes[h]++);
        const u = Array.from(y, (v, i) => (Number.isNaN(v) ? 0 : design.weights[i] * (v - a.estimate)));
        u.forEach((v, i) => (sums[design.strata[i]] += v));
        const ss = new Float64Array(3);
        u.forEach((v, i) => (ss[design.strata[i]] += (v - sums[design.strata[i]] / sizes[design.strata[i]]) ** 2));
        let var1 = 0;
        let var2 = 0;
        for (let h = 0; h < 3; h++) {
          if (sizes[h] >= 2) var1 += (sizes[h] / (sizes[h] - 1)) * ss[h];
          if (sizes[h] >= 1) var2 += (sizes[h] / (2 * sizes[h] - 1)) * ss[h];
        }
        const sw = a.sumWeights;
        return Math.abs((a.se * sw) ** 2 / var1 - 1) < 1e-9 && Math.abs((b.se * sw) ** 2 / var2 - 1) < 1e-9;
      }),
      { seed: 42 },
    );
  });

  it("a group's estimate and SE do not depend on other groups' answers", () => {
    fc.assert(
      fc.property(sample, fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 60, maxLength: 60 }), ({ design, y }, other) => {
        const domain = Uint8Array.from(design.strata, (h) => (h === 0 ? 1 : 0));
        const changed = y.map((v, i) => (design.strata[i] === 0 ? v : other[i]));
        const a = surveyMean(design, y, domain);
        const b = surveyMean(design, changed, domain);
        if (a === undefined) return b === undefined;
        return b !== undefined && a.estimate === b.estimate && a.se === b.se;
      }),
      { seed: 42 },
    );
  });
});
