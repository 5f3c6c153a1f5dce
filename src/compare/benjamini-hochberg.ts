/**
 * Benjamini–Hochberg adjusted p-values (the false discovery rate): with the m
 * p-values sorted in ascending order p(1) ≤ … ≤ p(m), the adjusted value of
 * p(i) is min over j ≥ i of m·p(j)/j, capped at 1. A test is significant at
 * false discovery rate q when its adjusted p is below q. Returned in the order
 * given; equal to R's `p.adjust(p, method = "BH")`. O(m log m).
 *
 * Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate.
 * JRSS B 57(1), 289–300. https://doi.org/10.1111/j.2517-6161.1995.tb02031.x
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  // Descending order, ties kept in input order (as R's order(decreasing = TRUE)).
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  const out = new Array<number>(m);
  let running = 1;
  order.forEach((i, k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p[i]);
    out[i] = running;
  });
  return out;
}
