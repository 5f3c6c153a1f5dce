/**
 * The report's figures: for each, the chart (SVG), its caption and the same numbers
 * as a table. Built from the model; no statistics here.
 */
import type { Lang } from '../study/schema.ts';
import type { Cell, EditionModel, IndicatorModel, IndicatorStats, ReportModel } from '../model/types.ts';
import { distributionBars, importancePerformance, npsBar, scoreBars, trendLines, groupProfile } from '../charts/index.ts';
import { formatCount, formatNumber, formatPercent } from '../format/number.ts';
import { listText, t } from '../i18n/index.ts';
import { topBoxRange } from '../study/answer-codes.ts';
import { QUADRANT_STABILITY } from '../estimate/index.ts';
import type { TableView } from './tables.ts';
import { bandText, cellText, changeText, ciText, decimalsFor, groupSlug, indicatorOf, nText, shareText } from './view.ts';
import { domainLabeller, type PageContext } from './page-context.ts';
import { GROUP, TOTAL, groupKey, parseDomainKey } from './domain-key.ts';
import { npsParts, statsIn } from './stats.ts';
import { hasBenchmark, hasCantSay, hasGroups, hasPrevious } from './presence.ts';

export interface FigureView {
  /** The figure's anchor on its page (its element id): the section and the chart, the same in every language and build. */
  id: string;
  /** The base name of the figure's SVG and PNG files, unique in an edition; the anchor but for the print report's prefix. */
  file: string;
  caption: string;
  svg: string;
  table: TableView;
  /** Notes shown under the chart (a break in a trend). */
  notes?: string[];
}

const withheld = (cell: Cell | undefined) => cell !== undefined && !cell.shown;

/**
 * The view with its chart (`svg`) drawn when it is first read, then kept: the workbook
 * and the deck read a figure's caption and table, and drawing every chart for them
 * cost seconds a build.
 */
function withChart<T extends Omit<FigureView, 'svg'>>(view: T, draw: () => string): T & FigureView {
  let svg: string | undefined;
  return Object.defineProperty(view, 'svg', { get: () => (svg ??= draw()), enumerable: true }) as T & FigureView;
}

/** Charts drawn in this build, per model, by what they are drawn from (see drawnChart). */
const drawnCharts = new WeakMap<object, Map<string, string>>();

/**
 * `chart(input, options)`, drawn once per model for the same chart, input and options:
 * a chart is on its page and again in the print report, and drawing is a pure function
 * of these, so the second page takes the first one's SVG.
 */
function drawnChart<I, O>(model: object, chart: (input: I, options: O) => string, input: I, options: O): string {
  let charts = drawnCharts.get(model);
  if (!charts) {
    charts = new Map();
    drawnCharts.set(model, charts);
  }
  // Numbers that are not finite are written by name: JSON would make NaN and null alike.
  const key = `${chart.name} ${JSON.stringify([input, options], (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `${v}` : v))}`;
  let svg = charts.get(key);
  if (svg === undefined) {
    svg = chart(input, options);
    charts.set(key, svg);
  }
  return svg;
}

/** A figure's anchor and file name from the id prefix its chart is drawn under (see `FigureView`). */
function named(idPrefix: string): Pick<FigureView, 'id' | 'file'> {
  return { id: idPrefix, file: idPrefix };
}

/** Mean bars of a list of indicators in one domain, with benchmark and last year's markers. */
export function indicatorBars(ctx: PageContext, ids: readonly string[], domain: string, idPrefix: string, caption: string): FigureView {
  const { model, edition, previous, lang } = ctx;
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .flatMap((x) => {
      const stats = x.stats[domain];
      if (!stats) return [];
      const before = previous?.indicators.find((p) => p.id === x.id)?.stats[domain]?.mean;
      return [
        {
          id: x.id,
          label: x.label[lang],
          cell: stats.mean,
          ...(stats.mean.shown && stats.benchmark ? { benchmark: stats.benchmark.mean } : {}),
          // Last year's marker only where the figures are comparable (no gap, break or change of statements between).
          ...(stats.mean.shown && before?.shown && !x.notComparable ? { previous: before.estimate } : {}),
        },
      ];
    });
  const draw = () => drawnChart(model, scoreBars, { rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  const notes = [notAskedNote(ctx, ids), ...breakNotes(ctx, ids)].filter((x): x is string => x !== undefined);
  return withChart(
    {
      ...named(idPrefix),
      caption,
      table: meanTable(ctx, ids, domain),
      ...(notes.length > 0 ? { notes } : {}),
    },
    draw,
  );
}

/** The breaks of the indicators of `ids` in the edition, each with its note. */
export function breakNotes(ctx: PageContext, ids: readonly string[]): string[] {
  const { edition, lang, t } = ctx;
  // A break in the first edition has nothing before it to break from.
  if (edition.previousYear === undefined) return [];
  return ids.map((id) => indicatorOf(edition, id)).flatMap((x) => (x.break ? [t('ui.breakNoteOf', { label: x.label[lang], year: String(edition.year), note: x.break[lang] })] : []));
}

/** "Not asked in 2025: …" for the indicators of `ids` not asked in the edition, or undefined. */
export function notAskedNote(ctx: PageContext, ids: readonly string[]): string | undefined {
  const { edition, lang, t } = ctx;
  const names = ids
    .map((id) => indicatorOf(edition, id))
    .filter((x) => x.notAsked)
    .map((x) => x.label[lang]);
  return names.length > 0 ? t('ui.notAskedList', { year: String(edition.year), names: listText(names, lang) }) : undefined;
}

/** Mean, band, interval, n, change and benchmark of indicators in one domain; the change only after the first edition, the benchmark only where the edition has one. */
export function meanTable(ctx: PageContext, ids: readonly string[], domain: string): TableView {
  const { model, edition, lang, t } = ctx;
  const withChange = hasPrevious(edition);
  const withBenchmark = hasBenchmark(edition);
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .flatMap((x) => {
      const s = x.stats[domain];
      // Where the figure would be: "not asked".
      if (x.notAsked) return [[{ text: x.label[lang] }, { text: t('ui.notAsked') }, { text: '–' }, { text: '–' }, { text: '–' }, { text: '–' }, { text: '–' }]];
      if (!s) return [];
      const d = decimalsFor(x);
      return [
        [
          { text: x.label[lang] },
          { text: cellText(s.mean, lang, model.study, d), suppressed: withheld(s.mean) },
          { text: bandText(model.study, s.mean, lang) },
          { text: ciText(s.mean, lang, d) },
          { text: nText(s.mean, lang, model.study), suppressed: withheld(s.mean) },
          ...(withChange ? [{ text: changeText(s.previous, lang, d) }] : []),
          ...(withBenchmark ? [{ text: s.benchmark && s.mean.shown ? formatNumber(s.benchmark.mean, d, lang) : '–' }] : []),
        ],
      ];
    });
  return {
    head: [
      t('ui.indicator'),
      t('ui.score'),
      t('ui.band'),
      t('ui.ci'),
      t('ui.n'),
      ...(withChange ? [t('ui.changeFrom', { year: edition.previousYear ?? '' })] : []),
      ...(withBenchmark ? [t('ui.benchmarkValue')] : []),
    ],
    numeric: [false, true, false, true, true, ...(withChange ? [true] : []), ...(withBenchmark ? [true] : [])],
    rows,
  };
}

/**
 * The heading of a table's column of domains: the stakeholder groups beside all
 * respondents, or "respondent group" when background classes are among them. A
 * table of all respondents alone has no such column (see `domainRowLabel`).
 */
export function domainColumn(ctx: Pick<PageContext, 't'>, keys: readonly string[]): string {
  if (keys.every((k) => k === TOTAL)) return ctx.t('ui.indicator');
  const onlyGroups = keys.every((k) => k === TOTAL || parseDomainKey(k)?.breakdown === GROUP);
  return ctx.t(onlyGroups ? 'ui.groups' : 'ui.respondentGroup');
}

/**
 * The label of a domain's row: its own, but in a table of all respondents alone the
 * indicator's, as "All respondents" only means something beside the groups.
 */
export function domainRowLabel(ctx: Pick<PageContext, 'domainLabel' | 'lang'>, keys: readonly string[], key: string, x: Pick<IndicatorModel, 'label'>): string {
  return keys.every((k) => k === TOTAL) ? x.label[ctx.lang] : ctx.domainLabel(key);
}

/** One indicator across the total and every group. */
export function groupBars(ctx: PageContext, id: string, idPrefix: string): FigureView {
  const { model, edition, lang, t } = ctx;
  const x = indicatorOf(edition, id);
  const present = statsIn(
    x,
    ctx.domains.map((d) => d.key),
  );
  const rows = present.map(({ key, stats }) => ({ id: key, label: ctx.domainLabel(key), cell: stats.mean }));
  const draw = () => drawnChart(model, scoreBars, { rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  return withChart(
    {
      ...named(idPrefix),
      caption: `${x.label[lang]}: ${t('ui.byGroup').toLowerCase()}`,
      table: domainTable(
        ctx,
        x,
        present.map((p) => p.key),
      ),
    },
    draw,
  );
}

/** The columns of an indicator's figures in a domain: mean, band, interval, n, the positive share (when any row has it) and the change (after the first edition). */
function statsColumns(ctx: PageContext, withTopBox: boolean): { head: string[]; numeric: boolean[]; cells: (x: IndicatorModel, s: IndicatorStats) => TableView['rows'][number] } {
  const { model, edition, lang, t } = ctx;
  const withChange = hasPrevious(edition);
  return {
    head: [t('ui.score'), t('ui.band'), t('ui.ci'), t('ui.n'), ...(withTopBox ? [t('ui.topBox', { range: topBoxRange(model.study.scale) })] : []), ...(withChange ? [t('ui.change')] : [])],
    numeric: [true, false, true, true, ...(withTopBox ? [true] : []), ...(withChange ? [true] : [])],
    cells: (x, s) => {
      const d = decimalsFor(x);
      return [
        { text: cellText(s.mean, lang, model.study, d), suppressed: withheld(s.mean) },
        { text: bandText(model.study, s.mean, lang) },
        { text: ciText(s.mean, lang, d) },
        { text: nText(s.mean, lang, model.study), suppressed: withheld(s.mean) },
        ...(withTopBox ? [{ text: shareText(s.topBox, lang, model.study), suppressed: withheld(s.topBox) }] : []),
        ...(withChange ? [{ text: changeText(s.previous, lang, d) }] : []),
      ];
    },
  };
}

/** An indicator's figures in a list of domains. */
export function domainTable(ctx: PageContext, x: IndicatorModel, keys: readonly string[]): TableView {
  // Where the figures would be: "not asked".
  if (x.notAsked)
    return {
      caption: x.label[ctx.lang],
      head: [domainColumn(ctx, keys), ctx.t('ui.score')],
      numeric: [false, false],
      rows: [[{ text: domainRowLabel(ctx, keys, TOTAL, x) }, { text: ctx.t('ui.notAsked') }]],
    };
  const present = statsIn(x, keys);
  const columns = statsColumns(
    ctx,
    present.some(({ stats }) => stats.topBox),
  );
  return {
    caption: x.label[ctx.lang],
    head: [domainColumn(ctx, keys), ...columns.head],
    numeric: [false, ...columns.numeric],
    rows: present.map(({ key, stats }) => [{ text: domainRowLabel(ctx, keys, key, x) }, ...columns.cells(x, stats)]),
  };
}

/** The figures of every given indicator among all respondents, one row each: the tables of a study without breakdowns. */
export function totalTable(ctx: PageContext, indicators: readonly IndicatorModel[], caption: string): TableView {
  const present = indicators.flatMap((x) => {
    const stats = x.stats[TOTAL];
    return stats || x.notAsked ? [{ x, stats }] : [];
  });
  const columns = statsColumns(
    ctx,
    present.some(({ stats }) => stats?.topBox),
  );
  // An indicator not asked: "not asked" where its figures would be.
  const notAsked = [{ text: ctx.t('ui.notAsked') }, ...columns.head.slice(1).map(() => ({ text: '–' }))];
  return {
    caption,
    head: [ctx.t('ui.indicator'), ...columns.head],
    numeric: [false, ...columns.numeric],
    rows: present.map(({ x, stats }) => [{ text: x.label[ctx.lang] }, ...(stats ? columns.cells(x, stats) : notAsked)]),
  };
}

/** Distribution of answers of a dimension and its items. */
export function distributionFigure(ctx: PageContext, ids: readonly string[], domain: string, idPrefix: string, caption: string): FigureView {
  const { model, edition, lang, t } = ctx;
  const { min, max } = model.study.scale;
  const pointLabels = Array.from({ length: max - min + 1 }, (_, k) => String(min + k));
  const indicators = ids.map((id) => indicatorOf(edition, id));
  const rows = indicators.flatMap((x) => {
    const shares = x.stats[domain]?.distribution;
    return shares ? [{ id: x.id, label: x.label[lang], shares, cantSay: x.stats[domain]?.cantSay }] : [];
  });
  const draw = () =>
    drawnChart(
      model,
      distributionBars,
      { rows: rows.map(({ id, label, shares }) => ({ id, label, shares })), scale: model.study.scale, pointLabels, minBase: model.study.minBase },
      { lang, idPrefix },
    );
  // No can't-say column in a study without a can't-say code, where every share would be 0 %.
  const withCantSay = hasCantSay(model.study) && indicators.some((x) => x.stats[domain]?.cantSay);
  return withChart(
    {
      ...named(idPrefix),
      caption,
      table: {
        head: [t('ui.indicator'), ...pointLabels, ...(withCantSay ? [t('ui.cantSay')] : [])],
        numeric: [false, ...pointLabels.map(() => true), ...(withCantSay ? [true] : [])],
        rows: rows.map((r) => [
          { text: r.label },
          ...r.shares.map((c) => ({ text: shareText(c, lang, model.study), suppressed: withheld(c) })),
          ...(withCantSay ? [{ text: r.cantSay ? shareText(r.cantSay, lang, model.study) : '–', suppressed: withheld(r.cantSay) }] : []),
        ]),
      },
    },
    draw,
  );
}

/** The importance–performance chart of one domain's driver analysis. */
export function driversFigure(model: ReportModel, edition: EditionModel, domain: string, lang: Lang, idPrefix: string): FigureView | undefined {
  const drivers = edition.drivers.find((d) => d.domain === domain);
  if (!drivers) return undefined;
  const outcome = model.study.drivers ? indicatorOf(edition, model.study.drivers.outcome).label[lang] : '';
  const quadrantName = { strength: t(lang, 'ui.strengths'), develop: t(lang, 'ui.developmentAreas'), maintain: t(lang, 'ui.maintain'), lower: t(lang, 'ui.lowerPriority') };
  const draw = () =>
    drawnChart(
      model,
      importancePerformance,
      {
        points: drivers.predictors.map((p) => ({
          id: p.id,
          label: p.label[lang],
          importance: p.importance,
          performance: p.performance,
          quadrant: p.quadrant,
          interval: p.importanceCi,
          stable: p.quadrantStable,
        })),
        importanceSplit: drivers.importanceSplit,
        performanceSplit: drivers.performanceSplit,
        quadrantLabels: { ...quadrantName, uncertain: t(lang, 'ui.quadrantUncertain') },
      },
      { lang, idPrefix },
    );
  // The domain is named only beside the groups' analyses.
  const domainName = hasGroups(model.study) ? `${domainLabeller(edition, lang)(domain)}, ` : '';
  // An uncertain quadrant's share is below 80 %: rounded down, so that it never reads as 80 %.
  const quadrantText = (p: (typeof drivers.predictors)[number]) =>
    p.quadrantStable
      ? quadrantName[p.quadrant]
      : t(lang, 'ui.quadrantUncertainOf', { quadrant: quadrantName[p.quadrant].toLowerCase(), share: formatPercent(Math.floor(p.quadrantShares[p.quadrant] * 100) / 100, lang) });
  return withChart(
    {
      ...named(idPrefix),
      caption: `${outcome}: ${t(lang, 'ui.drivers').toLowerCase()} (${domainName}n = ${formatCount(drivers.n, lang)}, R² = ${formatNumber(drivers.r2, 2, lang)})`,
      notes: [t(lang, 'ui.driversUncertainty', { replicates: formatCount(drivers.replicates, lang), stable: formatPercent(QUADRANT_STABILITY, lang) })],
      table: {
        head: [t(lang, 'ui.indicator'), t(lang, 'ui.importance'), t(lang, 'ui.importanceInterval'), t(lang, 'ui.performance'), t(lang, 'ui.quadrant')],
        numeric: [false, true, true, true, false],
        rows: [...drivers.predictors]
          .sort((a, b) => b.importance - a.importance)
          .map((p) => [
            { text: p.label[lang] },
            { text: formatPercent(p.importance, lang) },
            { text: `${formatPercent(p.importanceCi[0], lang)}\u2013${formatPercent(p.importanceCi[1], lang)}` },
            { text: formatNumber(p.performance, 2, lang) },
            { text: quadrantText(p) },
          ]),
      },
    },
    draw,
  );
}

/** An indicator's series across editions, in total and by group. */
export function trendFigure(ctx: PageContext, indicatorId: string, idPrefix: string): FigureView {
  const { model, edition, lang, t } = ctx;
  // An edition's trend ends at that edition: later years are not part of it.
  const x = indicatorOf(edition, indicatorId);
  const keys = ctx.domains.map((d) => d.key);
  const series = ctx.domains.flatMap(({ key }, i) => {
    const label = domainRowLabel(ctx, keys, key, x);
    const s = model.trends.find((tr) => tr.indicator === indicatorId && tr.domain === key);
    if (!s) return [];
    const points = s.points.filter((p) => p.year <= edition.year);
    return points.length > 0 ? [{ key, label, colourIndex: i, points }] : [];
  });
  const shownEditions = model.editions.filter((e) => e.year <= edition.year);
  const years = shownEditions.map((e) => e.year);
  const inEdition = (e: (typeof shownEditions)[number]) => e.indicators.find((i) => i.id === indicatorId);
  const notAsked = shownEditions.filter((e) => inEdition(e)?.notAsked).map((e) => e.year);
  // A declared break, or statements that changed (not declared comparable), stops the line. A break in
  // the first edition shown has nothing before it to break from.
  const breaks = shownEditions.flatMap((e, i) => {
    const here = inEdition(e);
    const note = here?.break ? t('ui.breakNote', { year: String(e.year), note: here.break[lang] }) : here?.notComparable === 'redefined' ? t('ui.redefinedNote', { year: String(e.year) }) : undefined;
    return note && i > 0 ? [{ year: e.year, note }] : [];
  });
  const d = decimalsFor(x);
  const draw = () =>
    drawnChart(
      model,
      trendLines,
      {
        series: series.map((s) => ({ ...s, points: s.points.map((p) => ({ year: p.year, cell: p.cell })) })),
        notAsked,
        breaks: breaks.map((b) => b.year),
        ...(x.kind === 'nps' ? {} : { scale: model.study.scale }),
        years,
        minBase: model.study.minBase,
      },
      { lang, idPrefix },
    );
  return withChart(
    {
      ...named(idPrefix),
      caption: `${x.label[lang]} ${years[0]}–${years[years.length - 1]}`,
      table: {
        head: [domainColumn(ctx, keys), ...years.map(String)],
        numeric: [false, ...years.map(() => true)],
        rows: series.map((s) => [
          { text: s.label },
          ...years.map((y) => {
            const p = s.points.find((q) => q.year === y);
            if (notAsked.includes(y)) return { text: t('ui.notAsked') };
            return { text: p?.cell ? cellText(p.cell, lang, model.study, d) + (p.change?.significant ? '*' : '') : '–', suppressed: withheld(p?.cell) };
          }),
        ]),
      },
      ...(breaks.length > 0 ? { notes: breaks.map((b) => b.note) } : {}),
    },
    draw,
  );
}

/** A group's profile on the given indicators against all respondents. */
export function profileFigure(ctx: PageContext, group: { code: string; label: string }, ids: readonly string[], idPrefix: string): FigureView {
  const { model, edition, lang, t } = ctx;
  const key = groupKey(group.code);
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .flatMap((x) => {
      const own = x.stats[key];
      const total = x.stats.total;
      return own && total ? [{ id: x.id, label: x.label[lang], group: own.mean, total: total.mean }] : [];
    });
  const draw = () =>
    drawnChart(model, groupProfile, { rows, groupLabel: group.label, totalLabel: t('ui.total'), scale: model.study.scale, bands: model.study.bands, minBase: model.study.minBase }, { lang, idPrefix });
  return withChart(
    {
      ...named(idPrefix),
      caption: `${group.label}: ${t('ui.profile').toLowerCase()}`,
      table: {
        head: [t('ui.indicator'), group.label, t('ui.total'), t('ui.n')],
        numeric: [false, true, true, true],
        rows: rows.map((r) => [
          { text: r.label },
          { text: cellText(r.group, lang, model.study), suppressed: withheld(r.group) },
          { text: cellText(r.total, lang, model.study) },
          { text: nText(r.group, lang, model.study), suppressed: withheld(r.group) },
        ]),
      },
    },
    draw,
  );
}

/** NPS with its promoter, passive and detractor shares, in total and by group. */
export function npsFigure(ctx: PageContext, idPrefix: string): FigureView | undefined {
  const { model, edition, lang, t } = ctx;
  if (!model.study.hasNps) return undefined;
  const x = indicatorOf(edition, 'nps');
  const keys = ctx.domains.map((d) => d.key);
  const withChange = hasPrevious(edition);
  const rows = statsIn(x, keys).flatMap(({ key, stats }) => {
    const parts = npsParts(stats);
    return parts ? [{ id: key, label: domainRowLabel(ctx, keys, key, x), ...parts, nps: stats.mean, previous: stats.previous }] : [];
  });
  const draw = () =>
    drawnChart(
      model,
      npsBar,
      {
        rows: rows.map(({ id, label, promoters, passives, detractors, nps }) => ({ id, label, promoters, passives, detractors, nps })),
        minBase: model.study.minBase,
        labels: { promoters: t('ui.promoters'), passives: t('ui.passives'), detractors: t('ui.detractors') },
      },
      { lang, idPrefix },
    );
  return withChart(
    {
      ...named(idPrefix),
      caption: t('ui.nps'),
      table: {
        head: [domainColumn(ctx, keys), 'NPS', t('ui.promoters'), t('ui.passives'), t('ui.detractors'), t('ui.n'), ...(withChange ? [t('ui.change')] : [])],
        numeric: [false, true, true, true, true, true, ...(withChange ? [true] : [])],
        rows: rows.map((r) => [
          { text: r.label },
          { text: cellText(r.nps, lang, model.study, 0), suppressed: withheld(r.nps) },
          { text: shareText(r.promoters, lang, model.study), suppressed: withheld(r.promoters) },
          { text: shareText(r.passives, lang, model.study), suppressed: withheld(r.passives) },
          { text: shareText(r.detractors, lang, model.study), suppressed: withheld(r.detractors) },
          { text: nText(r.nps, lang, model.study), suppressed: withheld(r.nps) },
          ...(withChange ? [{ text: changeText(r.previous, lang, 0) }] : []),
        ]),
      },
    },
    draw,
  );
}

export { groupSlug };
