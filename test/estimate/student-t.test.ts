// Student's t quantiles against R's qt (R 4.2.2): test/fixtures/r-survey/qt.R
// writes qt.json for 1–60, 61–1200 by 7 and larger degrees of freedom.
// Tolerance 1e-13 relative: the exact series accumulates rounding over up to
// 500 terms (R's own qt refines to about 1e-14).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { studentTQuantile, Z975 } from '../../src/estimate/index.ts';
import { fixtureDir } from './fixture.ts';

/** qnorm(0.995) as R gives it. */
const Z995 = 2.5758293035489004;

const reference = JSON.parse(readFileSync(`${fixtureDir('r-survey')}qt.json`, 'utf8')) as { values: [number, number, number][] };

describe('studentTQuantile', () => {
  it('equals R qt(0.975, df) and qt(0.995, df) to 1e-13 relative', () => {
    for (const [df, q975, q995] of reference.values) {
      expect(Math.abs(studentTQuantile(0.975, df, Z975) / q975 - 1), `df ${df}`).toBeLessThan(1e-13);
      expect(Math.abs(studentTQuantile(0.995, df, Z995) / q995 - 1), `df ${df}`).toBeLessThan(1e-13);
    }
    expect(reference.values.length).toBeGreaterThan(200);
  });

  it('is NaN without a whole number of degrees of freedom, and 0 at the median', () => {
    expect(studentTQuantile(0.975, 0, Z975)).toBeNaN();
    expect(studentTQuantile(0.975, 2.5, Z975)).toBeNaN();
    expect(studentTQuantile(0.5, 7, 0)).toBe(0);
  });
});
