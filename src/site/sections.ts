/**
 * What each section of a page shows, chosen here from the page context so that the
 * components only render it: which figures, in which domains, under which ids.
 */
import type { PageContext } from './page-context.ts';
import type { Route } from './routes.ts';
import type { TableView } from './tables.ts';
import { TOTAL, groupKey, parseDomainKey } from './domain-key.ts';
import { benchmarkTable } from './benchmark.ts';
import { distributionFigure, domainTable, driversFigure, groupBars, indicatorBars, meanTable, npsFigure, profileFigure, totalTable, trendFigure, type FigureView } from './figures.ts';
import { DISCLOSURE_FLOOR } from '../study/disclosure.ts';
import { listText } from '../i18n/index.ts';
import { groupNotes } from './groups.ts';
import { testCountSentences, testCounts } from './method.ts';
import { hasGroups, hasPrevious, hasTrend, trendIndicators } from './presence.ts';
import { areasCaption, changeDescription, figureSlug, groupSlug, headlines, indicatorOf, overviewDimensions, type Headline } from './view.ts';

/** The code of a group's domain key (the report's domains are the total and the groups). */
function parseGroupCode(key: string): string {
  const parsed = parseDomainKey(key);
  return parsed && 'code' in parsed ? parsed.code : key;
}

/**
 * The strengths and development areas of a domain's driver analysis, most important first: only those whose
 * quadrant is stable over the replicates. `uncertain`: those whose estimate would be one, but whose quadrant is not.
 */
export function strengthsAndAreas(ctx: PageContext, domain: string): { strengths: string[]; develop: string[]; uncertain: string[] } | undefined {
  const drivers = ctx.edition.drivers.find((d) => d.domain === domain);
  if (!drivers) return undefined;
  const byImportance = [...drivers.predictors].sort((a, b) => b.importance - a.importance);
  const named = (q: 'strength' | 'develop') => byImportance.filter((p) => p.quadrant === q && p.quadrantStable).map((p) => p.label[ctx.lang]);
  return {
    strengths: named('strength'),
    develop: named('develop'),
    uncertain: byImportance.filter((p) => (p.quadrant === 'strength' || p.quadrant === 'develop') && !p.quadrantStable).map((p) => p.label[ctx.lang]),
  };
}

export interface SummaryView {
  cards: Headline[];
  /** The areas' means, when the edition has areas. */
  areas?: FigureView;
  /** Stable strengths and development areas; `uncertain`: a sentence naming those whose quadrant the replicates do not settle. */
  quadrants?: { strengths: string[]; develop: string[]; uncertain?: string };
  /** The NPS, when the study has one. */
  nps?: FigureView;
  /** Open answers to the NPS question, per group; no label in a study without groups. */
  quotes: { label?: string; texts: string[] }[];
  /** How the quotes were picked: from each group's answers, or from all of a study without groups. */
  quotesNote: string;
  /** How many tests the edition makes and how many chance alone would make significant; absent when it makes none. */
  testsNote?: string;
}

/** The summary: headline figures, the areas, strengths and development areas, the NPS and its quotes. */
export function summaryView(ctx: PageContext, idPrefix: string): SummaryView {
  const dimensions = overviewDimensions(ctx);
  // The print report prefixes the anchors; the files are the summary page's.
  const areaBars = dimensions.length > 0 ? indicatorBars(ctx, dimensions, TOTAL, `${idPrefix}-areas`, areasCaption(ctx, dimensions)) : undefined;
  const areas = areaBars && { ...areaBars, file: 'summary-areas' };
  const named = strengthsAndAreas(ctx, TOTAL);
  const quadrants = named && {
    strengths: named.strengths,
    develop: named.develop,
    ...(named.uncertain.length > 0 ? { uncertain: ctx.t('ui.quadrantUncertainList', { names: listText(named.uncertain, ctx.lang) }) } : {}),
  };
  const npsBars = npsFigure(ctx, `${idPrefix}-nps`);
  const nps = npsBars && { ...npsBars, file: 'summary-nps' };
  const tests = testCountSentences(testCounts(ctx.edition), ctx.lang);
  const adjusted = ctx.study.multipleComparisons === 'benjamini-hochberg' && ctx.edition.previousYear !== undefined;
  return {
    cards: headlines(ctx),
    ...(areas ? { areas } : {}),
    ...(quadrants ? { quadrants } : {}),
    ...(nps ? { nps } : {}),
    quotes: ctx.edition.quotes.map((q) => {
      // Group '' is the whole of a study without groups: its answers need no heading.
      const label = ctx.study.groups.find((g) => g.code === q.group)?.label[ctx.lang];
      return { ...(q.group !== '' && label !== undefined ? { label } : {}), texts: q.texts };
    }),
    quotesNote: ctx.t(hasGroups(ctx.study) ? 'ui.quotesNote' : 'ui.quotesNoteSample'),
    ...(tests.length > 0 ? { testsNote: [...tests, ...(adjusted ? [ctx.t('method.adjustedShort')] : [])].join(' ') } : {}),
  };
}

/**
 * An area's page: the change from the previous edition in words (after the first
 * edition), its statements, the distribution of answers, the groups (in a study with
 * groups) and the trend (when the area has figures from an earlier edition).
 */
export function areaView(ctx: PageContext, page: Route): { change?: string; items: FigureView; distribution: FigureView; groups?: FigureView; trend?: FigureView } {
  const { edition, t } = ctx;
  const dim = indicatorOf(edition, page.id);
  const prefix = page.anchor.replace(/-h$/, '');
  // The statements of the area in this edition and the editions before it: one no longer asked is noted as such.
  const everAsked = new Set(ctx.model.editions.filter((e) => e.year <= edition.year).flatMap((e) => e.indicators.find((x) => x.id === page.id)?.components ?? []));
  const statements = edition.indicators.filter((x) => x.kind === 'item' && everAsked.has(x.id)).map((x) => x.id);
  return {
    ...(hasPrevious(edition) ? { change: changeDescription(dim.stats[TOTAL]?.previous, ctx.lang, 2, { notComparable: dim.notComparable, previousYear: edition.previousYear }) } : {}),
    items: indicatorBars(ctx, statements, TOTAL, `${prefix}-items`, `${page.title}: ${t('ui.items').toLowerCase()}`),
    distribution: distributionFigure(ctx, [page.id, ...dim.components], TOTAL, `${prefix}-distribution`, `${page.title}: ${t('ui.distribution').toLowerCase()}`),
    ...(ctx.domains.length > 1 ? { groups: groupBars(ctx, page.id, `${prefix}-groups`) } : {}),
    ...(hasTrend(ctx.model, edition, page.id) ? { trend: trendFigure(ctx, page.id, `${prefix}-trend`) } : {}),
  };
}

/** A group's page: its respondents, what is withheld, its profile against everyone and its headline table. */
export function groupView(ctx: PageContext, page: Route): { respondents: string; notes: string[]; profile: FigureView; table: TableView } {
  const { edition, t, locale } = ctx;
  const code = page.id;
  const group = edition.respondents.groups.find((g) => g.code === code);
  const prefix = `group-${groupSlug(ctx.study, code)}`;
  const headline = ctx.study.headlines;
  const table = meanTable(ctx, [...headline, ...ctx.dimensions], groupKey(code));
  return {
    respondents: group?.complementary ? t('ui.withheldComplementary', { floor: DISCLOSURE_FLOOR }) : group?.n === undefined ? t('ui.suppressed', { base: DISCLOSURE_FLOOR }) : locale.count(group.n),
    notes: groupNotes(ctx, code),
    profile: profileFigure(ctx, { code, label: page.title }, [...headline.filter((h) => h !== 'nps'), ...ctx.dimensions], `${prefix}-profile`),
    table: { ...table, caption: `${page.title}: ${t('ui.headline').toLowerCase()}` },
  };
}

/** The benchmark page: the headline indices and areas against the benchmark, and a table per domain that has one. */
export function benchmarkView(ctx: PageContext): { note: string; figure: FigureView; tables: TableView[] } {
  const { t } = ctx;
  const ids = [...ctx.study.headlines.filter((h) => h !== 'nps'), ...ctx.dimensions];
  // The test uses the benchmark's standard error only where its sd and n are known.
  const anySe = ctx.edition.indicators.some((x) => Object.values(x.stats).some((st) => st?.benchmark?.se !== undefined));
  return {
    note: t(anySe ? 'ui.benchmarkNote' : 'ui.benchmarkNoteFixed'),
    // "All respondents" only beside the groups' tables.
    figure: indicatorBars(ctx, ids, TOTAL, 'benchmark-bars', hasGroups(ctx.study) ? `${t('ui.benchmark')} (${t('ui.total').toLowerCase()})` : t('ui.benchmark')),
    tables: ctx.domains.map((d) => benchmarkTable(ctx, d.key)).filter((x) => x !== undefined),
  };
}

/** The trends page: the series of every headline figure and area that has figures from an earlier edition. */
export function trendFigures(ctx: PageContext): FigureView[] {
  return trendIndicators(ctx.model, ctx.edition).map((id) => trendFigure(ctx, id, `trends-${figureSlug(id)}`));
}

/**
 * The tables page: each indicator in every domain of the edition (the groups and the
 * background classes); in an edition of all respondents alone, one table of every indicator.
 */
export function tablesView(ctx: PageContext, page: Route): TableView[] {
  const { edition } = ctx;
  const keys = edition.domains.map((d) => d.key);
  if (keys.every((k) => k === TOTAL)) return [totalTable(ctx, edition.indicators, page.title)];
  return edition.indicators.map((x) => domainTable(ctx, x, keys));
}

export interface DriversView {
  /** What the chart shows, naming the study's outcome. */
  explain: string;
  commentary?: string;
  /** One chart per domain with an analysis (its key), with a note for each predictor left out of it. */
  charts: { domain: string; figure: FigureView; notes: string[] }[];
  /** Why each domain without an analysis has none. */
  gaps: string[];
}

const GAP_KEYS = {
  base: 'ui.driversGapBase',
  weight: 'ui.driversGapWeight',
  withheld: 'ui.driversGapWithheld',
  outcome: 'ui.driversGapOutcome',
  predictors: 'ui.driversGapPredictors',
  complementary: 'ui.driversGapComplementary',
} as const;

/** The key drivers: a chart per domain (the total, then the groups), the predictors left out, and why a domain has none. */
export function driversView(ctx: PageContext): DriversView {
  const { edition, study, lang, t } = ctx;
  const outcome = study.drivers ? (edition.indicators.find((i) => i.id === study.drivers!.outcome)?.label[lang] ?? '') : '';
  const factorLabel = (id: string) => edition.indicators.find((i) => i.id === id)?.label[lang] ?? id;
  const charts: DriversView['charts'] = [];
  const gaps: string[] = [];
  ctx.domains.forEach(({ key, label }) => {
    const figure = driversFigure(ctx.model, edition, key, lang, `drivers-${key === TOTAL ? 'total' : `group-${groupSlug(study, parseGroupCode(key))}`}`);
    if (!figure) {
      // Why, as the model says; an older model without reasons gets the general sentence.
      const gap = edition.driverGaps?.find((g) => g.domain === key);
      gaps.push(gap ? t(GAP_KEYS[gap.reason], { domain: label, base: study.minBase, outcome }) : t('ui.noDrivers'));
      return;
    }
    const notes = (edition.drivers.find((d) => d.domain === key)?.excluded ?? []).map((x) =>
      x.reason === 'constant'
        ? t('ui.driversExcludedConstant', { domain: label, factor: x.label[lang] })
        : t('ui.driversExcludedCollinear', { domain: label, factor: x.label[lang], others: (x.with ?? []).map((id) => ctx.locale.quote(factorLabel(id))).join(', ') }),
    );
    charts.push({ domain: key, figure, notes });
  });
  const commentary = edition.editorial[lang]?.sections.drivers;
  return { explain: t('ui.driversExplain', { outcome }), ...(commentary ? { commentary } : {}), charts, gaps };
}

/**
 * Whether the trends of an edition cross a question not asked, a break or a change
 * of an area's statements (in this edition or an earlier one): the trends page then
 * says how its lines stop. Later editions do not change an earlier edition's page.
 */
export function trendsHaveGaps(ctx: Pick<PageContext, 'model' | 'edition'>): boolean {
  return ctx.model.editions.some((e) => e.year <= ctx.edition.year && e.indicators.some((x) => x.notAsked || x.break || x.notComparable));
}
