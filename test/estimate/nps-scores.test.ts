import { describe, expect, it } from 'vitest';
import { npsScores } from '../../src/estimate/index.ts';

describe('npsScores', () => {
  it('scores promoters, passives and detractors', () => {
    expect(Array.from(npsScores([0, 1, 5, 6, 7, 8, 9, 10, NaN]))).toEqual([-100, -100, -100, -100, 0, 0, 100, 100, NaN]);
  });

  it('treats values outside 0–10 as missing', () => {
    expect(Array.from(npsScores([-1, 11, 99]))).toEqual([NaN, NaN, NaN]);
  });

  it('has the NPS as its mean', () => {
    const s = npsScores([10, 9, 8, 3]);
    expect(s.reduce((a, b) => a + b, 0) / s.length).toBe(25);
  });
});
