import { describe, expect, it } from 'vitest';
import { indicator } from '../../src/estimate/index.ts';

describe('indicator', () => {
  it('gives 1, 0 and NaN for missing', () => {
    expect(Array.from(indicator([1, 4, 5, NaN, 3], (v) => v >= 4))).toEqual([0, 1, 1, NaN, 0]);
  });

  it('does not call the predicate on a missing value', () => {
    const seen: number[] = [];
    indicator([NaN, 2], (v) => (seen.push(v), true));
    expect(seen).toEqual([2]);
  });
});
