/**
 * A group's profile against the total: per row the group's dot (band colour) and
 * the total's hollow dot, joined by a thin line, with the group's value.
 */
import * as Plot from '@observablehq/plot';
import type { Cell, StudyMeta } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { FALLBACK_FILL, GRID, INK, MUTED, RULE } from './palette.ts';
import { type ChartOptions, DEFAULT_WIDTH, LINE_HEIGHT, isShown, layoutRowLabels, layoutLegend, legendMark, renderChart, rowLabelsMark, suppressedSentence, suppressedRowsMark } from './render.ts';

export interface GroupProfileInput {
  rows: { id: string; label: string; group: Cell; total: Cell }[];
  groupLabel: string;
  totalLabel: string;
  scale: { min: number; max: number };
  bands: StudyMeta['bands'];
  minBase: number;
}

export function groupProfileSummary(input: GroupProfileInput, lang: ChartOptions['lang']): string {
  const both = input.rows.flatMap((r) => (r.group.shown && r.total.shown && isShown(r.group) && isShown(r.total) ? [{ label: r.label, g: r.group.estimate, t: r.total.estimate }] : []));
  const hidden = input.rows.filter((r) => !isShown(r.group)).length;
  const tail = suppressedSentence(hidden, input.minBase, lang);
  if (both.length === 0) return suppressedSentence(Math.max(1, hidden), input.minBase, lang).trim();
  const higher = both.filter((r) => r.g > r.t).length;
  const lower = both.filter((r) => r.g < r.t).length;
  let largest = both[0];
  for (const r of both) if (Math.abs(r.g - r.t) > Math.abs(largest.g - largest.t)) largest = r;
  const f = (v: number): string => formatNumber(v, 2, lang);
  return (
    t(lang, 'chart.profile', {
      group: input.groupLabel,
      higher,
      lower,
      count: both.length,
      largest: largest.label,
      groupValue: f(largest.g),
      total: input.totalLabel,
      totalValue: f(largest.t),
    }) + tail
  );
}

export function groupProfile(input: GroupProfileInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const { min, max } = input.scale;
  const bandColour = new Map(input.bands.map((b) => [b.id, b.colour]));

  const { rows, marginLeft } = layoutRowLabels(input.rows, width);
  const marginRight = 24;
  const legend = layoutLegend(
    [
      { label: input.groupLabel, colour: FALLBACK_FILL, kind: 'dot' },
      { label: input.totalLabel, colour: INK, kind: 'ring' },
    ],
    width,
    0,
  );
  const marginTop = legend.height + 10;
  const marginBottom = 30;
  const maxLines = Math.max(1, ...rows.map((r) => r.lines.length));
  const step = Math.max(30, maxLines * LINE_HEIGHT + 14);
  const height = marginTop + marginBottom + step * Math.max(1, rows.length);

  const totals = rows.flatMap((r) => (r.total.shown && isShown(r.total) ? [{ id: r.id, x: r.total.estimate }] : []));
  const totalById = new Map(totals.map((t) => [t.id, t.x]));
  const groups = rows.flatMap((r) =>
    r.group.shown && isShown(r.group)
      ? [
          {
            id: r.id,
            x: r.group.estimate,
            total: totalById.get(r.id),
            fill: (r.group.band !== undefined ? bandColour.get(r.group.band) : undefined) ?? FALLBACK_FILL,
            text: formatNumber(r.group.estimate, 2, lang),
          },
        ]
      : [],
  );
  const links = groups.filter((g) => g.total !== undefined);
  // The value goes on the side of the group's dot away from the total.
  const right = groups.filter((g) => g.total === undefined || g.x >= g.total);
  const left = groups.filter((g) => g.total !== undefined && g.x < g.total);
  const hidden = rows.filter((r) => !isShown(r.group));
  const ticks = Array.from({ length: Math.floor(max - min) + 1 }, (_, i) => min + i);

  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: [min, max], label: null },
      y: { type: 'band', domain: rows.map((r) => r.id), axis: null, paddingInner: 0.3, paddingOuter: 0.2 },
      marks: [
        legendMark(legend, 0),
        Plot.gridX(ticks, { stroke: GRID, strokeOpacity: 1 }),
        Plot.ruleY(links, { x1: 'total', x2: 'x', y: 'id', stroke: RULE, strokeWidth: 1.5 }),
        Plot.dot(totals, { x: 'x', y: 'id', r: 5, fill: '#ffffff', stroke: INK, strokeWidth: 1.5 }),
        Plot.dot(groups, { x: 'x', y: 'id', r: 6, fill: 'fill', stroke: INK, strokeWidth: 1 }),
        Plot.text(right, { x: 'x', y: 'id', text: 'text', dx: 10, textAnchor: 'start' }),
        Plot.text(left, { x: 'x', y: 'id', text: 'text', dx: -10, textAnchor: 'end' }),
        suppressedRowsMark(hidden, min, input.minBase),
        Plot.axisX({ ticks, tickFormat: (t: number) => formatNumber(t, 0, lang), tickSize: 0, label: null, fill: MUTED }),
        rowLabelsMark(rows, marginLeft - 10),
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? groupProfileSummary(input, lang) },
  );
}
