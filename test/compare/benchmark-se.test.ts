import { describe, expect, it } from 'vitest';
import { benchmarkSe } from '../../src/compare/index.ts';

describe('benchmarkSe', () => {
  it('is sd/√n', () => {
    expect(benchmarkSe(0.9, 400)).toBeCloseTo(0.045, 15);
    expect(benchmarkSe(0, 10)).toBe(0);
  });

  it('is undefined without both or for impossible values', () => {
    expect(benchmarkSe(undefined, 100)).toBeUndefined();
    expect(benchmarkSe(1)).toBeUndefined();
    expect(benchmarkSe()).toBeUndefined();
    expect(benchmarkSe(1, 0)).toBeUndefined();
    expect(benchmarkSe(-1, 10)).toBeUndefined();
    expect(benchmarkSe(NaN, 10)).toBeUndefined();
  });
});
