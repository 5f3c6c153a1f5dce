import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lmg, lmgByGroup, lmgFit, type LmgFit } from '../../src/estimate/index.ts';
import { fixtureDir, readCsv } from './fixture.ts';

const swiss = readCsv(`${fixtureDir('swiss')}swiss.csv`);
const column = (name: string) => Float64Array.from(swiss.rows, (r) => Number(r[swiss.header.indexOf(name)]));
const predictors = ['Agriculture', 'Examination', 'Education', 'Catholic', 'Infant.Mortality'].map(column);
const fertility = column('Fertility');
const ones = new Float64Array(fertility.length).fill(1);

describe('lmg', () => {
  // Grömping (2006), J. Stat. Softw. 17(1), https://doi.org/10.18637/jss.v017.i01:
  // calc.relimp(lm(Fertility ~ ., swiss), type = "lmg"). Tolerance 1e-7 absolute.
  it("reproduces relaimpo's LMG for R's swiss data", () => {
    const result = lmg(predictors, fertility, ones)!;
    expect(result.n).toBe(47);
    expect(result.r2).toBeCloseTo(0.706735, 7);
    const published = [0.05709122, 0.17117303, 0.26013468, 0.10557015, 0.11276592];
    result.importance.forEach((v, j) => expect(Math.abs(v - published[j])).toBeLessThan(1e-7));
    expect(result.share.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  // R 4.2.2: coef(lm(Fertility ~ ., swiss)) and with weights = seq(1, 3, length.out = 47).
  it('gives the raw least squares slopes and weighted R² of R lm', () => {
    const plain = lmg(predictors, fertility, ones)!;
    const lm = [-0.17211397094145539, -0.25800823983472415, -0.87094006293942372, 0.10411533074376744, 1.077048140690988];
    plain.coefficients.forEach((b, j) => expect(b).toBeCloseTo(lm[j], 10));
    expect(plain.r2).toBeCloseTo(0.70673500159272551, 12);
    const w = Float64Array.from(fertility, (_, i) => 1 + (2 * i) / 46);
    const weighted = lmg(predictors, fertility, w)!;
    const wlm = [-0.15413180607185353, -0.16484208959855842, -0.91618161543838628, 0.10588961182347065, 1.0811954567637243];
    weighted.coefficients.forEach((b, j) => expect(b).toBeCloseTo(wlm[j], 10));
    expect(weighted.r2).toBeCloseTo(0.71055509866655298, 12);
  });

  it('uses complete cases within the mask only', () => {
    const withGap = predictors.map((x) => Float64Array.from(x));
    withGap[2][0] = NaN;
    const mask = new Uint8Array(fertility.length).fill(1);
    mask[0] = 0;
    mask[1] = 0;
    const a = lmg(withGap, fertility, ones, mask)!;
    const rows = (x: ArrayLike<number>) => Float64Array.from(x).subarray(2);
    const b = lmg(predictors.map(rows), rows(fertility), rows(ones))!;
    expect(a.n).toBe(45);
    a.importance.forEach((v, j) => expect(v).toBeCloseTo(b.importance[j], 12));
  });

  it('returns undefined for too few cases, no predictors or a constant outcome, and says which', () => {
    const few = (x: ArrayLike<number>) => Float64Array.from(x).subarray(0, 6);
    expect(lmg(predictors.map(few), few(fertility), few(ones))).toBeUndefined();
    expect(lmgFit(predictors.map(few), few(fertility), few(ones))).toMatchObject({ available: false, reason: 'cases', n: 6 });
    expect(lmg([], fertility, ones)).toBeUndefined();
    expect(lmgFit([], fertility, ones)).toMatchObject({ available: false, reason: 'predictors' });
    expect(lmg([predictors[0]], new Float64Array(47).fill(1), ones)).toBeUndefined();
    expect(lmgFit([predictors[0]], new Float64Array(47).fill(1), ones)).toMatchObject({ available: false, reason: 'outcome', n: 47 });
    expect(lmgFit([new Float64Array(47).fill(3)], fertility, ones)).toMatchObject({ available: false, reason: 'predictors', dropped: [{ index: 0, reason: 'constant' }] });
  });

  it('drops a constant predictor and gives the others what lmg gives without it', () => {
    const without = lmg([predictors[0], predictors[2]], fertility, ones)!;
    const result = lmg([predictors[0], new Float64Array(47).fill(3), predictors[2]], fertility, ones)!;
    expect(result.dropped).toEqual([{ index: 1, reason: 'constant' }]);
    expect(result.importance[1]).toBe(0);
    expect(result.coefficients[1]).toBeNaN();
    expect(result.r2).toBeCloseTo(without.r2, 13);
    expect(result.importance[0]).toBeCloseTo(without.importance[0], 13);
    expect(result.importance[2]).toBeCloseTo(without.importance[1], 13);
    expect(result.coefficients[2]).toBeCloseTo(without.coefficients[1], 10);
  });

  it('drops a predictor that is a linear combination of earlier ones and names them', () => {
    const combination = predictors[0].map((v, i) => 2 * v - predictors[1][i]);
    const result = lmg([predictors[0], predictors[1], combination, predictors[2]], fertility, ones)!;
    expect(result.dropped).toEqual([{ index: 2, reason: 'collinear', with: [0, 1] }]);
    const without = lmg([predictors[0], predictors[1], predictors[2]], fertility, ones)!;
    expect(result.r2).toBeCloseTo(without.r2, 12);
    [0, 1, 3].forEach((j, a) => expect(result.importance[j]).toBeCloseTo(without.importance[a], 12));
    expect(result.importance[2]).toBe(0);
    // A copy of a predictor: the later one goes.
    expect(lmg([predictors[3], predictors[3]], fertility, ones)!.dropped).toEqual([{ index: 1, reason: 'collinear', with: [0] }]);
  });

  it("gives the complete cases' Kish effective n", () => {
    const w = Float64Array.from(fertility, (_, i) => 1 + (i % 3));
    const sum = w.reduce((a, b) => a + b, 0);
    const squares = w.reduce((a, b) => a + b * b, 0);
    expect(lmg(predictors, fertility, w)!.effectiveN).toBeCloseTo((sum * sum) / squares, 10);
  });

  it('gives a single predictor all of R² (its squared correlation)', () => {
    const one = lmg([predictors[2]], fertility, ones)!;
    expect(one.importance[0]).toBeCloseTo(one.r2, 14);
    expect(one.share[0]).toBeCloseTo(1, 14);
  });

  it('parts sum to R² (property)', () => {
    const data = fc.integer({ min: 1, max: 6 }).chain((p) =>
      fc.record({
        p: fc.constant(p),
        rows: fc.array(
          fc.record({
            x: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: p, maxLength: p }),
            y: fc.double({ min: -10, max: 10, noNaN: true }),
            w: fc.double({ min: 0.1, max: 5, noNaN: true }),
          }),
          { minLength: p + 2, maxLength: 40 },
        ),
      }),
    );
    fc.assert(
      fc.property(data, ({ p, rows }) => {
        const xs = Array.from({ length: p }, (_, j) => Float64Array.from(rows, (r) => r.x[j]));
        const result = lmg(
          xs,
          rows.map((r) => r.y),
          rows.map((r) => r.w),
        );
        if (result === undefined) return true;
        const sum = result.importance.reduce((a, b) => a + b, 0);
        return Math.abs(sum - result.r2) < 1e-9 && result.r2 >= -1e-12 && result.r2 <= 1 + 1e-12;
      }),
      { seed: 42 },
    );
  });
});

describe('lmgByGroup', () => {
  // The one-pass version must give what lmg gives on the whole data and on each
  // group's mask; the sums are merged (Chan, Golub & LeVeque 1979), so only the
  // last bits may differ: 1e-10 relative.
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));

  it("reproduces relaimpo's swiss values for the total when the data is cut into groups", () => {
    const groups = Uint16Array.from(fertility, (_, i) => i % 3);
    const result = lmgByGroup(predictors, fertility, ones, groups, 3).total;
    if (!result.available) throw new Error('no analysis');
    const published = [0.05709122, 0.17117303, 0.26013468, 0.10557015, 0.11276592];
    result.importance.forEach((v, j) => expect(Math.abs(v - published[j])).toBeLessThan(1e-7));
  });

  it('agrees with lmg on every group and the total, with weights and missing values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        let s = seed;
        const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
        const n = 120;
        const groupCount = 3;
        const groups = Uint16Array.from({ length: n }, () => Math.floor(random() * groupCount));
        const x = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => (random() < 0.05 ? NaN : 1 + Math.floor(random() * 5))));
        const y = Float64Array.from({ length: n }, (_, i) => 0.5 * x[0]![i]! + 0.3 * x[1]![i]! + random() * 2);
        const w = Float64Array.from({ length: n }, () => 0.5 + random() * 2);
        const together = lmgByGroup(x, y, w, groups, groupCount);
        const check = (fit: LmgFit, b: ReturnType<typeof lmg>) => {
          const a = fit.available ? fit : undefined;
          expect(a === undefined).toBe(b === undefined);
          if (!a || !b) return;
          expect(a.dropped).toEqual(b.dropped);
          expect(a.n).toBe(b.n);
          close(a.r2, b.r2);
          a.importance.forEach((v, j) => close(v, b.importance[j]!));
        };
        check(together.total, lmg(x, y, w));
        for (let g = 0; g < groupCount; g++)
          check(
            together.groups[g],
            lmg(
              x,
              y,
              w,
              Uint8Array.from(groups, (v) => (v === g ? 1 : 0)),
            ),
          );
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
