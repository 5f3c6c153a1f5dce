/**
 * A figure as a file of its own: the chart with its caption above, its notes and a
 * source line below, on white, with the chart's style sheet inside, so that it needs
 * nothing of the site. Its text is still text here; the build outlines it (see
 * `outlineSvg` in src/pipeline/figure-files.ts) so that it looks the same anywhere.
 */
import { FONT_FAMILY } from '../charts/render.ts';
import { INK, MUTED } from '../charts/palette.ts';
import { wrapText } from '../charts/text.ts';

export interface StandaloneFigure {
  /** The chart's <svg> markup as the page shows it (src/charts). */
  chartSvg: string;
  caption: string;
  /** Notes shown under the chart on the page (a break in a trend). */
  notes?: readonly string[];
  /** "Source: organisation, study year". */
  source: string;
  /** The language of the texts (the xml:lang of the file). */
  lang: string;
  /** The style sheet the chart relies on (src/charts/charts.css). */
  css: string;
}

/** Margin in px around the figure. */
export const PADDING = 24;
const CAPTION_SIZE = 16;
const CAPTION_LINE = 21;
const NOTE_SIZE = 12;
const NOTE_LINE = 16;
const SOURCE_SIZE = 11;
/** Bold text is wider than the widths text.ts measures (regular weight). */
const BOLD_WIDTH = 1.08;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The chart's markup as well-formed XML: it is serialised the HTML way, which leaves
 * `<` and `>` unescaped inside attribute values (a label in the text alternative),
 * where XML allows no `<`. Scans tags and their quoted values; text is left as it is.
 */
export function xmlAttributeValues(markup: string): string {
  let out = '';
  let state: 'text' | 'tag' | 'value' = 'text';
  for (const ch of markup) {
    if (state === 'value') {
      if (ch === '"') state = 'tag';
      out += ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch;
      continue;
    }
    if (state === 'text' && ch === '<') state = 'tag';
    else if (state === 'tag' && ch === '"') state = 'value';
    else if (state === 'tag' && ch === '>') state = 'text';
    out += ch;
  }
  return out;
}

/** The width and height of a chart from its viewBox. */
export function chartSize(chartSvg: string): { width: number; height: number } {
  const box = /^<svg\b(?:[^>"]|"[^"]*")*?\sviewBox="([^"]+)"/
    .exec(chartSvg)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length !== 4 || box.some((n) => !Number.isFinite(n))) throw new Error('a chart without a viewBox cannot stand alone');
  return { width: box[2]!, height: box[3]! };
}

/** The chart's text alternative (its aria-label), as written in its markup (escaped). */
function chartLabel(chartSvg: string): string {
  return /^<svg\b(?:[^>"]|"[^"]*")*?\saria-label="([^"]*)"/.exec(xmlAttributeValues(chartSvg))?.[1] ?? '';
}

function lines(texts: readonly string[], x: number, top: number, size: number, step: number, attributes: string): { markup: string; bottom: number } {
  const markup = texts.map((line, i) => `<text x="${x}" y="${top + size + i * step}"${attributes}>${escapeXml(line)}</text>`).join('');
  return { markup, bottom: top + texts.length * step };
}

/**
 * The figure as a standalone SVG document: title (the caption) and desc (the chart's
 * text alternative and the source line) for whoever reads it without seeing it.
 */
export function standaloneSvg(figure: StandaloneFigure): string {
  const chart = chartSize(figure.chartSvg);
  const width = Math.round(chart.width + 2 * PADDING);
  const textWidth = width - 2 * PADDING;
  const caption = lines(
    wrapText(figure.caption, textWidth / BOLD_WIDTH, CAPTION_SIZE, 4),
    PADDING,
    PADDING - 4,
    CAPTION_SIZE,
    CAPTION_LINE,
    ` font-size="${CAPTION_SIZE}" font-weight="700" fill="${INK}"`,
  );
  const chartTop = caption.bottom + 12;
  const noteLines = (figure.notes ?? []).flatMap((note) => wrapText(note, textWidth, NOTE_SIZE, 6));
  const notes = lines(noteLines, PADDING, chartTop + chart.height + 8, NOTE_SIZE, NOTE_LINE, ` font-size="${NOTE_SIZE}" fill="${MUTED}"`);
  const source = lines(wrapText(figure.source, textWidth, SOURCE_SIZE, 3), PADDING, notes.bottom + 10, SOURCE_SIZE, 15, ` font-size="${SOURCE_SIZE}" fill="${MUTED}"`);
  const height = Math.round(source.bottom + PADDING - 6);
  // The chart keeps its own markup, placed below the caption.
  const placedChart = xmlAttributeValues(figure.chartSvg).replace(/^<svg\b/, `<svg x="${PADDING}" y="${chartTop}"`);
  const description = [chartLabel(figure.chartSvg), escapeXml(figure.source)].filter(Boolean).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:lang="${escapeXml(figure.lang)}" font-family="${FONT_FAMILY}" color="${INK}">`,
    `<title>${escapeXml(figure.caption)}</title>`,
    `<desc>${description}</desc>`,
    `<style>${figure.css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .trim()}</style>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    caption.markup,
    placedChart,
    notes.markup,
    source.markup,
    '</svg>\n',
  ].join('');
}
