/**
 * Respondent means: per respondent the mean of the non-NaN values across
 * columns, if at least ceil(k · minShare) of the k columns are answered (and
 * at least one); NaN otherwise. With the default 0.5, 3 items need 2 answers
 * and 2 items need 1.
 *
 * Columns are read up to the shortest one. No columns gives an empty array.
 * The usual scale score of a multi-item dimension, as in `rowMeans(x, na.rm = TRUE)`
 * with a minimum of answers: https://stat.ethz.ch/R-manual/R-devel/library/base/html/colSums.html
 */
export function respondentMeans(columns: ArrayLike<number>[], minShare = 0.5): Float64Array {
  const k = columns.length;
  if (k === 0) return new Float64Array(0);
  let rows = Infinity;
  for (const column of columns) rows = Math.min(rows, column.length);
  // The small offset keeps k · share from rounding up on binary noise (10 · 0.3 = 3.0000000000000004).
  const needed = Math.max(1, Math.ceil(k * minShare - 1e-9));
  const sum = new Float64Array(rows);
  const answered = new Uint32Array(rows);
  for (const column of columns) {
    for (let i = 0; i < rows; i++) {
      const v = column[i];
      if (v === v) {
        sum[i] += v;
        answered[i]++;
      }
    }
  }
  for (let i = 0; i < rows; i++) sum[i] = answered[i] >= needed ? sum[i] / answered[i] : NaN;
  return sum;
}
