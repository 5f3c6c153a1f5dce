/**
 * The PowerPoint download of an edition in one language: a title slide, the headline
 * figures, then the areas, a headline figure by group, the NPS, the key drivers and the
 * trends as native charts, each only where the edition has it. Every text comes from
 * the dictionary and the study; each chart's speaker notes are the sentence the site
 * gives the same chart as its text alternative.
 */
import type PptxGenJSModule from 'pptxgenjs';
import type { Lang } from '../study/schema.ts';
import type { Cell, EditionModel, ReportModel } from '../model/types.ts';
import { roundHalfAwayFromZero } from '../estimate/round.ts';
import { formatDate, localeOf, t } from '../i18n/index.ts';
import { TOTAL } from '../site/domain-key.ts';
import { npsFigure, groupBars, trendFigure, type FigureView } from '../site/figures.ts';
import { pageContext } from '../site/page-context.ts';
import { hasGroups, trendIndicators } from '../site/presence.ts';
import { headlineTable } from '../site/report-tables.ts';
import { chapters } from '../site/routes.ts';
import { driversView, summaryView } from '../site/sections.ts';
import { npsParts } from '../site/stats.ts';
import { bandOfId, cellText, decimalsFor, indicatorOf, overviewDimensions } from '../site/view.ts';
import { documentDate } from './workbook.ts';
import { repackOffice } from './zip-dates.ts';

type PptxGenJS = typeof PptxGenJSModule.default;
type Slide = ReturnType<InstanceType<PptxGenJS>['addSlide']>;

/** pptxgenjs, loaded when a deck is made rather than by every build that renders the pages. Its types describe its CommonJS build: the class is the default export's default. */
async function loadPptxGenJS(): Promise<PptxGenJS> {
  const module = await import('pptxgenjs');
  return ((module.default as unknown as { default?: unknown }).default ?? module.default) as PptxGenJS;
}
type ShownCell = Extract<Cell, { shown: true }>;

const FONT = 'Arial';
const TEXT = '1F2937';
const MUTED = '5A5A5A';
/** Line colours of the trend series: all respondents first, then the groups. */
const SERIES = ['1D4E89', 'B8430F', '2A9D8F', '8E5572', 'E9C46A', '5A5A5A', '6A994E', '3D5A80', 'C97C5D', '264653'];

/** The text alternative the site gives a chart: its SVG's aria-label. */
export function chartFinding(svg: string): string {
  const m = /^<svg[^>]*?\saria-label="([^"]*)"/.exec(svg);
  return (m?.[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const hex = (colour: string) => colour.replace('#', '').toUpperCase();
/** A figure as shown: rounded to the decimals the site shows it with. */
const shownValue = (cell: ShownCell, decimals: number) => roundHalfAwayFromZero(cell.estimate, decimals);

interface SlideSpec {
  title: string;
  notes: string;
}

/** The deck of an edition in `lang`, as the bytes of a .pptx file; the same model gives the same bytes. */
export async function deckBytes(model: ReportModel, edition: EditionModel, lang: Lang): Promise<Uint8Array> {
  const { study } = model;
  // Spelling and hyphenation in the slides' own language.
  const tag = localeOf(lang).tag;
  const pptx = new (await loadPptxGenJS())();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = study.organisation[lang];
  pptx.company = study.organisation[lang];
  pptx.title = `${study.title[lang]} ${edition.year}`;
  pptx.subject = study.title[lang];
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const summaryRoute = chapters(model, edition, lang)[0]!.first;
  const ctx = pageContext(model, summaryRoute);
  const status = edition.published ? `${t(lang, 'ui.published')} ${formatDate(edition.published, lang)}` : `${t(lang, 'ui.draft')} · ${t(lang, 'ui.built')} ${formatDate(model.builtOn, lang)}`;
  const source = `${t(lang, 'office.source')}: ${study.organisation[lang]} · ${study.title[lang]} ${edition.year} · ${t(lang, 'ui.version')} ${edition.version}`;

  const slide = (spec: SlideSpec) => {
    const s = pptx.addSlide();
    s.addText(spec.title, { x: 0.5, y: 0.3, w: 12.3, h: 0.8, fontFace: FONT, lang: tag, fontSize: 26, bold: true, color: TEXT });
    s.addText(source, { x: 0.5, y: 6.95, w: 12.3, h: 0.35, fontFace: FONT, lang: tag, fontSize: 10, color: MUTED });
    if (spec.notes) s.addNotes(spec.notes);
    return s;
  };
  const chartBox = { x: 0.5, y: 1.2, w: 12.3, h: 5.6 };
  const axisText = { lang: tag, catAxisLabelFontFace: FONT, valAxisLabelFontFace: FONT, catAxisLabelFontSize: 12, valAxisLabelFontSize: 11, catAxisLabelColor: TEXT, valAxisLabelColor: MUTED };

  // Title.
  const title = pptx.addSlide();
  title.addText(study.title[lang], { x: 0.8, y: 2.0, w: 11.7, h: 1.4, fontFace: FONT, lang: tag, fontSize: 40, bold: true, color: TEXT });
  title.addText(`${t(lang, 'ui.reportFor')} ${edition.year}`, { x: 0.8, y: 3.4, w: 11.7, h: 0.7, fontFace: FONT, lang: tag, fontSize: 24, color: TEXT });
  title.addText(`${study.organisation[lang]} · ${t(lang, 'ui.version')} ${edition.version} · ${status}`, { x: 0.8, y: 4.3, w: 11.7, h: 0.5, fontFace: FONT, lang: tag, fontSize: 14, color: MUTED });
  if (edition.status === 'draft')
    title.addText(`${t(lang, 'ui.draft')}: ${t(lang, 'ui.draftNotice')}`, { x: 0.8, y: 5.0, w: 11.7, h: 0.5, fontFace: FONT, lang: tag, fontSize: 14, bold: true, color: 'B8430F' });

  // Headline figures, as the summary's cards: a table.
  const headline = headlineTable(model, edition, lang);
  const cards = slide({ title: headline.caption, notes: headline.rows.map((r) => `${r[0]!.text}: ${r[1]!.text}`).join('\n') });
  cards.addTable(
    [
      headline.head.map((text, c) => ({ text, options: { bold: true, fill: { color: 'E8ECF1' }, align: headline.numeric[c] ? ('right' as const) : ('left' as const) } })),
      ...headline.rows.map((r) => r.map((x, c) => ({ text: x.text, options: { align: headline.numeric[c] ? ('right' as const) : ('left' as const) } }))),
    ],
    { x: 0.5, y: 1.4, w: 12.3, fontFace: FONT, lang: tag, fontSize: 16, color: TEXT, border: { type: 'solid', pt: 0.5, color: 'CCCCCC' } },
  );

  // The areas: the summary's chart of means, in band colours.
  const summary = summaryView(ctx, 'summary');
  const dimensions = overviewDimensions(ctx);
  // The chart has the means alone (no intervals or markers): its title says so, not the site's caption.
  if (summary.areas) barSlide({ ...summary.areas, caption: `${t(lang, 'ui.dimensions')}: ${t(lang, 'ui.score').toLowerCase()}` }, dimensions, TOTAL, (id) => indicatorOf(edition, id).label[lang]);

  // The first headline figure by group.
  const firstHeadline = study.headlines.find((id) => id !== 'nps' && !indicatorOf(edition, id).notAsked);
  if (hasGroups(study) && firstHeadline) {
    const figure = groupBars(ctx, firstHeadline, 'deck-groups');
    const x = indicatorOf(edition, firstHeadline);
    const rows = ctx.domains.flatMap(({ key, label }) => {
      const cell = x.stats[key]?.mean;
      return cell?.shown ? [{ label, cell }] : [];
    });
    const s = slide({ title: figure.caption, notes: chartFinding(figure.svg) });
    addBars(s, rows, decimalsFor(x));
  }

  // The NPS: promoters, passives and detractors, stacked.
  const nps = npsFigure(ctx, 'deck-nps');
  if (nps) {
    const x = indicatorOf(edition, 'nps');
    const rows = ctx.domains.flatMap(({ key, label }) => {
      const stats = x.stats[key];
      const parts = stats ? npsParts(stats) : undefined;
      return stats && parts?.promoters.shown && parts.passives.shown && parts.detractors.shown ? [{ label: `${label} (NPS ${cellText(stats.mean, lang, study, 0)})`, parts }] : [];
    });
    const s = slide({ title: nps.caption, notes: chartFinding(nps.svg) });
    const labels = rows.map((r) => r.label);
    const [high, , mid, , low] = [...study.bands.map((b) => hex(b.colour)), ...Array(5).fill('888888')];
    s.addChart(
      pptx.ChartType.bar,
      (['promoters', 'passives', 'detractors'] as const).map((part) => ({ name: t(lang, `ui.${part}`), labels, values: rows.map((r) => shownValue(r.parts[part] as ShownCell, 2)) })),
      {
        ...chartBox,
        ...axisText,
        barDir: 'bar',
        barGrouping: 'percentStacked',
        // Top to bottom in the site's order (the library's types know only the default).
        catAxisOrientation: 'maxMin' as 'minMax',
        chartColors: [high!, mid ?? 'DDD5C4', study.bands.length > 1 ? hex(study.bands[study.bands.length - 1]!.colour) : low!],
        showLegend: true,
        legendPos: 'b',
        legendFontFace: FONT,
        showValue: true,
        dataLabelFormatCode: '0%',
        dataLabelColor: TEXT,
        valAxisLabelFormatCode: '0%',
      },
    );
  }

  // The key drivers of all respondents and of each group with an analysis: importance against performance.
  // A factor whose quadrant is uncertain says so in its label, as the site's hollow point does.
  for (const drivers of driversView(ctx).charts) {
    const model = edition.drivers.find((d) => d.domain === drivers.domain);
    if (!model) continue;
    const s = slide({ title: drivers.figure.caption, notes: [chartFinding(drivers.figure.svg), ...drivers.notes].join('\n') });
    const points = model.predictors;
    const uncertain = t(lang, 'ui.quadrantUncertain').toLocaleLowerCase(tag);
    s.addChart(
      pptx.ChartType.scatter,
      [
        { name: t(lang, 'chart.axisImportance'), values: points.map((p) => roundHalfAwayFromZero(p.importance, 2)) },
        {
          name: t(lang, 'chart.axisPerformance'),
          values: points.map((p) => roundHalfAwayFromZero(p.performance, 2)),
          labels: points.map((p) => (p.quadrantStable ? p.label[lang] : `${p.label[lang]} (${uncertain})`)),
        },
      ],
      {
        ...chartBox,
        ...axisText,
        lineSize: 0,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 10,
        chartColors: [hex(study.bands[0]?.colour ?? '#1d4e89')],
        showLabel: true,
        dataLabelFormatScatter: 'custom',
        dataLabelFontSize: 10,
        dataLabelPosition: 'r',
        showCatAxisTitle: true,
        catAxisTitle: t(lang, 'chart.axisImportance'),
        showValAxisTitle: true,
        valAxisTitle: t(lang, 'chart.axisPerformance'),
        valAxisLabelFormatCode: '0.00',
        showLegend: false,
      },
    );
  }

  // Trends: each headline figure and area with figures from earlier editions, by domain.
  for (const [i, id] of trendIndicators(model, edition).entries()) {
    const figure = trendFigure(ctx, id, `deck-trend-${i}`);
    const x = indicatorOf(edition, id);
    const d = decimalsFor(x);
    const years = model.editions.filter((e) => e.year <= edition.year).map((e) => e.year);
    const series = ctx.domains.flatMap(({ key, label }) => {
      const points = model.trends.find((tr) => tr.indicator === id && tr.domain === key)?.points ?? [];
      const values = years.map((y) => points.find((p) => p.year === y)?.cell);
      // A series of all respondents, and a group's where every year is shown.
      return values.every((c) => c?.shown) ? [{ name: label, labels: years.map(String), values: values.map((c) => shownValue(c as ShownCell, d)) }] : [];
    });
    if (series.length === 0) continue;
    const s = slide({ title: figure.caption, notes: [chartFinding(figure.svg), ...(figure.notes ?? [])].join('\n') });
    s.addChart(pptx.ChartType.line, series, {
      ...chartBox,
      ...axisText,
      // A colour for every series: pptxgenjs picks one at random for a series without one.
      chartColors: series.map((_, k) => SERIES[k % SERIES.length]!),
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 7,
      showLegend: series.length > 1,
      legendPos: 'r',
      legendFontFace: FONT,
      valAxisLabelFormatCode: d === 0 ? '0' : '0.00',
      ...(x.kind === 'nps' ? {} : { valAxisMinVal: study.scale.min, valAxisMaxVal: study.scale.max }),
    });
  }

  const written = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return repackOffice(written, documentDate(model, edition));

  function barSlide(figure: FigureView, ids: readonly string[], domain: string, label: (id: string) => string) {
    const rows = ids.flatMap((id) => {
      const cell = indicatorOf(edition, id).stats[domain]?.mean;
      return cell?.shown ? [{ label: label(id), cell }] : [];
    });
    const s = slide({ title: figure.caption, notes: [chartFinding(figure.svg), ...(figure.notes ?? [])].join('\n') });
    addBars(s, rows, 2);
  }

  /** Horizontal bars of means in the colour of each one's band, on the study's scale. */
  function addBars(s: Slide, rows: { label: string; cell: ShownCell }[], decimals: number) {
    const colours = rows.map((r) => hex(bandOfId(study, r.cell.band)?.colour ?? '#888888'));
    s.addChart(pptx.ChartType.bar, [{ name: t(lang, 'ui.score'), labels: rows.map((r) => r.label), values: rows.map((r) => shownValue(r.cell, decimals)) }], {
      ...chartBox,
      ...axisText,
      barDir: 'bar',
      // Top to bottom in the site's order (the library's types know only the default).
      catAxisOrientation: 'maxMin' as 'minMax',
      // Two colours at least, so that pptxgenjs colours each bar by its band.
      chartColors: colours.length > 1 ? colours : [...colours, ...colours, 'FFFFFF'],
      valAxisMinVal: study.scale.min,
      valAxisMaxVal: study.scale.max,
      showValue: true,
      dataLabelFormatCode: decimals === 0 ? '0' : '0.00',
      dataLabelColor: TEXT,
      showLegend: false,
    });
  }
}
