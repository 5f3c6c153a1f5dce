/**
 * Standard error of a benchmark mean from its standard deviation and sample
 * size: sd/√n. Undefined without both, or for sd < 0 or n ≤ 0.
 *
 * https://en.wikipedia.org/wiki/Standard_error#Standard_error_of_the_sample_mean
 */
export function benchmarkSe(sd?: number, n?: number): number | undefined {
  if (sd === undefined || n === undefined) return undefined;
  if (!(sd >= 0 && sd < Infinity) || !(n > 0 && n < Infinity)) return undefined;
  return sd / Math.sqrt(n);
}
