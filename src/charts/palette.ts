import { textColourFor } from '../model/contrast.ts';

/**
 * Chart colours, the same on the site and in the PDF. Groups use the Okabe–Ito
 * colour-blind-safe palette; agreement scales use a diverging orange–grey–blue.
 */

/**
 * Okabe–Ito's colour-blind-safe hues, darkened where needed so that each has a
 * contrast of at least 4.5:1 on white: the same colour serves a line and its label.
 */
export const GROUP_COLOURS = ['#0072B2', '#8a6200', '#007a59', '#9a4f7f', '#2f6f94', '#b34f00', '#6b6200'] as const;

/** Colour of the group at `index` (cycles when there are more groups than colours). */
export function groupColour(index: number): string {
  const n = GROUP_COLOURS.length;
  return GROUP_COLOURS[((Math.trunc(index) % n) + n) % n];
}

/** The five-point diverging scheme: negative (orange) → neutral (grey) → positive (blue). */
export const DIVERGING_5 = ['#c1440e', '#f0a582', '#d9d9d9', '#92c5de', '#2166ac'] as const;

/** Hand-picked schemes for the common scale lengths; others are interpolated. */
const DIVERGING: Record<number, readonly string[]> = {
  2: ['#c1440e', '#2166ac'],
  3: ['#e07b4f', '#d9d9d9', '#4b8fc4'],
  4: ['#c1440e', '#f0a582', '#92c5de', '#2166ac'],
  5: DIVERGING_5,
  6: ['#c1440e', '#e07b4f', '#f5c4a8', '#b7d7e8', '#6aa7d2', '#2166ac'],
  7: ['#c1440e', '#e07b4f', '#f5c4a8', '#d9d9d9', '#b7d7e8', '#6aa7d2', '#2166ac'],
};

/** Colours for NPS parts. */
export const NPS_COLOURS = { detractors: '#c1440e', passives: '#d9d9d9', promoters: '#2166ac' } as const;

/** Neutral colours used by the charts. */
export const INK = '#1a1a1a';
export const MUTED = '#5c5c5c';
export const RULE = '#8c8c8c';
export const GRID = '#e3e3e3';
export const FALLBACK_FILL = '#9e9e9e';

function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function rgbToHex([r, g, b]: [number, number, number]): string {
  return '#' + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** A diverging scheme with `n` colours from negative to positive. */
export function divergingColours(n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [DIVERGING_5[2]];
  const fixed = DIVERGING[n];
  if (fixed) return [...fixed];
  const anchors = DIVERGING_5.map(hexToRgb);
  return Array.from({ length: n }, (_, i) => {
    const t = (i / (n - 1)) * (anchors.length - 1);
    const k = Math.min(anchors.length - 2, Math.floor(t));
    const f = t - k;
    const a = anchors[k];
    const b = anchors[k + 1];
    return rgbToHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
  });
}

/** Black (our ink) or white, whichever contrasts more with the background colour. */
export function textOn(hex: string): string {
  return textColourFor(hex, INK);
}
