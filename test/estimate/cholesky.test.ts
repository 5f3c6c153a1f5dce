// The Cholesky factorisation and its solves. Expected values: the worked
// example of https://en.wikipedia.org/wiki/Cholesky_decomposition#Example
// (exact in binary), the doc comments' examples, and L Lᵀ = A on random
// positive definite matrices to 1e-12 relative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskyRow, solveLower, solveUpper } from '../../src/estimate/cholesky.ts';

const at = (a: number[][]) => (j: number, k: number) => a[j][k];

describe('cholesky', () => {
  it('factors the worked example exactly', () => {
    const l = new Float64Array(9);
    expect(
      cholesky(
        3,
        at([
          [4, 12, -16],
          [12, 37, -43],
          [-16, -43, 98],
        ]),
        l,
      ),
    ).toBe(true);
    expect([...l]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('gives the examples of its doc comments', () => {
    const l = new Float64Array(4);
    l[0] = 2;
    expect(choleskyRow(l, 2, 1, () => 2, 5)).toBe(4);
    expect(l[2]).toBe(1);
    expect(
      cholesky(
        2,
        at([
          [4, 2],
          [2, 5],
        ]),
        l,
      ),
    ).toBe(true);
    expect([...l]).toEqual([2, 0, 1, 2]);
    expect([...solveLower(l, 2, 2, [2, 5], new Float64Array(2))]).toEqual([1, 2]);
    expect([...solveUpper(l, 2, 2, [1, 2], new Float64Array(2))]).toEqual([0, 1]);
  });

  it('refuses a matrix that is not positive definite, or whose pivot is at the tolerance', () => {
    expect(
      cholesky(
        2,
        at([
          [1, 2],
          [2, 1],
        ]),
        new Float64Array(4),
      ),
    ).toBe(false);
    expect(
      cholesky(
        2,
        at([
          [1, 1],
          [1, 1],
        ]),
        new Float64Array(4),
      ),
    ).toBe(false);
    expect(
      cholesky(
        2,
        at([
          [1, 0.5],
          [0.5, 1],
        ]),
        new Float64Array(4),
        0.75,
      ),
    ).toBe(false);
  });

  it('L Lᵀ = A and the solves invert A on random positive definite matrices', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((m) =>
            fc.tuple(
              fc.constant(m),
              fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: m * m, maxLength: m * m }),
              fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: m, maxLength: m }),
            ),
          ),
        ([m, g, b]) => {
          // A = G Gᵀ + I is positive definite.
          const a = Array.from({ length: m }, (_, j) => Array.from({ length: m }, (_, k) => (j === k ? 1 : 0) + g.slice(j * m, j * m + m).reduce((s, v, i) => s + v * g[k * m + i], 0)));
          const l = new Float64Array(m * m);
          expect(cholesky(m, at(a), l)).toBe(true);
          for (let j = 0; j < m; j++) {
            for (let k = 0; k < m; k++) {
              let s = 0;
              for (let i = 0; i < m; i++) s += l[j * m + i] * l[k * m + i];
              expect(Math.abs(s - a[j][k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a[j][k])) * m);
            }
          }
          const x = solveUpper(l, m, m, solveLower(l, m, m, b, new Float64Array(m)), new Float64Array(m));
          for (let j = 0; j < m; j++) {
            const ax = a[j].reduce((s, v, k) => s + v * x[k], 0);
            expect(Math.abs(ax - b[j])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b[j])));
          }
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
