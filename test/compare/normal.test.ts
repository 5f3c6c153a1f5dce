import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from '../../src/compare/index.ts';

// R 4.2.2: sprintf("%.17g", pnorm(x)), pnorm(x, lower.tail = FALSE) and 2 * pnorm(-abs(z)).
// Tolerance 1e-12 relative.
const cdf: [number, number, number][] = [
  [-37.5, 4.6053530095819552e-308, 1],
  [-10, 7.6198530241605269e-24, 1],
  [-8, 6.2209605742717849e-16, 0.99999999999999933],
  [-5.7, 5.9903714010635279e-9, 0.99999999400962858],
  [-3, 0.0013498980316300946, 0.9986501019683699],
  [-1.96, 0.024997895148220428, 0.97500210485177963],
  [-0.6744, 0.25002852137294063, 0.74997147862705937],
  [-0.5, 0.30853753872598694, 0.69146246127401301],
  [0, 0.5, 0.5],
  [1e-17, 0.5, 0.5],
  [0.3, 0.61791142218895267, 0.38208857781104733],
  [0.6745, 0.75000325713630078, 0.24999674286369922],
  [1, 0.84134474606854293, 0.15865525393145705],
  [1.96, 0.97500210485177963, 0.024997895148220428],
  [2.5, 0.99379033467422384, 0.0062096653257761349],
  [3, 0.9986501019683699, 0.0013498980316300946],
  [5.6, 0.99999998928240974, 1.071759025831093e-8],
  [5.7, 0.99999999400962858, 5.9903714010635279e-9],
  [8, 0.99999999999999933, 6.2209605742717849e-16],
  [8.3, 1, 5.2055697448902552e-17],
];
const twoSided: [number, number][] = [
  [0, 1],
  [0.5, 0.61707507745197387],
  [1.96, 0.049995790296440856],
  [3, 0.0026997960632601892],
  [8, 1.244192114854357e-15],
  [-8, 1.244192114854357e-15],
  [12, 3.5529642241553581e-33],
];

const relative = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a / b - 1));

describe('normalCdf', () => {
  it.each(cdf)('Φ(%d) matches R pnorm', (x, lower) => {
    expect(relative(normalCdf(x), lower)).toBeLessThan(1e-12);
  });

  it.each(cdf)('1 − Φ(%d) via twoSidedP matches R pnorm upper tail', (x, _lower, upper) => {
    if (x >= 0) expect(relative(twoSidedP(x) / 2, upper)).toBeLessThan(1e-12);
  });

  it('is 0 and 1 far out, NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(NaN)).toBeNaN();
  });
});

describe('twoSidedP', () => {
  it.each(twoSided)('p(%d) matches R 2 * pnorm(-abs(z))', (z, p) => {
    expect(relative(twoSidedP(z), p)).toBeLessThan(1e-12);
  });

  it('is NaN for NaN', () => {
    expect(twoSidedP(NaN)).toBeNaN();
  });
});
