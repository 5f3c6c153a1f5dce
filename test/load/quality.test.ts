import { describe, expect, it } from 'vitest';
import { dataQuality } from '../../src/load/quality.ts';
import type { Study } from '../../src/study/schema.ts';
import { HEADER, parse, study } from './helpers.ts';

describe('dataQuality', () => {
  // Weights A: 1, 1, 2; B: 4; C: none.
  const text = [HEADER, 'a1,A,1,1,6,,5,,,1,muu', 'a2,A,1,2,6,,5,9,,1,muu', 'a3,A,2,3,,6,5,10,,1,muu', 'b1,B,4,4,2,,5,0,,1,muu', ''].join('\n');
  const data = parse(text, { ...study, minBase: 5 } as Study).data!;
  const q = dataQuality(data, study);

  it('weights in total: Kish effective n and design effect', () => {
    // Σw = 8, Σw² = 1 + 1 + 4 + 16 = 22; effective n = 64 / 22; deff = 4 / (64 / 22).
    expect(q.n).toBe(4);
    expect(q.weights.n).toBe(4);
    expect(q.weights.min).toBe(1);
    expect(q.weights.max).toBe(4);
    expect(q.weights.sum).toBe(8);
    expect(q.weights.effectiveN).toBeCloseTo(64 / 22, 12);
    expect(q.weights.designEffect).toBeCloseTo((4 * 22) / 64, 12);
  });

  it('rows and weights by group, every group of the study included', () => {
    expect(q.groups.map((g) => [g.code, g.n])).toEqual([
      ['A', 3],
      ['B', 1],
      ['C', 0],
    ]);
    expect(q.groups[0].weights).toEqual({ n: 3, min: 1, max: 2, sum: 4, effectiveN: 16 / 6, designEffect: 3 / (16 / 6) });
    expect(q.groups[1].weights).toEqual({ n: 1, min: 4, max: 4, sum: 4, effectiveN: 1, designEffect: 1 });
    expect(q.groups[2].weights).toEqual({ n: 0, min: NaN, max: NaN, sum: 0, effectiveN: 0, designEffect: NaN });
  });

  it("per item valid n, can't-say share among those answering, and blank share among all", () => {
    expect(q.items).toEqual([
      { id: 'int1', validN: 4, cantSayN: 0, missingN: 0, cantSayShare: 0, missingShare: 0 },
      { id: 'int2', validN: 1, cantSayN: 2, missingN: 1, cantSayShare: 2 / 3, missingShare: 0.25 },
      { id: 'int3', validN: 0, cantSayN: 1, missingN: 3, cantSayShare: 1, missingShare: 0.75 },
      { id: 'q4', validN: 4, cantSayN: 0, missingN: 0, cantSayShare: 0, missingShare: 0 },
    ]);
    expect(q.nps).toEqual({ id: 'nps', validN: 3, cantSayN: 0, missingN: 1, cantSayShare: 0, missingShare: 0.25 });
  });

  it('all weights 1 give a design effect of 1', () => {
    const flat = parse([HEADER, 'a1,A,1,1,2,3,4,5,,1,muu', 'a2,B,1,1,2,3,4,5,,1,muu', ''].join('\n')).data!;
    const fq = dataQuality(flat, study);
    expect(fq.weights.effectiveN).toBe(2);
    expect(fq.weights.designEffect).toBe(1);
  });
});
