/**
 * Shared chart machinery: renders an Observable Plot specification on a server
 * DOM and turns the result into self-contained, accessible SVG markup.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { t } from '../i18n/index.ts';
import type { Cell } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import { INK, MUTED } from './palette.ts';
import { LABEL_WRAP_WIDTH, linesWidth, textWidth, wrapText } from './text.ts';

export interface ChartOptions {
  lang: Lang;
  /** Unique per page, prefixes generated ids (clip paths etc.). */
  idPrefix: string;
  width?: number;
  /** Replaces the generated text alternative (the chart's main finding). */
  ariaLabel?: string;
}

/** Class every chart's root <svg> carries (styled by charts.css). */
export const CHART_CLASS = 'luotain-chart';
export const FONT_FAMILY = 'Inter, sans-serif';
/** Base font size in px of chart text. */
export const FONT_SIZE = 12;
export const DEFAULT_WIDTH = 720;
/** Line height in px of wrapped labels. */
export const LINE_HEIGHT = 14;

/** A shown cell: one with numbers. */
export type ShownCell = Extract<Cell, { shown: true }>;

export function isShown(cell: Cell | undefined): cell is ShownCell {
  return cell !== undefined && cell.shown === true && Number.isFinite(cell.estimate);
}

/** The text drawn where a suppressed figure would be. */
export function suppressedText(minBase: number): string {
  return `n < ${minBase}`;
}

/** The italic "n < 30" written at `x` on each withheld row (rows keyed by `id` on y), in place of its figure. */
export function suppressedRowsMark(rows: readonly { id: string }[], x: number, minBase: number, dx = 4): Plot.Markish {
  return Plot.text(rows, { x, y: 'id', text: () => suppressedText(minBase), dx, textAnchor: 'start', fill: MUTED, fontStyle: 'italic' });
}

// One server document for all charts: Plot creates detached elements in it and
// never attaches them, so sharing it keeps rendering deterministic.
let sharedDocument: Document | undefined;
function chartDocument(): Document {
  sharedDocument ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return sharedDocument;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (and text content). */
export function svgElement(document: Document, name: string, attributes: Record<string, string | number | undefined>, text?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, name) as SVGElement;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(key, typeof value === 'number' ? String(round(value)) : value);
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Rounds a coordinate to two decimals (smaller, stable markup). */
export function round(x: number): number {
  return Math.round(x * 100) / 100 || 0;
}

/** Appends a multi-line text element: lines stacked around y (vertically centred). */
export function multilineText(document: Document, lines: string[], attributes: Record<string, string | number | undefined> & { x: number; y: number }): SVGElement {
  const { x, y, ...rest } = attributes;
  const text = svgElement(document, 'text', { x, y, ...rest });
  const first = -((lines.length - 1) / 2) * LINE_HEIGHT;
  lines.forEach((line, i) => {
    text.appendChild(svgElement(document, 'tspan', { x, dy: i === 0 ? round(first) + 4 : LINE_HEIGHT }, line));
  });
  return text;
}

function sanitizePrefix(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Renders a Plot specification and returns the bare <svg> markup: role="img" with
 * the text alternative, the stable class, the report font, no <style> block, no
 * nested aria labels, and every id renumbered under idPrefix.
 */
export function renderChart(spec: Plot.PlotOptions, meta: { idPrefix: string; ariaLabel: string }): string {
  const document = chartDocument();
  const node = Plot.plot({ ...spec, className: CHART_CLASS, document }) as unknown as Element;
  if (node.tagName.toLowerCase() !== 'svg') throw new Error('chart rendered as a figure; titles and legends belong to the page');
  const svg = node;
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const child of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    child.removeAttribute('aria-label');
    child.removeAttribute('aria-description');
  }
  svg.removeAttribute('aria-description');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', meta.ariaLabel);
  svg.setAttribute('class', CHART_CLASS);
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', String(FONT_SIZE));
  svg.removeAttribute('style');

  // Renumber ids in document order under the page-unique prefix.
  const prefix = sanitizePrefix(meta.idPrefix);
  const renames: [string, string][] = [];
  [...svg.querySelectorAll('[id]')].forEach((element, i) => {
    const old = element.getAttribute('id')!;
    const kind = /^plot-([a-z]+)-\d+$/.exec(old)?.[1] ?? 'id';
    const fresh = `${prefix}-${kind}-${i + 1}`;
    element.setAttribute('id', fresh);
    renames.push([old, fresh]);
  });
  // Coordinates rounded to two decimals inside attribute values (text is already formatted).
  let markup = svg.outerHTML.replace(/="[^"]*"/g, (attr) => attr.replace(/-?\d+\.\d{3,}/g, (n) => String(round(Number(n)))));
  for (const [old, fresh] of renames) {
    markup = markup.replace(new RegExp(`#${escapeRegExp(old)}(?![\\w-])`, 'g'), `#${fresh}`);
  }
  return markup;
}

// ——— Legends drawn as plain SVG (Plot's legends need a <figure> or <canvas>) ———

export type SwatchKind = 'square' | 'dot' | 'ring' | 'tick' | 'line';

export interface LegendItem {
  label: string;
  colour: string;
  kind?: SwatchKind;
}

export interface LegendLayout {
  items: (LegendItem & { x: number; row: number })[];
  height: number;
}

const SWATCH = 12;
const LEGEND_GAP = 18;
const LEGEND_ROW = 20;

/** Lays legend items out left to right, wrapping into rows within the width. */
export function layoutLegend(items: LegendItem[], width: number, left = 0): LegendLayout {
  let x = left;
  let row = 0;
  const placed: LegendLayout['items'] = [];
  for (const item of items) {
    const w = SWATCH + 6 + textWidth(item.label, FONT_SIZE);
    if (x > left && x + w > width) {
      row++;
      x = left;
    }
    placed.push({ ...item, x, row });
    x += w + LEGEND_GAP;
  }
  return { items: placed, height: items.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}

/** A render-function mark drawing the legend with its first row centred on y = top + 10. */
export function legendMark(layout: LegendLayout, top = 0): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const document = context.document as unknown as Document;
    const g = svgElement(document, 'g', { class: 'luotain-legend' });
    for (const item of layout.items) {
      const cy = top + item.row * LEGEND_ROW + 10;
      const x = item.x;
      const kind = item.kind ?? 'square';
      if (kind === 'square') {
        g.appendChild(svgElement(document, 'rect', { x, y: cy - SWATCH / 2, width: SWATCH, height: SWATCH, fill: item.colour }));
      } else if (kind === 'dot' || kind === 'ring') {
        g.appendChild(
          svgElement(document, 'circle', {
            cx: x + SWATCH / 2,
            cy,
            r: 4.5,
            fill: kind === 'dot' ? item.colour : '#ffffff',
            stroke: kind === 'dot' ? INK : item.colour,
            'stroke-width': 1.5,
          }),
        );
      } else if (kind === 'tick') {
        g.appendChild(svgElement(document, 'line', { x1: x + SWATCH / 2, x2: x + SWATCH / 2, y1: cy - 7, y2: cy + 7, stroke: item.colour, 'stroke-width': 2 }));
      } else {
        g.appendChild(svgElement(document, 'line', { x1: x, x2: x + SWATCH, y1: cy, y2: cy, stroke: item.colour, 'stroke-width': 2 }));
        g.appendChild(svgElement(document, 'circle', { cx: x + SWATCH / 2, cy, r: 3, fill: item.colour }));
      }
      g.appendChild(svgElement(document, 'text', { x: x + SWATCH + 6, y: cy, dy: '0.32em', 'text-anchor': 'start' }, item.label));
    }
    return g as unknown as SVGElement;
  };
}

/**
 * Wraps row labels to fit the left margin and computes that margin: labels take
 * at most 40 % of the width (wrapped onto up to three balanced lines), at least 60 px.
 */
export function layoutRowLabels<T extends { label: string }>(rows: T[], width: number): { rows: (T & { lines: string[] })[]; marginLeft: number } {
  const maxMargin = Math.max(80, width * 0.4);
  const wrapWidth = Math.min(LABEL_WRAP_WIDTH, (maxMargin - 14) / 1.2);
  const wrapped = rows.map((r) => ({ ...r, lines: wrapText(r.label, wrapWidth) }));
  const marginLeft = Math.round(Math.min(maxMargin, Math.max(60, linesWidth(wrapped.flatMap((r) => r.lines)) + 14)));
  return { rows: wrapped, marginLeft };
}

/** Row labels drawn at the left of a band y scale, right-aligned, wrapped lines centred on the row. */
export function rowLabelsMark(rows: { id: string; lines: string[] }[], x: number): Plot.RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const document = context.document as unknown as Document;
    const y = scales.y as ((v: string) => number) & { bandwidth?: () => number };
    const half = (y.bandwidth?.() ?? 0) / 2;
    const g = svgElement(document, 'g', { class: 'luotain-row-labels', 'text-anchor': 'end' });
    for (const row of rows) {
      const cy = y(row.id);
      if (cy === undefined || Number.isNaN(cy)) continue;
      g.appendChild(multilineText(document, row.lines, { x, y: cy + half }));
    }
    return g as unknown as SVGElement;
  };
}

/** The sentence added to text alternatives when some figures are suppressed. */
export function suppressedSentence(count: number, minBase: number, lang: Lang): string {
  if (count === 0) return '';
  return ` ${t(lang, 'chart.suppressedSome', { count, base: minBase })}`;
}
