import { describe, expect, it } from 'vitest';
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
