/**
 * Net Promoter Score: a 100 % stacked bar per row (detractors, passives,
 * promoters) with the NPS value at the right.
 */
import * as Plot from '@observablehq/plot';
import type { Cell } from '../model/types.ts';
import { formatNumber, formatPercent } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { GRID, MUTED, NPS_COLOURS, textOn } from './palette.ts';
import { type ChartOptions, DEFAULT_WIDTH, LINE_HEIGHT, isShown, layoutRowLabels, layoutLegend, legendMark, renderChart, rowLabelsMark, suppressedSentence, suppressedRowsMark } from './render.ts';
import { textWidth } from './text.ts';

export interface NpsBarInput {
  rows: { id: string; label: string; promoters: Cell; passives: Cell; detractors: Cell; nps: Cell }[];
  minBase: number;
  labels: { promoters: string; passives: string; detractors: string };
}

/**
 * An NPS as the tables and cards write it: 23, 0, −5. Like a mean it carries no plus
 * sign; only a change does.
 */
export function formatNps(v: number, lang: ChartOptions['lang']): string {
  return formatNumber(v, 0, lang);
}

export function npsBarSummary(input: NpsBarInput, lang: ChartOptions['lang']): string {
  const shown = input.rows.flatMap((r) => (r.nps.shown && isShown(r.nps) ? [{ label: r.label, v: r.nps.estimate, row: r }] : []));
  const hidden = input.rows.length - shown.length;
  const tail = suppressedSentence(hidden, input.minBase, lang);
  if (shown.length === 0) return suppressedSentence(Math.max(1, hidden), input.minBase, lang).trim();
  if (shown.length === 1) {
    const r = shown[0].row;
    const parts =
      isShown(r.promoters) && isShown(r.detractors)
        ? t(lang, 'chart.npsOneParts', {
            label: shown[0].label,
            value: formatNps(shown[0].v, lang),
            promoters: input.labels.promoters.toLowerCase(),
            promotersValue: formatPercent(r.promoters.estimate, lang),
            detractors: input.labels.detractors.toLowerCase(),
            detractorsValue: formatPercent(r.detractors.estimate, lang),
          })
        : t(lang, 'chart.npsOne', { label: shown[0].label, value: formatNps(shown[0].v, lang) });
    return parts + tail;
  }
  let best = shown[0];
  let worst = shown[0];
  for (const r of shown) {
    if (r.v > best.v) best = r;
    if (r.v < worst.v) worst = r;
  }
  return t(lang, 'chart.npsRange', { best: best.label, bestValue: formatNps(best.v, lang), worst: worst.label, worstValue: formatNps(worst.v, lang) }) + tail;
}

export function npsBar(input: NpsBarInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const { rows, marginLeft } = layoutRowLabels(input.rows, width);
  const marginRight = 64;
  const legend = layoutLegend(
    [
      { label: input.labels.detractors, colour: NPS_COLOURS.detractors, kind: 'square' as const },
      { label: input.labels.passives, colour: NPS_COLOURS.passives, kind: 'square' as const },
      { label: input.labels.promoters, colour: NPS_COLOURS.promoters, kind: 'square' as const },
    ],
    width,
    0,
  );
  const headerHeight = 16;
  const marginTop = legend.height + 10 + headerHeight;
  const marginBottom = 30;
  const maxLines = Math.max(1, ...rows.map((r) => r.lines.length));
  const step = Math.max(30, maxLines * LINE_HEIGHT + 14);
  const height = marginTop + marginBottom + step * Math.max(1, rows.length);

  const complete = rows.filter((r) => isShown(r.detractors) && isShown(r.passives) && isShown(r.promoters));
  const segments = complete.flatMap((r) => {
    const parts = [
      { share: r.detractors.shown ? r.detractors.estimate : 0, fill: NPS_COLOURS.detractors },
      { share: r.passives.shown ? r.passives.estimate : 0, fill: NPS_COLOURS.passives },
      { share: r.promoters.shown ? r.promoters.estimate : 0, fill: NPS_COLOURS.promoters },
    ];
    let x = 0;
    return parts.map((p) => {
      const seg = { id: r.id, x1: x * 100, x2: (x + p.share) * 100, share: p.share, fill: p.fill };
      x += p.share;
      return seg;
    });
  });
  const pxPerPercent = (width - marginLeft - marginRight) / 100;
  const labelled = segments
    .map((s) => ({ ...s, text: formatPercent(s.share, lang), mid: (s.x1 + s.x2) / 2, ink: textOn(s.fill) }))
    .filter((s) => (s.x2 - s.x1) * pxPerPercent >= textWidth(s.text, 11) + 6);
  const values = rows.flatMap((r) => (r.nps.shown && isShown(r.nps) ? [{ id: r.id, text: formatNps(r.nps.estimate, lang) }] : []));
  const hidden = rows.filter((r) => !complete.includes(r));
  const ticks = [0, 25, 50, 75, 100];
  const tickFormat = (t: number): string => formatPercent(t / 100, lang);

  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: [0, 100], label: null },
      y: { type: 'band', domain: rows.map((r) => r.id), axis: null, paddingInner: 0.3, paddingOuter: 0.2 },
      marks: [
        legendMark(legend, 0),
        Plot.gridX(ticks, { stroke: GRID, strokeOpacity: 1 }),
        Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'id', fill: 'fill', stroke: '#ffffff', strokeWidth: 0.75 }),
        Plot.text(labelled, { x: 'mid', y: 'id', text: 'text', fill: 'ink', fontSize: 11 }),
        suppressedRowsMark(hidden, 0, input.minBase),
        Plot.text(values, { x: 100, y: 'id', text: 'text', dx: marginRight - 8, textAnchor: 'end', fontWeight: 600 }),
        Plot.text(['NPS'], { frameAnchor: 'top-right', dx: marginRight - 8, dy: -headerHeight, textAnchor: 'end', fill: MUTED, fontWeight: 600 }),
        Plot.axisX({ ticks, tickFormat, tickSize: 0, label: null, fill: MUTED }),
        rowLabelsMark(rows, marginLeft - 10),
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? npsBarSummary(input, lang) },
  );
}
