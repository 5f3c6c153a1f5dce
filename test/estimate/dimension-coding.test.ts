// The three codings of a dimension's statistics, each against the plain
// definition (README, "dimensions": the mean of the items answered, if at least
// half, rounded up, were answered; the shares of the answered items), value by
// value and exactly, and the estimates of each against surveyMean (itself
// checked against R's survey package) to 1e-12 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerCode,
  BLANK,
  CANT_SAY,
  dimensionTier,
  dimensionVariables,
  DomainMoments,
  isAnswerCode,
  itemCodeMeans,
  respondentMeans,
  prepareDomains,
  surveyMean,
  type DimensionScale,
  type DimensionStatistic,
  type DimensionTier,
  type Design,
} from '../../src/estimate/index.ts';

/** A statistic's value per respondent: the column itself, or the score of each respondent's bin. */
function valuesOf(s: DimensionStatistic, n: number): number[] {
  const v = s.variable;
  if (v.kind === 'numeric') return Array.from({ length: n }, (_, i) => v.values[i]);
  return Array.from({ length: n }, (_, i) => {
    const b = v.bins[v.codes[i]];
    return b >= 0 ? s.score![b] : NaN;
  });
}

/** The definition, respondent by respondent: score, top-box share, then the share at each point. */
function plain(scale: DimensionScale, codes: Uint8Array[], n: number): number[][] {
  const points = scale.max - scale.min + 1;
  const needed = Math.max(1, Math.ceil(codes.length / 2));
  const out: number[][] = Array.from({ length: 2 + points }, () => []);
  for (let i = 0; i < n; i++) {
    const answers = codes.map((c) => c[i]).filter(isAnswerCode);
    const a = answers.length;
    const share = (f: (c: number) => boolean) => (a < needed ? NaN : answers.filter(f).length / a);
    out[0].push(a < needed ? NaN : answers.reduce((sum, c) => sum + (c + scale.min - 1), 0) / a);
    out[1].push(share((c) => c > points - scale.topBox));
    for (let p = 1; p <= points; p++) out[1 + p].push(share((c) => c === p));
  }
  return out;
}

/** n respondents' codes for m items, seeded: answers, some blank, some can't say. */
function randomCodes(m: number, n: number, points: number, seed: number): Uint8Array[] {
  let x = seed;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  return Array.from({ length: m }, () =>
    Uint8Array.from({ length: n }, () => {
      const u = next();
      return u < 0.1 ? BLANK : u < 0.15 ? CANT_SAY : answerCode(Math.floor(next() * points), 0);
    }),
  );
}

const scale: DimensionScale = { min: 1, max: 5, topBox: 2 };
const n = 240;
const design: Design = { strata: Uint16Array.from({ length: n }, (_, i) => i % 3), weights: Float64Array.from({ length: n }, (_, i) => 0.5 + ((i * 7) % 11) / 4), strataCount: 3 };
const domains = prepareDomains(design, [{ classes: 1 }, { codes: design.strata, classes: 3 }]);

describe('dimension coding', () => {
  const tiers: [DimensionTier, number][] = [
    ['joint', 4],
    ['pairs', 12],
    ['numeric', 30],
  ];
  for (const [tier, m] of tiers) {
    it(`codes ${m} items on a 5-point scale as '${tier}', giving every respondent the defined score and shares`, () => {
      expect(dimensionTier(5, m)).toBe(tier);
      const codes = randomCodes(m, n, 5, m);
      const v = dimensionVariables(scale, codes, n);
      const expected = plain(scale, codes, n);
      expect(v.statistics.length).toBe(expected.length);
      expect([...v.score]).toEqual(expected[0]);
      v.statistics.forEach((s, k) => expect(valuesOf(s, n), `statistic ${k}`).toEqual(expected[k]));
      const shared = v.statistics.every((s) => s.variable === v.statistics[0].variable);
      expect(shared).toBe(tier === 'joint');
      expect(v.statistics.every((s) => s.variable.kind === (tier === 'numeric' ? 'numeric' : 'coded'))).toBe(true);
    });

    it(`'${tier}': the estimates of every statistic equal surveyMean's in every domain`, () => {
      const codes = randomCodes(m, n, 5, 100 + m);
      const v = dimensionVariables(scale, codes, n);
      const expected = plain(scale, codes, n);
      const variables = [...new Set(v.statistics.map((s) => s.variable))];
      const moments = DomainMoments.compute(domains, variables);
      v.statistics.forEach((s, k) => {
        const at = variables.indexOf(s.variable);
        for (let d = 0; d < domains.domainCount; d++) {
          const mask = d === 0 ? undefined : Uint8Array.from(design.strata, (h) => (h === d - 1 ? 1 : 0));
          const slow = surveyMean(design, expected[k], mask)!;
          const fast = s.score ? moments.codedMean(at, d, s.score)! : moments.mean(at, d)!;
          expect(fast.n).toBe(slow.n);
          expect(fast.df).toBe(slow.df);
          expect(Math.abs(fast.estimate - slow.estimate)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(slow.estimate)));
          expect(Math.abs(fast.se - slow.se)).toBeLessThanOrEqual(1e-12 * slow.se + 1e-15);
        }
      });
    });
  }

  it('the three tiers give the same values wherever each fits (random scales and items)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 7 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 }), fc.nat(), (m, points, topBox, rows, seed) => {
        const s: DimensionScale = { min: 0, max: points - 1, topBox: Math.min(topBox, points) };
        const codes = randomCodes(m, rows, points, seed);
        const values = (tier: DimensionTier) => dimensionVariables(s, codes, rows, undefined, tier).statistics.map((x) => valuesOf(x, rows));
        const numeric = values('numeric');
        expect(values('pairs')).toEqual(numeric);
        if (dimensionTier(points, m) === 'joint') expect(values('joint')).toEqual(numeric);
        expect(numeric).toEqual(plain(s, codes, rows));
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});

describe('itemCodeMeans', () => {
  it('is respondentMeans of the answer values, exactly, on any scale (one starting at 3 000 000 000, and one near 2^52 where the sums are not exact, too)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 0, -5, 800_000_000, 3_000_000_000, 2 ** 52), fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 6 }), fc.nat(5000), (min, points, m, n) => {
        const codes = Array.from({ length: m }, (_, j) =>
          Uint8Array.from({ length: n }, (_, i) => {
            const r = (i * 7919 + j * 104729) % (points + 3);
            return r === points + 1 ? BLANK : r === points + 2 ? CANT_SAY : r === 0 ? BLANK : r;
          }),
        );
        const values = codes.map((c) => Float64Array.from(c, (code) => (code === BLANK || code === CANT_SAY ? NaN : code + min - 1)));
        expect(itemCodeMeans(codes, min, n)).toEqual(respondentMeans(values));
      }),
      { seed: 16, numRuns: 60 },
    );
  });
});
