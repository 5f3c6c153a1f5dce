import { describe, expect, it } from 'vitest';
import { compareEstimates } from '../../src/compare/index.ts';

describe('compareEstimates', () => {
  it('tests the difference of two independent estimates', () => {
    const c = compareEstimates({ estimate: 3.6, se: 0.03 }, { estimate: 3.5, se: 0.04 })!;
    expect(c.difference).toBeCloseTo(0.1, 14);
    expect(c.se).toBeCloseTo(0.05, 14);
    expect(c.z).toBeCloseTo(2, 12);
    // R: 2 * pnorm(-2)
    expect(c.p).toBeCloseTo(0.045500263896358424, 14);
    expect(c.significant).toBe(true);
  });

  it('uses the SE of a alone when b has none', () => {
    const c = compareEstimates({ estimate: 3.4, se: 0.1 }, { estimate: 3.5 })!;
    expect(c.se).toBe(0.1);
    expect(c.z).toBeCloseTo(-1, 12);
    // R: 2 * pnorm(-1)
    expect(c.p).toBeCloseTo(0.31731050786291409, 14);
    expect(c.significant).toBe(false);
  });

  it('is symmetric in sign', () => {
    const a = { estimate: 60, se: 4 };
    const b = { estimate: 50, se: 3 };
    const ab = compareEstimates(a, b)!;
    const ba = compareEstimates(b, a)!;
    expect(ba.z).toBe(-ab.z);
    expect(ba.p).toBe(ab.p);
    expect(ab.p).toBeCloseTo(0.045500263896358424, 14);
  });

  it('returns undefined for a non-finite combined SE or difference', () => {
    expect(compareEstimates({ estimate: 1, se: NaN }, { estimate: 2, se: 1 })).toBeUndefined();
    expect(compareEstimates({ estimate: 1, se: Infinity }, { estimate: 2 })).toBeUndefined();
    expect(compareEstimates({ estimate: NaN, se: 1 }, { estimate: 2 })).toBeUndefined();
    expect(compareEstimates({ estimate: 1, se: -1 }, { estimate: 2 })).toBeUndefined();
  });

  it('makes no test when the combined SE is zero: z 0, p 1, not significant', () => {
    expect(compareEstimates({ estimate: 1, se: 0 }, { estimate: 2, se: 0 })).toEqual({ difference: -1, se: 0, z: 0, p: 1, significant: false, noTest: true });
    expect(compareEstimates({ estimate: 1, se: 0 }, { estimate: 2 })).toEqual({ difference: -1, se: 0, z: 0, p: 1, significant: false, noTest: true });
  });

  it('takes a difference within rounding of the operands as exactly 0', () => {
    const c = compareEstimates({ estimate: 100.00000000000001, se: 0.5 }, { estimate: 99.99999999999999, se: 0.5 })!;
    expect(c.difference).toBe(0);
    expect(c.z).toBe(0);
    expect(c.p).toBe(1);
    expect(c.significant).toBe(false);
    // Just above the noise it is a difference.
    expect(compareEstimates({ estimate: 1 + 1e-9, se: 1e-10 }, { estimate: 1, se: 1e-10 })!.difference).toBe(1 + 1e-9 - 1);
  });
});
