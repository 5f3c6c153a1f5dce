/**
 * The report's figures: for each, the chart (SVG), its caption and the same numbers
 * as a table. Built from the model; no statistics here.
 */
import type { Lang } from '../study/schema.ts';
import type { Cell, EditionModel, IndicatorModel, ReportModel } from '../model/types.ts';
import { distributionBars, importancePerformance, npsBar, scoreBars, trendLines, groupProfile } from '../charts/index.ts';
import { formatCount, formatNumber, formatPercent } from '../format/number.ts';
import { listText, t } from '../i18n/index.ts';
import { topBoxRange } from '../study/answer-codes.ts';
import type { TableView } from './tables.ts';
import { bandText, cellText, changeText, ciText, decimalsFor, groupSlug, indicatorOf, nText, shareText } from './view.ts';
import { domainLabeller, type PageContext } from './page-context.ts';
import { groupKey } from './domain-key.ts';
import { npsParts, statsIn } from './stats.ts';

export interface FigureView {
  caption: string;
  svg: string;
  table: TableView;
  /** Notes shown under the chart (a break in a trend). */
  notes?: string[];
}

const withheld = (cell: Cell | undefined) => cell !== undefined && !cell.shown;

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
  const svg = scoreBars({ rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  const notAsked = notAskedNote(ctx, ids);
  return { caption, svg, table: meanTable(ctx, ids, domain), ...(notAsked ? { notes: [notAsked] } : {}) };
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

/** Mean, band, interval, n, change and benchmark of indicators in one domain. */
export function meanTable(ctx: PageContext, ids: readonly string[], domain: string): TableView {
  const { model, edition, lang, t } = ctx;
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
          { text: changeText(s.previous, lang, d) },
          { text: s.benchmark && s.mean.shown ? formatNumber(s.benchmark.mean, d, lang) : '–' },
        ],
      ];
    });
  return {
    head: [t('ui.indicator'), t('ui.score'), t('ui.band'), t('ui.ci'), t('ui.n'), edition.previousYear ? t('ui.changeFrom', { year: edition.previousYear }) : t('ui.change'), t('ui.benchmarkValue')],
    numeric: [false, true, false, true, true, true, true],
    rows,
  };
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
  const svg = scoreBars({ rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  return {
    caption: `${x.label[lang]}: ${t('ui.byGroup').toLowerCase()}`,
    svg,
    table: domainTable(
      ctx,
      x,
      present.map((p) => p.key),
    ),
  };
}

/** An indicator's figures in a list of domains. */
export function domainTable(ctx: PageContext, x: IndicatorModel, keys: readonly string[]): TableView {
  const { model, lang, t } = ctx;
  const d = decimalsFor(x);
  const present = statsIn(x, keys);
  const hasTopBox = present.some(({ stats }) => stats.topBox);
  return {
    caption: x.label[lang],
    head: [t('ui.groups'), t('ui.score'), t('ui.band'), t('ui.ci'), t('ui.n'), ...(hasTopBox ? [t('ui.topBox', { range: topBoxRange(model.study.scale) })] : []), t('ui.change')],
    numeric: [false, true, false, true, true, ...(hasTopBox ? [true] : []), true],
    rows: present.map(({ key, stats: s }) => [
      { text: ctx.domainLabel(key) },
      { text: cellText(s.mean, lang, model.study, d), suppressed: withheld(s.mean) },
      { text: bandText(model.study, s.mean, lang) },
      { text: ciText(s.mean, lang, d) },
      { text: nText(s.mean, lang, model.study), suppressed: withheld(s.mean) },
      ...(hasTopBox ? [{ text: shareText(s.topBox, lang, model.study), suppressed: withheld(s.topBox) }] : []),
      { text: changeText(s.previous, lang, d) },
    ]),
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
  const svg = distributionBars({ rows: rows.map(({ id, label, shares }) => ({ id, label, shares })), scale: model.study.scale, pointLabels, minBase: model.study.minBase }, { lang, idPrefix });
  const hasCantSay = indicators.some((x) => x.stats[domain]?.cantSay);
  return {
    caption,
    svg,
    table: {
      head: [t('ui.indicator'), ...pointLabels, ...(hasCantSay ? [t('ui.cantSay')] : [])],
      numeric: [false, ...pointLabels.map(() => true), ...(hasCantSay ? [true] : [])],
      rows: rows.map((r) => [
        { text: r.label },
        ...r.shares.map((c) => ({ text: shareText(c, lang, model.study), suppressed: withheld(c) })),
        ...(hasCantSay ? [{ text: r.cantSay ? shareText(r.cantSay, lang, model.study) : '–', suppressed: withheld(r.cantSay) }] : []),
      ]),
    },
  };
}

/** The importance–performance chart of one domain's driver analysis. */
export function driversFigure(model: ReportModel, edition: EditionModel, domain: string, lang: Lang, idPrefix: string): FigureView | undefined {
  const drivers = edition.drivers.find((d) => d.domain === domain);
  if (!drivers) return undefined;
  const outcome = model.study.drivers ? indicatorOf(edition, model.study.drivers.outcome).label[lang] : '';
  const svg = importancePerformance(
    {
      points: drivers.predictors.map((p) => ({ id: p.id, label: p.label[lang], importance: p.importance, performance: p.performance, quadrant: p.quadrant })),
      importanceSplit: drivers.importanceSplit,
      performanceSplit: drivers.performanceSplit,
      quadrantLabels: { strength: t(lang, 'ui.strengths'), develop: t(lang, 'ui.developmentAreas'), maintain: t(lang, 'ui.maintain'), lower: t(lang, 'ui.lowerPriority') },
    },
    { lang, idPrefix },
  );
  const quadrantName = { strength: t(lang, 'ui.strengths'), develop: t(lang, 'ui.developmentAreas'), maintain: t(lang, 'ui.maintain'), lower: t(lang, 'ui.lowerPriority') };
  return {
    caption: `${outcome}: ${t(lang, 'ui.drivers').toLowerCase()} (${domainLabeller(edition, lang)(domain)}, n = ${formatCount(drivers.n, lang)}, R² = ${formatNumber(drivers.r2, 2, lang)})`,
    svg,
    table: {
      head: [t(lang, 'ui.indicator'), t(lang, 'ui.importance'), t(lang, 'ui.performance'), t(lang, 'ui.quadrant')],
      numeric: [false, true, true, false],
      rows: [...drivers.predictors]
        .sort((a, b) => b.importance - a.importance)
        .map((p) => [{ text: p.label[lang] }, { text: formatPercent(p.importance, lang) }, { text: formatNumber(p.performance, 2, lang) }, { text: quadrantName[p.quadrant] }]),
    },
  };
}

/** An indicator's series across editions, in total and by group. */
export function trendFigure(ctx: PageContext, indicatorId: string, idPrefix: string): FigureView {
  const { model, edition, lang, t } = ctx;
  // An edition's trend ends at that edition: later years are not part of it.
  const x = indicatorOf(edition, indicatorId);
  const series = ctx.domains.flatMap(({ key, label }, i) => {
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
  const svg = trendLines(
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
  return {
    caption: `${x.label[lang]} ${years[0]}–${years[years.length - 1]}`,
    svg,
    table: {
      head: [t('ui.groups'), ...years.map(String)],
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
  };
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
  const svg = groupProfile({ rows, groupLabel: group.label, totalLabel: t('ui.total'), scale: model.study.scale, bands: model.study.bands, minBase: model.study.minBase }, { lang, idPrefix });
  return {
    caption: `${group.label}: ${t('ui.profile').toLowerCase()}`,
    svg,
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
  };
}

/** NPS with its promoter, passive and detractor shares, in total and by group. */
export function npsFigure(ctx: PageContext, idPrefix: string): FigureView | undefined {
  const { model, edition, lang, t } = ctx;
  if (!model.study.hasNps) return undefined;
  const x = indicatorOf(edition, 'nps');
  const rows = statsIn(
    x,
    ctx.domains.map((d) => d.key),
  ).flatMap(({ key, stats }) => {
    const parts = npsParts(stats);
    return parts ? [{ id: key, label: ctx.domainLabel(key), ...parts, nps: stats.mean, previous: stats.previous }] : [];
  });
  const svg = npsBar(
    {
      rows: rows.map(({ id, label, promoters, passives, detractors, nps }) => ({ id, label, promoters, passives, detractors, nps })),
      minBase: model.study.minBase,
      labels: { promoters: t('ui.promoters'), passives: t('ui.passives'), detractors: t('ui.detractors') },
    },
    { lang, idPrefix },
  );
  return {
    caption: t('ui.nps'),
    svg,
    table: {
      head: [t('ui.groups'), 'NPS', t('ui.promoters'), t('ui.passives'), t('ui.detractors'), t('ui.n'), t('ui.change')],
      numeric: [false, true, true, true, true, true, true],
      rows: rows.map((r) => [
        { text: r.label },
        { text: cellText(r.nps, lang, model.study, 0), suppressed: withheld(r.nps) },
        { text: shareText(r.promoters, lang, model.study), suppressed: withheld(r.promoters) },
        { text: shareText(r.passives, lang, model.study), suppressed: withheld(r.passives) },
        { text: shareText(r.detractors, lang, model.study), suppressed: withheld(r.detractors) },
        { text: nText(r.nps, lang, model.study), suppressed: withheld(r.nps) },
        { text: changeText(r.previous, lang, 0) },
      ]),
    },
  };
}

export { groupSlug };
