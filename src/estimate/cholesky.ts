/**
 * The Cholesky factorisation A = L Lᵀ of a symmetric positive definite matrix
 * (L lower triangular), row by row in the Cholesky–Banachiewicz order, and the
 * two triangular solves that go with it. Matrices are Float64Arrays, row-major,
 * `stride` numbers a row.
 *
 * Golub & Van Loan (2013), Matrix Computations, 4th ed., §4.2;
 * https://en.wikipedia.org/wiki/Cholesky_decomposition#The_Cholesky%E2%80%93Banachiewicz_and_Cholesky%E2%80%93Crout_algorithms
 */

/**
 * Row j of L from rows 0 … j − 1 (already in `l`) and A's entries of row j:
 * writes L[j][k] = (A[j][k] − Σ_{m<k} L[j][m] L[k][m]) / L[k][k] for k < j and
 * returns the pivot A[j][j] − Σ_{k<j} L[j][k]², the square of L[j][j], which
 * the caller writes (A is not positive definite unless the pivot is > 0).
 * Example: A = [[4, 2], [2, 5]] gives row 1 = [1] and pivot 5 − 1 = 4.
 */
export function choleskyRow(l: Float64Array, stride: number, j: number, entry: (k: number) => number, diagonal: number): number {
  const at = j * stride;
  let pivot = diagonal;
  for (let k = 0; k < j; k++) {
    let s = entry(k);
    for (let m = 0; m < k; m++) s -= l[at + m] * l[k * stride + m];
    const v = s / l[k * stride + k];
    l[at + k] = v;
    pivot -= v * v;
  }
  return pivot;
}

/**
 * L of the m × m matrix with entries entry(j, k) (k ≤ j are read), into `l`
 * (stride m). False as soon as a pivot is not above minPivot: the matrix is
 * then not positive definite (to that tolerance) and `l` is incomplete.
 * Example: [[4, 2], [2, 5]] gives L = [[2, 0], [1, 2]].
 */
export function cholesky(m: number, entry: (j: number, k: number) => number, l: Float64Array, minPivot = 0): boolean {
  for (let j = 0; j < m; j++) {
    const pivot = choleskyRow(l, m, j, (k) => entry(j, k), entry(j, j));
    if (!(pivot > minPivot)) return false;
    l[j * m + j] = Math.sqrt(pivot);
  }
  return true;
}

/** Solves L u = b (forward substitution) for the first m rows of L. Example: L = [[2, 0], [1, 2]], b = [2, 5] gives u = [1, 2]. */
export function solveLower(l: Float64Array, stride: number, m: number, b: ArrayLike<number>, u: Float64Array): Float64Array {
  for (let j = 0; j < m; j++) {
    let s = b[j];
    for (let k = 0; k < j; k++) s -= l[j * stride + k] * u[k];
    u[j] = s / l[j * stride + j];
  }
  return u;
}

/** Solves Lᵀ x = u (back substitution) for the first m rows of L. Example: L = [[2, 0], [1, 2]], u = [1, 2] gives x = [0, 1]. */
export function solveUpper(l: Float64Array, stride: number, m: number, u: ArrayLike<number>, x: Float64Array): Float64Array {
  for (let j = m - 1; j >= 0; j--) {
    let s = u[j];
    for (let k = j + 1; k < m; k++) s -= l[k * stride + j] * x[k];
    x[j] = s / l[j * stride + j];
  }
  return x;
}
