// Reference values: test/fixtures/r-survey/deff.json, computed by deff.R with R 4.2.2 and
// survey 4.1.1 as svymean(~x, subset(svydesign(ids=~1, strata=~group, weights=~weight,
// data=d), group == g), na.rm = TRUE, deff = "replace") and deff = TRUE, over respondents.csv.
// Tolerance: 1e-6 relative.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Design, designEffect, npsScores, respondentMeans, stratumDesignEffects } from '../../src/estimate/index.ts';
import { domainOf, fixtureDir, loadRespondents } from './fixture.ts';

interface Reference {
  r: string;
  survey: string;
  rows: { variable: string; domain: string; mean: number; se: number; n: number; sumWeights: number; deffReplace: number; deffWithout: number }[];
}

const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}deff.json`, 'utf8')) as Reference;
const d = loadRespondents();
const variables: Record<string, Float64Array> = { q1: d.q1, qmean: respondentMeans([d.q1, d.q2]), npsscore: npsScores(d.nps) };
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-6);

describe('designEffect against R survey', () => {
  it('covers three variables in the total and the four groups', () => {
    expect(reference.rows).toHaveLength(15);
  });

  for (const ref of reference.rows) {
    it(`${ref.variable} in ${ref.domain}: svymean(deff = "replace"), and deff = TRUE is it times N/(N − n)`, () => {
      const domain = ref.domain === 'total' ? undefined : domainOf(d.group, (g) => g === ref.domain);
      const result = designEffect(d.design, variables[ref.variable]!, domain)!;
      expect(result.n).toBe(ref.n);
      close(result.se, ref.se);
      close(result.designEffect, ref.deffReplace);
      // R's default compares with sampling without replacement from N = Σw: larger by N/(N − n).
      close((result.designEffect * ref.sumWeights) / (ref.sumWeights - ref.n), ref.deffWithout);
    });
  }

  it('is 1 for an unweighted mean of one sample, and undefined without variation or with one answer', () => {
    const design = { strata: new Uint16Array(8), weights: new Float64Array(8).fill(1), strataCount: 1 };
    expect(designEffect(design, Float64Array.from([1, 2, 2, 3, 5, 4, 3, 1]))!.designEffect).toBeCloseTo(1, 12);
    // A blank answer stays in the design (na.rm keeps the stratum's size of 8): 48/49, as R 4.2.2 gives for
    // svymean(~y, svydesign(ids=~1, weights=~w, data=data.frame(y=c(1,2,2,3,5,4,NA,1), w=1)), na.rm=TRUE, deff="replace").
    expect(designEffect(design, Float64Array.from([1, 2, 2, 3, 5, 4, NaN, 1]))!.designEffect).toBeCloseTo(48 / 49, 12);
    expect(designEffect(design, Float64Array.from([2, 2, 2, 2, 2, 2, 2, 2]))).toBeUndefined();
    expect(designEffect(design, Float64Array.from([2, NaN, NaN, NaN, NaN, NaN, NaN, NaN]))).toBeUndefined();
  });
});

describe('stratumDesignEffects', () => {
  // No tolerance: the same sums in the same order as one designEffect call per domain.
  const each = (design: Design, y: Float64Array) =>
    [undefined, ...Array.from({ length: design.strataCount }, (_, h) => domainOf([...design.strata], (s) => s === h))].map((mask) => designEffect(design, y, mask));

  it('is designEffect of the total and of each group, to the bit, on the R fixture', () => {
    for (const y of Object.values(variables)) expect(stratumDesignEffects(d.design, y)).toEqual(each(d.design, y));
  });

  // Weights of any size the loader lets through (positive and finite): everyday ones, tiny and huge ones, and 1.
  const weightArb = fc.oneof(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.constant(1));

  it('is designEffect of each domain on random designs: blanks, a constant stratum, an empty one, one answer, weights of any size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.nat(4), weightArb, fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined })), { minLength: 1, maxLength: 60 }),
        (H, rows) => {
          const kept = rows.filter(([s]) => s < H);
          const design: Design = { strata: Uint16Array.from(kept, ([s]) => s), weights: Float64Array.from(kept, ([, w]) => w), strataCount: H };
          // Stratum 1 answers 3 only, so that its answers are all the same.
          const y = Float64Array.from(kept, ([s, , v]) => (v === undefined ? NaN : s === 1 ? 3 : v));
          expect(stratumDesignEffects(design, y)).toEqual(each(design, y));
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});
