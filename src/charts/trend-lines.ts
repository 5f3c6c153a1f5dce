/**
 * Trends across editions: one line per series with its 95 % interval as a light
 * band, points, integer year ticks and end labels. Suppressed or missing years
 * leave a gap; they are never drawn.
 */
import * as Plot from '@observablehq/plot';
import type { Cell } from '../model/types.ts';
import { formatNumber } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { GRID, MUTED, groupColour } from './palette.ts';
import { type ChartOptions, DEFAULT_WIDTH, LINE_HEIGHT, isShown, multilineText, renderChart, suppressedSentence, svgElement } from './render.ts';
import { formatNps } from './nps-bar.ts';
import { linesWidth, wrapText } from './text.ts';

export interface TrendLinesInput {
  /** A year without a point (or without a cell) leaves a gap. */
  series: { key: string; label: string; colourIndex: number; points: { year: number; cell?: Cell | undefined }[] }[];
  /** Years in which the indicator was not asked: the line stops there, marked "not asked". */
  notAsked?: number[];
  /** Years in which the series breaks: the line is not joined to the years before, marked by a dashed rule. */
  breaks?: number[];
  /** y domain for scale means; omit for NPS (then −100…100). */
  scale?: { min: number; max: number };
  years: number[];
  /** Shown with the note on suppressed points; defaults to 30. */
  minBase?: number;
}

interface Datum {
  /** The series, and its stretch between breaks: a line is never drawn across a break. */
  key: string;
  year: number;
  y: number;
  lo: number;
  hi: number;
  colour: string;
}

function formatValue(v: number, nps: boolean, lang: ChartOptions['lang']): string {
  return nps ? formatNps(v, lang) : formatNumber(v, 2, lang);
}

export function trendLinesSummary(input: TrendLinesInput, lang: ChartOptions['lang']): string {
  const nps = input.scale === undefined;
  const parts: string[] = [];
  let hidden = 0;
  for (const s of input.series) {
    const shown = [...s.points].sort((a, b) => a.year - b.year).filter((p): p is { year: number; cell: Cell } => isShown(p.cell));
    hidden += s.points.filter((p) => p.cell !== undefined).length - shown.length;
    if (shown.length === 0) continue;
    const first = shown[0];
    const last = shown[shown.length - 1];
    const v = (p: (typeof shown)[number]): string => (p.cell.shown ? formatValue(p.cell.estimate, nps, lang) : '');
    if (shown.length === 1) {
      parts.push(t(lang, 'chart.trendOne', { label: s.label, value: v(first), year: String(first.year) }));
    } else {
      parts.push(t(lang, 'chart.trendRange', { label: s.label, firstValue: v(first), firstYear: String(first.year), lastValue: v(last), lastYear: String(last.year) }));
    }
  }
  const notAsked = input.notAsked ?? [];
  if (notAsked.length > 0) parts.push(t(lang, 'chart.trendNotAsked', { years: notAsked.join(', '), count: notAsked.length }));
  for (const year of input.breaks ?? []) parts.push(t(lang, 'chart.trendBreak', { year: String(year) }));
  return (parts.join(' ') + suppressedSentence(hidden, input.minBase ?? 30, lang)).trim();
}

export function trendLines(input: TrendLinesInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const nps = input.scale === undefined;
  const yDomain: [number, number] = nps ? [-100, 100] : [input.scale!.min, input.scale!.max];
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  const breaks = (input.breaks ?? []).filter((y) => years.includes(y));
  const notAsked = new Set((input.notAsked ?? []).filter((y) => years.includes(y)));
  const stretch = (year: number) => breaks.filter((b) => b <= year).length;

  // Every year of every series: suppressed or missing years are NaN (a gap).
  const data: Datum[] = [];
  const ends: { key: string; lines: string[]; value: string; year: number; y: number; colour: string; dropped: boolean }[] = [];
  const isolated: Datum[] = [];
  for (const s of input.series) {
    const colour = groupColour(s.colourIndex);
    const byYear = new Map(s.points.map((p) => [p.year, p.cell]));
    const seriesData: Datum[] = years.map((year) => {
      const cell = byYear.get(year);
      const key = `${s.key}#${stretch(year)}`;
      return isShown(cell)
        ? { key, year, y: cell.estimate, lo: Math.max(yDomain[0], cell.ci[0]), hi: Math.min(yDomain[1], cell.ci[1]), colour }
        : { key, year, y: Number.NaN, lo: Number.NaN, hi: Number.NaN, colour };
    });
    // A point alone in its stretch (its neighbours missing, or across a break) is drawn with its interval as a rule.
    const alone = (d: Datum | undefined, i: number) => d === undefined || Number.isNaN(d.y) || d.key !== seriesData[i].key;
    seriesData.forEach((d, i) => {
      if (!Number.isNaN(d.y) && alone(seriesData[i - 1], i) && alone(seriesData[i + 1], i)) {
        isolated.push(d);
      }
    });
    data.push(...seriesData);
    const last = [...seriesData].reverse().find((d) => !Number.isNaN(d.y));
    // A series that ends because the question was no longer asked is labelled with its last year, without a leader to the last year.
    const dropped = last !== undefined && years.some((y) => y > last.year && notAsked.has(y));
    if (last)
      ends.push({ key: s.key, lines: wrapText(s.label, 140, 12, 3), value: `${formatValue(last.y, nps, lang)}${dropped ? ` (${last.year})` : ''}`, year: last.year, y: last.y, colour, dropped });
  }

  const marginRight = Math.round(Math.min(210, Math.max(40, ...ends.map((e) => linesWidth([...e.lines, e.value]) + 20))));
  const marginLeft = 44;
  const marginTop = 14;
  const marginBottom = 30;
  const height = Math.round(Math.min(440, Math.max(260, width * 0.48)));

  const endLabels: Plot.RenderFunction = (_index, scales, _values, dimensions, context) => {
    const document = context.document as unknown as Document;
    const sx = scales.x as (v: number) => number;
    const sy = scales.y as (v: number) => number;
    const g = svgElement(document, 'g', { class: 'luotain-end-labels', 'text-anchor': 'start' });
    const xEnd = dimensions.width - dimensions.marginRight + 10;
    // Labels sit level with the series' last point, nudged apart top to bottom.
    const placed = ends.map((e) => ({ ...e, h: (e.lines.length + 1) * LINE_HEIGHT, cy: sy(e.y) })).sort((a, b) => a.cy - b.cy || a.key.localeCompare(b.key));
    for (let i = 1; i < placed.length; i++) {
      const prev = placed[i - 1];
      const min = prev.cy + prev.h / 2 + placed[i].h / 2 + 2;
      if (placed[i].cy < min) placed[i].cy = min;
    }
    const overflow = placed.length ? placed[placed.length - 1].cy + placed[placed.length - 1].h / 2 - dimensions.height : 0;
    if (overflow > 0) for (const p of placed) p.cy -= overflow;
    for (const p of placed) {
      const x = sx(p.year);
      if (!p.dropped && (p.year < years[years.length - 1] || Math.abs(p.cy - sy(p.y)) > LINE_HEIGHT)) {
        // The series ends before the last year: a leader to its label.
        g.appendChild(svgElement(document, 'line', { x1: x + 6, x2: xEnd - 4, y1: sy(p.y), y2: p.cy, stroke: p.colour, 'stroke-width': 1, 'stroke-dasharray': '2,2' }));
      }
      const text = multilineText(document, [...p.lines, p.value], { x: xEnd, y: p.cy, fill: p.colour === '#F0E442' ? '#1a1a1a' : p.colour });
      text.lastElementChild?.setAttribute('font-weight', '600');
      g.appendChild(text);
    }
    return g as unknown as SVGElement;
  };

  const tickFormat = nps ? (t: number) => formatNumber(t, 0, lang) : (t: number) => formatNumber(t, Number.isInteger(t) ? 0 : 1, lang);
  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { type: 'linear', domain: years.length > 1 ? [years[0], years[years.length - 1]] : [years[0] - 1, years[0] + 1], label: null, inset: 16 },
      y: { domain: yDomain, label: null },
      marks: [
        Plot.gridY({ stroke: GRID, strokeOpacity: 1, ticks: nps ? [-100, -50, 0, 50, 100] : undefined }),
        nps ? Plot.ruleY([0], { stroke: MUTED, strokeWidth: 1 }) : null,
        Plot.areaY(data, { x: 'year', y1: 'lo', y2: 'hi', z: 'key', fill: 'colour', fillOpacity: 0.15, clip: 'frame' }),
        Plot.ruleX(isolated, { x: 'year', y1: 'lo', y2: 'hi', stroke: 'colour', strokeOpacity: 0.5, strokeWidth: 3 }),
        Plot.line(data, { x: 'year', y: 'y', z: 'key', stroke: 'colour', strokeWidth: 2, clip: 'frame' }),
        Plot.dot(
          data.filter((d) => !Number.isNaN(d.y)),
          { x: 'year', y: 'y', fill: 'colour', r: 3.5, stroke: '#ffffff', strokeWidth: 1 },
        ),
        // Breaks: a dashed rule with its word; years not asked: their words, where the point would be.
        Plot.ruleX(breaks, { stroke: MUTED, strokeWidth: 1, strokeDasharray: '4,3' }),
        Plot.text(breaks, { x: (d: number) => d, text: () => t(lang, 'chart.break'), frameAnchor: 'top', dy: -4, dx: 4, textAnchor: 'start', fill: MUTED, fontSize: 11 }),
        Plot.text([...notAsked], { x: (d: number) => d, text: () => t(lang, 'chart.notAsked'), frameAnchor: 'middle', fill: MUTED, fontSize: 11, rotate: -90 }),
        Plot.axisX({ ticks: years, tickFormat: (t: number) => String(t), tickSize: 0, label: null, fill: MUTED }),
        Plot.axisY({ ticks: nps ? [-100, -50, 0, 50, 100] : undefined, tickFormat, tickSize: 0, label: null, fill: MUTED }),
        endLabels,
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? trendLinesSummary(input, lang) },
  );
}
