/**
 * The default band colours: a diverging ramp from the highest band's blue
 * through a neutral to the lowest band's orange-red, the sample study's five
 * colours at its even stops. A study of five bands gets exactly these; other
 * counts get colours spaced evenly along the ramp (linear in sRGB between
 * stops), so the highest is always the blue and the lowest the orange-red.
 */
const STOPS = ['#1d4e89', '#8cbfe6', '#ddd5c4', '#f4a261', '#b8430f'] as const;

function rgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function hex(channels: readonly number[]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of band `index` (0 the highest) of `count` bands. */
export function defaultBandColour(index: number, count: number): string {
  if (count <= 1) return STOPS[0];
  const at = (index / (count - 1)) * (STOPS.length - 1);
  const k = Math.min(Math.floor(at), STOPS.length - 2);
  const f = at - k;
  const a = rgb(STOPS[k]);
  const b = rgb(STOPS[k + 1]);
  return hex(a.map((c, i) => c + (b[i] - c) * f));
}
