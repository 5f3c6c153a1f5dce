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
  // A whole number has no decimals to round (the common case of counts).
  if (places >= 0 && Number.isInteger(x)) return x;
  // Shortest round-trip digits: "d.ddde±x".
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  // |x| = digits · 10^-scale
  const scale = digits.length - 1 - Number(exp);
  if (scale <= places) return x;
  const drop = scale - places;
  const keepLength = digits.length - drop;
  // Up to 15 digits a Number holds the kept digits exactly (BigInt only beyond, where it costs).
  let kept: number | bigint = keepLength <= 0 ? 0 : keepLength <= 15 ? Number(digits.slice(0, keepLength)) : BigInt(digits.slice(0, keepLength));
  const next = keepLength >= 0 ? digits.charCodeAt(keepLength) - 48 : 0;
  if (next >= 5) kept = typeof kept === 'bigint' ? kept + 1n : kept + 1;
  if (kept === 0 || kept === 0n) return 0;
  const rounded = Number(`${kept}e${-places}`);
  return x < 0 ? -rounded : rounded;
}
