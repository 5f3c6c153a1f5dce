import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfAwayFromZero } from '../../src/estimate/index.ts';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [3.995, 2, 4],
    [2.4999, 2, 2.5],
    [2.445, 2, 2.45],
    [-1.005, 2, -1.01],
    [1.005, 2, 1.01],
    [-2.345, 2, -2.35],
    [1.0049999, 2, 1],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1.45, 1, 1.5],
    [1234.5, -2, 1200],
    [1250, -2, 1300],
    [0.004, 1, 0],
    [-0.004, 2, 0],
    [1e-7, 2, 0],
    [5e-7, 6, 0.000001],
    [1.23, 5, 1.23],
    [1e21, 2, 1e21],
  ])('%d at %d decimals is %d', (x, decimals, expected) => {
    expect(roundHalfAwayFromZero(x, decimals)).toBe(expected);
  });

  it('returns +0 for a zero result, and non-finite values as they are', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(-Infinity, 2)).toBe(-Infinity);
  });
});

describe('roundHalfAwayFromZero against Intl (ECMA-402 rounding of the shortest decimal string)', () => {
  // Intl.NumberFormat rounds a string as the exact decimal it spells, half away from zero
  // with roundingMode "halfExpand": the rule stated above, computed independently.
  const formats = new Map<number, Intl.NumberFormat>();
  const reference = (x: number, decimals: number) => {
    let nf = formats.get(decimals);
    if (!nf) formats.set(decimals, (nf = new Intl.NumberFormat('en', { maximumFractionDigits: decimals, roundingMode: 'halfExpand', useGrouping: false })));
    return Number(nf.format(String(x) as unknown as number).replace('\u2212', '-')) || 0;
  };
  it('agrees on doubles of every size, whole numbers and numbers at a half', () => {
    const half = fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, d]) => (n + 0.5) / 10 ** d);
    const number = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }), fc.integer(), half, fc.double({ min: -1, max: 1, noNaN: true }));
    fc.assert(
      fc.property(number, fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(roundHalfAwayFromZero(x, decimals)).toBe(reference(x, decimals));
      }),
      { numRuns: 20_000, seed: 20261128 },
    );
  });
});
