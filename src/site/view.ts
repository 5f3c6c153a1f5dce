/**
 * Display helpers: turn the report model into what a page shows (texts, links,
 * table rows). They look things up and format; they compute no statistics.
 */
import type { Lang } from '../study/schema.ts';
import type { Cell, ComparisonModel, EditionModel, IndicatorModel, IndicatorStats, ReportModel, StudyMeta } from '../model/types.ts';
import { formatCount, formatNumber, formatPStatement, formatPercent, formatSigned } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { groupSlugOf } from '../study/slug.ts';
import type { PageContext } from './page-context.ts';

export { slug } from '../study/slug.ts';

/** The page name of a group (the rule is the study's, which refuses two groups with one page). */
export function groupSlug(study: StudyMeta, code: string): string {
  return groupSlugOf(
    study.groups.map((g) => g.code),
    code,
  );
}

/**
 * An id as part of an anchor and a file name: letters, digits, "-" and "_" kept, any
 * other run of characters one "-". The same id gives the same name in every build.
 */
export function figureSlug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The kinds of file each figure is built as. */
export type FigureFileKind = 'svg' | 'png';

/** Where a figure's file is served: /<lang>/<year>/figures/<file>.<kind>. */
export function figureFileHref(lang: Lang, year: number, file: string, kind: FigureFileKind): string {
  return `/${lang}/${year}/figures/${file}.${kind}`;
}

/** Where the share image of an edition in a language is served (Open Graph). */
export function shareImageHref(lang: Lang, year: number): string {
  return `/${lang}/${year}/share.png`;
}

/** The name a downloaded figure file is saved under: the study, edition and language with the figure's name. */
export function figureDownloadName(study: StudyMeta, year: number, lang: Lang, file: string, kind: FigureFileKind): string {
  return `${study.id}-${year}-${lang}-${file}.${kind}`;
}

export function pdfFileName(study: StudyMeta, edition: EditionModel, lang: Lang): string {
  return `${study.id}-${edition.year}-${lang}-v${edition.version}.pdf`;
}

export function pdfHref(study: StudyMeta, edition: EditionModel, lang: Lang): string {
  return `/pdf/${pdfFileName(study, edition, lang)}`;
}

/** The name of an edition's workbook or deck in one language: like the PDF's, with the file's own extension. */
export function officeFileName(study: StudyMeta, edition: EditionModel, lang: Lang, kind: 'xlsx' | 'pptx'): string {
  return `${study.id}-${edition.year}-${lang}-v${edition.version}.${kind}`;
}

export function officeHref(study: StudyMeta, edition: EditionModel, lang: Lang, kind: 'xlsx' | 'pptx'): string {
  return `/downloads/${officeFileName(study, edition, lang, kind)}`;
}

export function downloadHref(study: StudyMeta, edition: EditionModel, kind: 'csv' | 'json'): string {
  return `/downloads/${study.id}-${edition.year}-indicators.${kind}`;
}

export function editionOf(model: ReportModel, year: number): EditionModel {
  const e = model.editions.find((x) => x.year === year);
  if (!e) throw new Error(`no edition ${year}`);
  return e;
}

export function indicatorOf(edition: EditionModel, id: string): IndicatorModel {
  const x = edition.indicators.find((i) => i.id === id);
  if (!x) throw new Error(`no indicator ${id}`);
  return x;
}

export function bandOfId(study: StudyMeta, id: string | undefined) {
  return study.bands.find((b) => b.id === id);
}

/** The decimals a figure is shown with: scale means two, NPS none. */
export function decimalsFor(indicator: Pick<IndicatorModel, 'kind'>): number {
  return indicator.kind === 'nps' ? 0 : 2;
}

/** A cell's value as shown: the number, or "n < 30" when withheld. */
export function cellText(cell: Cell | undefined, lang: Lang, study: StudyMeta, decimals = 2): string {
  if (!cell) return '–';
  if (!cell.shown) return t(lang, 'ui.suppressed', { base: study.minBase });
  return formatNumber(cell.estimate, decimals, lang);
}

export function shareText(cell: Cell | undefined, lang: Lang, study: StudyMeta): string {
  if (!cell) return '–';
  if (!cell.shown) return t(lang, 'ui.suppressed', { base: study.minBase });
  return formatPercent(cell.estimate, lang);
}

export function ciText(cell: Cell | undefined, lang: Lang, decimals = 2): string {
  if (!cell?.shown) return '–';
  return `${formatNumber(cell.ci[0], decimals, lang)}–${formatNumber(cell.ci[1], decimals, lang)}`;
}

export function nText(cell: Cell | undefined, lang: Lang, study: StudyMeta): string {
  if (!cell) return '–';
  if (!cell.shown) return t(lang, 'ui.suppressed', { base: study.minBase });
  return formatCount(cell.n, lang);
}

/** "+0,12*" style change text; the star marks significance. */
export function changeText(c: ComparisonModel | undefined, lang: Lang, decimals = 2): string {
  if (!c) return '–';
  return formatSigned(c.difference, decimals, lang) + (c.significant ? '*' : '');
}

/**
 * The change in words. Without a comparison: why not, when the indicator is not
 * comparable with the previous edition of `previousYear` (see IndicatorModel.notComparable).
 */
export function changeDescription(c: ComparisonModel | undefined, lang: Lang, decimals = 2, why?: { notComparable?: IndicatorModel['notComparable']; previousYear?: number | undefined }): string {
  if (!c && why?.notComparable === 'notAsked') return t(lang, 'ui.notComparedNotAsked', { year: String(why.previousYear ?? '') });
  if (!c && why?.notComparable === 'break') return t(lang, 'ui.notComparedBreak');
  if (!c && why?.notComparable === 'redefined') return t(lang, 'ui.notComparedRedefined');
  if (!c) return t(lang, 'ui.noPrevious');
  // No-break spaces keep "p = 0,207" on one line.
  if (c.noTest) return `${formatSigned(c.difference, decimals, lang)} (${t(lang, 'ui.noTest')})`;
  const p = c.adjustedP === undefined ? formatPStatement(c.p, lang) : `${t(lang, 'ui.adjusted')} ${formatPStatement(c.adjustedP, lang)}`;
  return `${formatSigned(c.difference, decimals, lang)} (${c.significant ? t(lang, 'ui.significant') : t(lang, 'ui.notSignificant')}, ${p})`;
}

/** "3,45 (ero +0,02, ei tilastollisesti merkitsevä)": the benchmark and our difference from it. */
export function benchmarkDescription(b: NonNullable<IndicatorStats['benchmark']>, lang: Lang, decimals = 2): string {
  const c = b.comparison;
  const value = formatNumber(b.mean, decimals, lang);
  if (!c) return value;
  return `${value} (${t(lang, 'ui.difference').toLowerCase()} ${formatSigned(c.difference, decimals, lang)}, ${c.noTest ? t(lang, 'ui.noTest') : c.significant ? t(lang, 'ui.significant') : t(lang, 'ui.notSignificant')})`;
}

export function bandText(study: StudyMeta, cell: Cell | undefined, lang: Lang): string {
  if (!cell?.shown) return '–';
  return bandOfId(study, cell.band)?.label[lang] ?? '–';
}

/** The threshold text of each band: "≥ 4,00", "3,50–3,99", "< 2,50". */
export function bandRanges(study: StudyMeta, lang: Lang): { id: string; label: string; range: string; colour: string; textColour: string }[] {
  return study.bands.map((b, i) => {
    const upper = study.bands[i - 1]?.min;
    const range =
      b.min === undefined
        ? `< ${formatNumber(upper ?? study.scale.max, 2, lang)}`
        : upper === undefined
          ? `≥ ${formatNumber(b.min, 2, lang)}`
          : `${formatNumber(b.min, 2, lang)}–${formatNumber(upper - 0.01, 2, lang)}`;
    return { id: b.id, label: b.label[lang], range, colour: b.colour, textColour: b.textColour };
  });
}

export interface Headline {
  id: string;
  label: string;
  value: string;
  band?: { label: string; colour: string; textColour: string };
  change: string;
  /** The change from the previous edition in words; none in the first edition, which has nothing to change from. */
  changeLong?: string;
  significant: boolean;
  n: string;
}

/** The headline figures: the headline indices, then the NPS. */
export function headlines(ctx: Pick<PageContext, 'model' | 'edition' | 'lang'>): Headline[] {
  const { model, edition, lang } = ctx;
  return model.study.headlines.map((id) => {
    const indicator = indicatorOf(edition, id);
    const stats = indicator.stats.total;
    const d = decimalsFor(indicator);
    const band = stats?.mean.shown ? bandOfId(model.study, stats.mean.band) : undefined;
    return {
      id,
      label: indicator.label[lang],
      value: indicator.notAsked ? t(lang, 'ui.notAsked') : cellText(stats?.mean, lang, model.study, d),
      ...(band ? { band: { label: band.label[lang], colour: band.colour, textColour: band.textColour } } : {}),
      change: changeText(stats?.previous, lang, d),
      ...(edition.previousYear !== undefined ? { changeLong: changeDescription(stats?.previous, lang, d, { notComparable: indicator.notComparable, previousYear: edition.previousYear }) } : {}),
      significant: stats?.previous?.significant ?? false,
      n: nText(stats?.mean, lang, model.study),
    };
  });
}

/** The areas of the summary's overview: those study.json chooses (summary.areas), in its order, else every dimension in the study's order; only the edition's. */
export function overviewDimensions(ctx: Pick<PageContext, 'study' | 'dimensions'>): string[] {
  const { study, dimensions } = ctx;
  return study.summaryAreas ? study.summaryAreas.filter((id) => dimensions.includes(id)) : dimensions;
}

/** The overview chart's caption, naming the markers it really has. */
export function areasCaption(ctx: Pick<PageContext, 'edition' | 't'>, ids: readonly string[]): string {
  const { edition, t } = ctx;
  const stats = ids.map((id) => indicatorOf(edition, id).stats.total);
  const extras = [
    ...(stats.some((s) => s?.mean.shown && s.benchmark) ? [t('ui.withBenchmark')] : []),
    ...(edition.previousYear !== undefined && stats.some((s) => s?.previous) ? [t('ui.withPrevious')] : []),
  ];
  const base = t('ui.areasCaption');
  if (extras.length === 0) return base;
  return `${base}, ${extras.join(` ${t('ui.and')} `)}`;
}
