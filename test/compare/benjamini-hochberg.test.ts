import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/compare/index.ts';

// Expected values: R 4.2.2, p.adjust(p, method = "BH") in test/fixtures/r-padjust/padjust.R
// over pvalues.csv (50 p-values with ties, ones, 1e-12 and values at 0.05).
const reference = JSON.parse(readFileSync(new URL('../fixtures/r-padjust/padjust.json', import.meta.url), 'utf8')) as { p: number[]; bh: number[] };

describe('benjaminiHochberg', () => {
  it("equals R's p.adjust(method = 'BH') to 1e-15", () => {
    const adjusted = benjaminiHochberg(reference.p);
    expect(adjusted).toHaveLength(reference.bh.length);
    adjusted.forEach((value, i) => expect(Math.abs(value - reference.bh[i])).toBeLessThan(1e-15));
  });

  it('the example of its doc comment: m·p(i)/i, then the running minimum from the largest', () => {
    // 0.01·3/1 = 0.03; 0.03·3/2 = 0.045 → min(0.045, 0.04) = 0.04; 0.04·3/3 = 0.04.
    expect(benjaminiHochberg([0.01, 0.04, 0.03])).toEqual([0.03, 0.04, 0.04]);
  });

  it('never lowers a p-value, never exceeds 1, and keeps the order of the p-values', () => {
    const adjusted = benjaminiHochberg(reference.p);
    reference.p.forEach((p, i) => {
      expect(adjusted[i]).toBeGreaterThanOrEqual(p);
      expect(adjusted[i]).toBeLessThanOrEqual(1);
      reference.p.forEach((q, j) => {
        if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
      });
    });
  });

  it('nothing to adjust', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([0.2])).toEqual([0.2]);
  });
});
