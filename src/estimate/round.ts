/**
 * Rounding half away from zero at the given decimals, decided on the shortest
 * decimal representation of the number (what it prints as), not on its binary
 * value: 1.005 → 1.01, 3.995 → 4, −2.345 → −2.35, 2.4999 → 2.5, 1.0049999 → 1.
 * Negative decimals round to tens, hundreds, …; a zero result is +0; NaN and
 * ±Infinity are returned as they are.
 *
 * https://en.wikipedia.org/wiki/Rounding#Rounding_half_away_from_zero
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const places = Math.trunc(decimals);
  // Shortest round-trip digits: "d.ddde±x".
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // |x| = digits · 10^-scale
  const scale = digits.length - 1 - Number(exp);
  if (scale <= places) return x;
  const drop = scale - places;
  const keepLength = digits.length - drop;
  let kept = keepLength > 0 ? BigInt(digits.slice(0, keepLength)) : 0n;
  const next = keepLength >= 0 ? digits.charCodeAt(keepLength) - 48 : 0;
  if (next >= 5) kept += 1n;
  if (kept === 0n) return 0;
  const rounded = Number(`${kept}e${-places}`);
  return x < 0 ? -rounded : rounded;
}
