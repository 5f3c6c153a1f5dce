/**
 * Diverging stacked bars of answer distributions (Likert): the points below the
 * scale midpoint extend left of zero, those above extend right, and a neutral
 * midpoint is split across zero. Axis labels are absolute percentages.
 */
import * as Plot from '@observablehq/plot';
import type { Cell } from '../model/types.ts';
import { formatPercent } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { topBoxRange } from '../study/answer-codes.ts';
import { GRID, MUTED, RULE, divergingColours, textOn } from './palette.ts';
import { type ChartOptions, DEFAULT_WIDTH, LINE_HEIGHT, isShown, layoutRowLabels, layoutLegend, legendMark, renderChart, rowLabelsMark, suppressedSentence, suppressedRowsMark } from './render.ts';
import { textWidth } from './text.ts';

export interface DistributionBarsInput {
  rows: { id: string; label: string /** Share 0–1 per scale point from scale.min up. */; shares: Cell[] }[];
  /** `topBox`: how many of the highest points count as positive (the study's definition, used everywhere). */
  scale: { min: number; max: number; topBox: number };
  /** Label per scale point, from scale.min up. */
  pointLabels: string[];
  minBase: number;
}

interface Segment {
  id: string;
  point: number;
  x1: number;
  x2: number;
  share: number;
  fill: string;
}

/** Stacks one row's shares (0–1) outward from zero, in percent. */
export function divergingSegments(shares: number[], colours: string[], id = ''): Segment[] {
  const k = shares.length;
  const odd = k % 2 === 1;
  const mid = Math.floor(k / 2);
  const segments: Segment[] = [];
  let left = 0;
  let right = 0;
  if (odd) {
    const half = (shares[mid] * 100) / 2;
    segments.push({ id, point: mid, x1: -half, x2: half, share: shares[mid], fill: colours[mid] });
    left = -half;
    right = half;
  }
  for (let i = mid - 1; i >= 0; i--) {
    const w = shares[i] * 100;
    segments.push({ id, point: i, x1: left - w, x2: left, share: shares[i], fill: colours[i] });
    left -= w;
  }
  for (let i = odd ? mid + 1 : mid; i < k; i++) {
    const w = shares[i] * 100;
    segments.push({ id, point: i, x1: right, x2: right + w, share: shares[i], fill: colours[i] });
    right += w;
  }
  return segments.sort((a, b) => a.point - b.point);
}

/** Sum of the shares of the `topBox` highest points: the study's positive answers. */
function positiveShare(shares: number[], topBox: number): number {
  return shares.slice(Math.max(0, shares.length - topBox)).reduce((a, b) => a + b, 0);
}

export function distributionBarsSummary(input: DistributionBarsInput, lang: ChartOptions['lang']): string {
  const shown = input.rows.filter((r) => r.shares.length > 0 && r.shares.every(isShown));
  const hidden = input.rows.length - shown.length;
  const tail = suppressedSentence(hidden, input.minBase, lang);
  const pos = shown.map((r) => ({
    label: r.label,
    p: positiveShare(
      r.shares.map((c) => (c.shown ? c.estimate : 0)),
      input.scale.topBox,
    ),
  }));
  const range = topBoxRange(input.scale);
  if (pos.length === 0) return suppressedSentence(Math.max(1, hidden), input.minBase, lang).trim();
  if (pos.length === 1) {
    const v = formatPercent(pos[0].p, lang);
    return t(lang, 'chart.positiveOne', { label: pos[0].label, value: v, range }) + tail;
  }
  let best = pos[0];
  let worst = pos[0];
  for (const r of pos) {
    if (r.p > best.p) best = r;
    if (r.p < worst.p) worst = r;
  }
  const b = formatPercent(best.p, lang);
  const w = formatPercent(worst.p, lang);
  return t(lang, 'chart.positiveRange', { best: best.label, bestValue: b, worst: worst.label, worstValue: w, range }) + tail;
}

export function distributionBars(input: DistributionBarsInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const points = input.scale.max - input.scale.min + 1;
  const colours = divergingColours(points);

  const { rows, marginLeft } = layoutRowLabels(input.rows, width);
  const marginRight = 24;
  const legend = layoutLegend(
    colours.map((colour, i) => ({ label: input.pointLabels[i] ?? String(input.scale.min + i), colour, kind: 'square' as const })),
    width,
    0,
  );
  const marginTop = legend.height + 10;
  const marginBottom = 30;
  const maxLines = Math.max(1, ...rows.map((r) => r.lines.length));
  const step = Math.max(30, maxLines * LINE_HEIGHT + 14);
  const height = marginTop + marginBottom + step * Math.max(1, rows.length);

  const complete = rows.filter((r) => r.shares.length === points && r.shares.every(isShown));
  const hidden = rows.filter((r) => !complete.includes(r));
  const segments = complete.flatMap((r) =>
    divergingSegments(
      r.shares.map((c) => (c.shown ? c.estimate : 0)),
      colours,
      r.id,
    ),
  );
  // Percentages inside segments wide enough to hold them.
  const pxPerPercent = (width - marginLeft - marginRight) / 200;
  const labelled = segments
    .map((s) => ({ ...s, text: formatPercent(s.share, lang), mid: (s.x1 + s.x2) / 2, ink: textOn(s.fill) }))
    .filter((s) => (s.x2 - s.x1) * pxPerPercent >= textWidth(s.text, 11) + 6);
  const ticks = [-100, -75, -50, -25, 0, 25, 50, 75, 100];
  const tickFormat = (t: number): string => formatPercent(Math.abs(t) / 100, lang);

  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: [-100, 100], ticks, tickFormat, label: null },
      y: { type: 'band', domain: rows.map((r) => r.id), axis: null, paddingInner: 0.3, paddingOuter: 0.2 },
      marks: [
        legendMark(legend, 0),
        Plot.gridX(ticks, { stroke: GRID, strokeOpacity: 1 }),
        Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'id', fill: 'fill', stroke: '#ffffff', strokeWidth: 0.75 }),
        Plot.ruleX([0], { stroke: RULE, strokeWidth: 1 }),
        Plot.text(labelled, { x: 'mid', y: 'id', text: 'text', fill: 'ink', fontSize: 11 }),
        suppressedRowsMark(hidden, 0, input.minBase, 6),
        Plot.axisX({ ticks, tickFormat, tickSize: 0, label: null, fill: MUTED }),
        rowLabelsMark(rows, marginLeft - 10),
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? distributionBarsSummary(input, lang) },
  );
}
