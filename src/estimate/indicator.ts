/**
 * Indicator variable: 1 where predicate holds, 0 where it doesn't, NaN where
 * the value is NaN. Turns shares into means (a top-2-box share is the mean of
 * the indicator of 4–5), so they get survey means and standard errors too.
 *
 * https://en.wikipedia.org/wiki/Indicator_function
 */
export function indicator(values: ArrayLike<number>, predicate: (v: number) => boolean): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v !== v ? NaN : predicate(v) ? 1 : 0;
  }
  return out;
}
