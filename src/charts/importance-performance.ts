/**
 * Importance–performance map of the drivers: x = importance (share of explained
 * variance, as %), y = performance (mean), quadrants split at the mean importance
 * and the mean performance, with point labels placed to avoid overlaps. A
 * point's importance interval is a horizontal line through it; a point whose
 * quadrant is not stable over the replicates is hollow, and the summary calls
 * it uncertain.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber, formatPercent } from '../format/number.ts';
import { listText, t } from '../i18n/index.ts';
import { quadrantOf as quadrantAt, type Quadrant } from '../estimate/quadrant.ts';
import { GRID, MUTED, RULE, groupColour } from './palette.ts';
import { type ChartOptions, DEFAULT_WIDTH, LINE_HEIGHT, multilineText, renderChart, round, svgElement } from './render.ts';
import { linesWidth, wrapText } from './text.ts';

export interface ImportancePerformanceInput {
  points: {
    id: string;
    label: string;
    /** 0–1 share */
    importance: number;
    performance: number;
    /** The model's quadrant; computed from the splits when absent. */
    quadrant?: Quadrant;
    /** The importance's 95 % interval (0–1 shares), drawn when given. */
    interval?: [number, number];
    /** False: the quadrant is uncertain (a hollow point, and "uncertain" in the summary). */
    stable?: boolean;
  }[];
  importanceSplit: number;
  performanceSplit: number;
  quadrantLabels: { strength: string; develop: string; maintain: string; lower: string; uncertain?: string };
  /** Axis titles; defaults per language. */
  axisLabels?: { importance?: string; performance?: string };
}

export function quadrantOf(p: { importance: number; performance: number; quadrant?: Quadrant }, input: Pick<ImportancePerformanceInput, 'importanceSplit' | 'performanceSplit'>): Quadrant {
  return p.quadrant ?? quadrantAt(p.importance, p.performance, input.importanceSplit, input.performanceSplit);
}

export function importancePerformanceSummary(input: ImportancePerformanceInput, lang: ChartOptions['lang']): string {
  const byImportance = [...input.points].sort((a, b) => b.importance - a.importance);
  const uncertain = (p: ImportancePerformanceInput['points'][number]) => p.stable === false && input.quadrantLabels.uncertain !== undefined;
  const parts: string[] = [];
  for (const q of ['strength', 'develop', 'maintain', 'lower'] as const) {
    const names = byImportance.filter((p) => !uncertain(p) && quadrantOf(p, input) === q).map((p) => p.label);
    if (names.length > 0) parts.push(t(lang, 'chart.quadrantList', { quadrant: input.quadrantLabels[q], names: listText(names, lang) }));
  }
  const unsettled = byImportance.filter(uncertain).map((p) => p.label);
  if (unsettled.length > 0) parts.push(t(lang, 'chart.quadrantList', { quadrant: input.quadrantLabels.uncertain!, names: listText(unsettled, lang) }));
  return [t(lang, 'chart.quadrantIntro'), ...parts].join(' ');
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function importancePerformance(input: ImportancePerformanceInput, options: ChartOptions): string {
  const { lang } = options;
  const width = options.width ?? DEFAULT_WIDTH;
  const height = Math.round(Math.min(520, Math.max(360, width * 0.62)));
  const axis = { importance: t(lang, 'chart.axisImportance'), performance: t(lang, 'chart.axisPerformance'), ...input.axisLabels };
  const pts = input.points.map((p, i) => ({
    ...p,
    x: p.importance * 100,
    lines: wrapText(p.label, 150, 11, 3),
    colour: groupColour(0),
    order: i,
  }));

  const xs = pts.flatMap((p) => (p.interval ? [p.x, p.interval[1] * 100] : [p.x]));
  const ys = pts.map((p) => p.performance);
  // Importance is a share of R²: never past 100 %.
  const xMax = Math.min(100, Math.max(input.importanceSplit * 100 * 2, ...xs) * 1.08);
  const yLo = Math.min(input.performanceSplit, ...ys);
  const yHi = Math.max(input.performanceSplit, ...ys);
  const yPad = Math.max(0.1, (yHi - yLo) * 0.15);
  const yDomain: [number, number] = [Math.floor((yLo - yPad) * 10) / 10, Math.ceil((yHi + yPad) * 10) / 10];

  const marginLeft = 64;
  const marginRight = 20;
  const marginTop = 12;
  const marginBottom = 44;

  const labelsMark: Plot.RenderFunction = (_index, scales, _values, dimensions, context) => {
    const document = context.document as unknown as Document;
    const sx = scales.x as (v: number) => number;
    const sy = scales.y as (v: number) => number;
    const left = dimensions.marginLeft;
    const right = dimensions.width - dimensions.marginRight;
    const top = dimensions.marginTop;
    const bottom = dimensions.height - dimensions.marginBottom;
    const g = svgElement(document, 'g', { class: 'luotain-point-labels', 'font-size': 11 });

    // Obstacles: the points themselves, their interval lines and the corner labels.
    const taken: Box[] = pts.map((p) => ({ x0: sx(p.x) - 5, x1: sx(p.x) + 5, y0: sy(p.performance) - 5, y1: sy(p.performance) + 5 }));
    for (const p of pts) if (p.interval) taken.push({ x0: sx(p.interval[0] * 100), x1: sx(p.interval[1] * 100), y0: sy(p.performance) - 1.5, y1: sy(p.performance) + 1.5 });
    const corner = (text: string, anchor: 'start' | 'end', atTop: boolean): void => {
      const w = linesWidth([text], 12, true);
      const x = anchor === 'start' ? left + 6 : right - 6;
      const y = atTop ? top + 14 : bottom - 8;
      taken.push({ x0: anchor === 'start' ? x : x - w, x1: anchor === 'start' ? x + w : x, y0: y - 12, y1: y + 4 });
      g.appendChild(svgElement(document, 'text', { x, y, 'text-anchor': anchor, 'font-size': 12, 'font-weight': 600, fill: MUTED }, text));
    };
    corner(input.quadrantLabels.maintain, 'start', true);
    corner(input.quadrantLabels.strength, 'end', true);
    corner(input.quadrantLabels.lower, 'start', false);
    corner(input.quadrantLabels.develop, 'end', false);

    // Greedy placement, top to bottom: right, left, above, below, then further out.
    const order = [...pts].sort((a, b) => b.performance - a.performance || a.x - b.x || a.order - b.order);
    for (const p of order) {
      const px = sx(p.x);
      const py = sy(p.performance);
      const w = linesWidth(p.lines, 11);
      const h = p.lines.length * LINE_HEIGHT;
      const candidates: { x: number; y: number; anchor: 'start' | 'end' | 'middle' }[] = [];
      for (const shift of [0, 1, -1, 2, -2, 3, -3]) {
        const dy = shift * (LINE_HEIGHT - 2);
        candidates.push({ x: px + 8, y: py + dy, anchor: 'start' });
        candidates.push({ x: px - 8, y: py + dy, anchor: 'end' });
        if (shift === 0) {
          candidates.push({ x: px, y: py - 8 - h / 2, anchor: 'middle' });
          candidates.push({ x: px, y: py + 8 + h / 2, anchor: 'middle' });
        }
      }
      const boxOf = (c: (typeof candidates)[number]): Box => {
        const x0 = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
        return { x0, x1: x0 + w, y0: c.y - h / 2, y1: c.y + h / 2 };
      };
      const inside = (b: Box): boolean => b.x0 >= left - 2 && b.x1 <= right + 2 && b.y0 >= top - 2 && b.y1 <= bottom + 2;
      const chosen = candidates.find((c) => inside(boxOf(c)) && !taken.some((t) => overlaps(t, boxOf(c)))) ?? candidates.find((c) => inside(boxOf(c))) ?? candidates[0];
      const box = boxOf(chosen);
      taken.push(box);
      // A white ground keeps a label readable where it still crosses an interval line or a grid line.
      // (Not a stroke around the letters: Chromium prints stroked text as a second copy of the text.)
      const pad = 1.5;
      g.appendChild(
        svgElement(document, 'rect', {
          x: round(box.x0 - pad),
          y: round(box.y0 - pad),
          width: round(box.x1 - box.x0 + 2 * pad),
          height: round(box.y1 - box.y0 + 2 * pad),
          rx: 2,
          fill: '#ffffff',
          'fill-opacity': 0.85,
        }),
      );
      g.appendChild(multilineText(document, p.lines, { x: round(chosen.x), y: round(chosen.y), 'text-anchor': chosen.anchor }));
    }
    return g as unknown as SVGElement;
  };

  const xTickFormat = (t: number): string => formatPercent(t / 100, lang);
  // Ticks on a step that the one-decimal labels can show without repeating a label.
  const span = yDomain[1] - yDomain[0];
  const yStep = span > 2 ? 0.5 : span > 0.8 ? 0.2 : 0.1;
  const yTicks = Array.from({ length: Math.floor(span / yStep + 1e-9) + 2 }, (_, i) => Math.round((Math.ceil(yDomain[0] / yStep - 1e-9) + i) * yStep * 10) / 10).filter((t) => t <= yDomain[1] + 1e-9);
  const yTickFormat = (t: number): string => formatNumber(t, 1, lang);
  return renderChart(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: { domain: [0, xMax], nice: true, label: null, tickFormat: xTickFormat },
      y: { domain: yDomain, label: null, ticks: yTicks, tickFormat: yTickFormat },
      marks: [
        Plot.gridX({ stroke: GRID, strokeOpacity: 1 }),
        Plot.gridY(yTicks, { stroke: GRID, strokeOpacity: 1 }),
        Plot.ruleX([input.importanceSplit * 100], { stroke: RULE, strokeDasharray: '4,3' }),
        Plot.ruleY([input.performanceSplit], { stroke: RULE, strokeDasharray: '4,3' }),
        Plot.axisX({ tickSize: 0, tickFormat: xTickFormat, label: null, fill: MUTED }),
        Plot.axisY({ tickSize: 0, ticks: yTicks, tickFormat: yTickFormat, label: null, fill: MUTED }),
        Plot.text([axis.importance], { frameAnchor: 'bottom', dy: marginBottom - 8, fill: MUTED }),
        Plot.text([axis.performance], { frameAnchor: 'left', dx: -(marginLeft - 12), rotate: -90, fill: MUTED }),
        Plot.ruleY(
          pts.filter((p) => p.interval),
          { y: 'performance', x1: (p: (typeof pts)[number]) => p.interval![0] * 100, x2: (p: (typeof pts)[number]) => p.interval![1] * 100, stroke: 'colour', strokeWidth: 1.5, strokeOpacity: 0.6 },
        ),
        Plot.dot(
          pts.filter((p) => p.stable !== false),
          { x: 'x', y: 'performance', r: 5, fill: 'colour', stroke: '#ffffff', strokeWidth: 1 },
        ),
        Plot.dot(
          pts.filter((p) => p.stable === false),
          { x: 'x', y: 'performance', r: 4.5, fill: '#ffffff', stroke: 'colour', strokeWidth: 2 },
        ),
        labelsMark,
        Plot.frame({ stroke: GRID }),
      ],
    },
    { idPrefix: options.idPrefix, ariaLabel: options.ariaLabel ?? importancePerformanceSummary(input, lang) },
  );
}
