import { describe, expect, it } from 'vitest';
import { respondentMeans } from '../../src/estimate/index.ts';

describe('respondentMeans', () => {
  it('needs 2 of 3 answers by default (half rounded up)', () => {
    const m = respondentMeans([
      [1, 1, NaN, NaN],
      [2, NaN, NaN, 4],
      [3, 5, 5, NaN],
    ]);
    expect(Array.from(m)).toEqual([2, 3, NaN, NaN]);
  });

  it('needs 1 of 2 answers by default', () => {
    const m = respondentMeans([
      [1, NaN, NaN],
      [3, 4, NaN],
    ]);
    expect(Array.from(m)).toEqual([2, 4, NaN]);
  });

  it('takes other minimum shares', () => {
    const cols = [
      [1, 1, 1],
      [2, 2, NaN],
      [3, NaN, NaN],
    ];
    expect(Array.from(respondentMeans(cols, 1))).toEqual([2, NaN, NaN]);
    expect(Array.from(respondentMeans(cols, 0))).toEqual([2, 1.5, 1]);
    // 10 · 0.3 is 3.0000000000000004 in binary; 3 answers of 10 suffice.
    const ten = Array.from({ length: 10 }, (_, j) => [j < 3 ? 1 : NaN]);
    expect(respondentMeans(ten, 0.3)[0]).toBe(1);
  });

  it('returns an empty array without columns and reads up to the shortest column', () => {
    expect(respondentMeans([])).toHaveLength(0);
    expect(respondentMeans([[1, 2, 3], [1]])).toHaveLength(1);
  });
});
