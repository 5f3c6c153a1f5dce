/**
 * Horizontal bars of means on the answer scale, coloured by band, with 95 %
 * intervals, the value at the bar end, and optional benchmark and previous-year
 * markers. Used for the areas overview, the items of a dimension and the groups
 * of an indicator.
 */
import * as Plot from '@observablehq/plot';
import type { Cell, StudyMeta } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { FALLBACK_FILL, GRID, INK, MUTED } from './palette.ts';
import {
  type ChartOptions,
  type LegendItem,
  DEFAULT_WIDTH,
  LINE_HEIGHT,
  isShown,
  layoutRowLabels,
  layoutLegend,
  legendMark,
  renderChart,
  rowLabelsMark,
  suppressedSentence,
  suppressedRowsMark,
} from './render.ts';
import { textWidth } from './text.ts';

export interface ScoreBarsInput {
  rows: { id: string; label: string; cell: Cell; benchmark?: number; previous?: number }[];
  bands: StudyMeta['bands'];
  scale: { min: number; max: number };
  minBase: number;
  /** Legend texts of the markers; defaults per language. */
  markerLabels?: { benchmark?: string; previous?: string };
}

/** The chart's main finding: the highest and the lowest shown mean. */
export function scoreBarsSummary(input: ScoreBarsInput, lang: ChartOptions['lang']): string {
  const shown = input.rows.filter((r) => isShown(r.cell));
  const hidden = input.rows.length - shown.length;
  const value = (c: Cell): string => (c.shown ? formatNumber(c.estimate, 2, lang) : '');
  const tail = suppressedSentence(hidden, input.minBase, lang);
  if (shown.length === 0) {
    return t(lang, 'chart.suppressedAll', { base: input.minBase });
  }
  if (shown.length === 1) return t(lang, 'chart.scoreOne', { label: shown[0].label, value: value(shown[0].cell) }) + tail;
  const est = (r: (typeof shown)[number]): number => (r.cell.shown ? r.cell.estimate : Number.NaN);
  let best = shown[0];
  let worst = shown[0];
  for (const r of shown) {
    if (est(r) > est(best)) best = r;
    if (est(r) < est(worst)) worst = r;
  }
  return t(lang, 'chart.scoreRange', { best: best.label, bestValue: value(best.cell), worst: worst.label, worstValue: value(worst.cell) }) + tail;
}

export function scoreBars(input: ScoreBarsInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const { min, max } = input.scale;
  const bandColour = new Map(input.bands.map((b) => [b.id, b.colour]));

  const { rows, marginLeft } = layoutRowLabels(input.rows, width);
  const marginRight = 48;

  const legendItems: LegendItem[] = input.bands.map((b) => ({ label: b.label[lang], colour: b.colour, kind: 'square' }));
  const markerLabels = { benchmark: t(lang, 'chart.markerBenchmark'), previous: t(lang, 'chart.markerPrevious'), ...input.markerLabels };
  if (rows.some((r) => r.benchmark !== undefined)) legendItems.push({ label: markerLabels.benchmark, colour: INK, kind: 'tick' });
  if (rows.some((r) => r.previous !== undefined)) legendItems.push({ label: markerLabels.previous, colour: INK, kind: 'ring' });
  const legend = layoutLegend(legendItems, width, 0);
  const marginTop = legend.height + 10;
  const marginBottom = 30;

  const maxLines = Math.max(1, ...rows.map((r) => r.lines.length));
  const step = Math.max(30, maxLines * LINE_HEIGHT + 14);
  const height = marginTop + marginBottom + step * Math.max(1, rows.length);

  // The value sits just after the interval; a marker in its way pushes it past the marker.
  const pxPerUnit = (width - marginLeft - marginRight) / (max - min);
  const labelPosition = (r: { benchmark?: number; previous?: number }, start: number, text: string): number => {
    const w = textWidth(text) + 7 + 6;
    let x = start;
    const markers = [r.benchmark, r.previous].filter((m): m is number => m !== undefined).sort((a, b) => a - b);
    for (const m of markers) {
      if (m >= x - 2 / pxPerUnit && m <= x + w / pxPerUnit) x = m + 3 / pxPerUnit;
    }
    return x;
  };
  const shown = rows.flatMap((r) => (isShown(r.cell) ? [{ ...r, cell: r.cell }] : []));
  const hidden = rows.filter((r) => !isShown(r.cell));
  const bars = shown.map((r) => ({
    id: r.id,
    estimate: r.cell.estimate,
    lo: Math.max(min, r.cell.ci[0]),
    hi: Math.min(max, r.cell.ci[1]),
    fill: (r.cell.band !== undefined ? bandColour.get(r.cell.band) : undefined) ?? FALLBACK_FILL,
    labelX: labelPosition(r, Math.max(r.cell.estimate, Math.min(max, r.cell.ci[1])), formatNumber(r.cell.estimate, 2, lang)),
    text: formatNumber(r.cell.estimate, 2, lang),
  }));
  const ticks = Array.from({ length: Math.floor(max - min) + 1 }, (_, i) => min + i);
  const capInset = Math.max(4, step * 0.3);

  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: [min, max], ticks, tickFormat: (t: number) => formatNumber(t, 0, lang), label: null, tickSize: 0 },
      y: { type: 'band', domain: rows.map((r) => r.id), axis: null, paddingInner: 0.35, paddingOuter: 0.2 },
      marks: [
        legendMark(legend, 0),
        Plot.gridX(ticks, { stroke: GRID, strokeOpacity: 1 }),
        Plot.barX(bars, { x1: min, x2: 'estimate', y: 'id', fill: 'fill' }),
        Plot.ruleY(bars, { x1: 'lo', x2: 'hi', y: 'id', stroke: INK, strokeWidth: 1.25 }),
        Plot.tickX(bars, { x: 'lo', y: 'id', stroke: INK, strokeWidth: 1.25, inset: capInset }),
        Plot.tickX(bars, { x: 'hi', y: 'id', stroke: INK, strokeWidth: 1.25, inset: capInset }),
        Plot.tickX(
          rows.filter((r) => r.benchmark !== undefined),
          { x: 'benchmark', y: 'id', stroke: INK, strokeWidth: 2.5, insetTop: -3, insetBottom: -3 },
        ),
        Plot.dot(
          rows.filter((r) => r.previous !== undefined),
          { x: 'previous', y: 'id', r: 4.5, fill: '#ffffff', stroke: INK, strokeWidth: 1.5 },
        ),
        Plot.text(bars, { x: 'labelX', y: 'id', text: 'text', dx: 7, textAnchor: 'start', fill: 'currentColor' }),
        suppressedRowsMark(hidden, min, input.minBase),
        Plot.axisX({ ticks, tickFormat: (t: number) => formatNumber(t, 0, lang), tickSize: 0, label: null, fill: MUTED }),
        rowLabelsMark(rows, marginLeft - 10),
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? scoreBarsSummary(input, lang) },
  );
}
