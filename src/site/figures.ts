/**
 * The report's figures: for each, the chart (SVG), its caption and the same numbers
 * as a table. Built from the model; no statistics here.
 */
import type { Lang } from '../study/schema.ts';
import type { Cell, EditionModel, IndicatorModel, ReportModel } from '../model/types.ts';
import { distributionBars, importancePerformance, npsBar, scoreBars, trendLines, groupProfile } from '../charts/index.ts';
import { formatCount, formatNumber, formatPercent } from '../format/number.ts';
import { t } from './i18n.ts';
import type { TableView } from './tables.ts';
import { bandText, cellText, changeText, ciText, decimalsFor, groupSlug, indicatorOf, nText, shareText } from './view.ts';

export interface FigureView {
  caption: string;
  svg: string;
  table: TableView;
}

const withheld = (cell: Cell | undefined) => cell !== undefined && !cell.shown;

function domainLabel(model: ReportModel, edition: EditionModel, key: string, lang: Lang): string {
  if (key === 'total') return t(lang, 'total');
  return edition.domains.find((d) => d.key === key)?.label[lang] ?? key;
}

/** Mean bars of a list of indicators in one domain, with benchmark and last year's markers. */
export function indicatorBars(model: ReportModel, edition: EditionModel, ids: readonly string[], domain: string, lang: Lang, idPrefix: string, caption: string): FigureView {
  const previous = edition.previousYear !== undefined ? model.editions.find((e) => e.year === edition.previousYear) : undefined;
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .filter((x) => x.stats[domain])
    .map((x) => {
      const stats = x.stats[domain]!;
      const before = previous?.indicators.find((p) => p.id === x.id)?.stats[domain]?.mean;
      return {
        id: x.id,
        label: x.label[lang],
        cell: stats.mean,
        ...(stats.mean.shown && stats.benchmark ? { benchmark: stats.benchmark.mean } : {}),
        ...(stats.mean.shown && before?.shown ? { previous: before.estimate } : {}),
      };
    });
  const svg = scoreBars({ rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  return { caption, svg, table: meanTable(model, edition, ids, domain, lang) };
}

/** Mean, band, interval, n, change and benchmark of indicators in one domain. */
export function meanTable(model: ReportModel, edition: EditionModel, ids: readonly string[], domain: string, lang: Lang): TableView {
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .filter((x) => x.stats[domain])
    .map((x) => {
      const s = x.stats[domain]!;
      const d = decimalsFor(x);
      return [
        { text: x.label[lang] },
        { text: cellText(s.mean, lang, model.study, d), suppressed: withheld(s.mean) },
        { text: bandText(model.study, s.mean, lang) },
        { text: ciText(s.mean, lang, d) },
        { text: nText(s.mean, lang, model.study), suppressed: withheld(s.mean) },
        { text: changeText(s.previous, lang, d) },
        { text: s.benchmark && s.mean.shown ? formatNumber(s.benchmark.mean, d, lang) : '–' },
      ];
    });
  return {
    head: [t(lang, 'indicator'), t(lang, 'score'), t(lang, 'band'), t(lang, 'ci'), t(lang, 'n'), edition.previousYear ? t(lang, 'changeFrom', { year: edition.previousYear }) : t(lang, 'change'), t(lang, 'benchmarkValue')],
    numeric: [false, true, false, true, true, true, true],
    rows,
  };
}

/** One indicator across the total and every group. */
export function groupBars(model: ReportModel, edition: EditionModel, id: string, lang: Lang, idPrefix: string): FigureView {
  const x = indicatorOf(edition, id);
  const keys = ['total', ...model.study.groups.map((g) => `group:${g.code}`)].filter((k) => x.stats[k]);
  const rows = keys.map((k) => ({ id: k, label: domainLabel(model, edition, k, lang), cell: x.stats[k]!.mean }));
  const svg = scoreBars({ rows, bands: model.study.bands, scale: model.study.scale, minBase: model.study.minBase }, { lang, idPrefix });
  return { caption: `${x.label[lang]}: ${t(lang, 'byGroup').toLowerCase()}`, svg, table: domainTable(model, edition, x, keys, lang) };
}

/** An indicator's figures in a list of domains. */
export function domainTable(model: ReportModel, edition: EditionModel, x: IndicatorModel, keys: readonly string[], lang: Lang): TableView {
  const d = decimalsFor(x);
  const hasTopBox = keys.some((k) => x.stats[k]?.topBox);
  return {
    caption: x.label[lang],
    head: [t(lang, 'groups'), t(lang, 'score'), t(lang, 'band'), t(lang, 'ci'), t(lang, 'n'), ...(hasTopBox ? [t(lang, 'topBox')] : []), t(lang, 'change')],
    numeric: [false, true, false, true, true, ...(hasTopBox ? [true] : []), true],
    rows: keys
      .filter((k) => x.stats[k])
      .map((k) => {
        const s = x.stats[k]!;
        return [
          { text: domainLabel(model, edition, k, lang) },
          { text: cellText(s.mean, lang, model.study, d), suppressed: withheld(s.mean) },
          { text: bandText(model.study, s.mean, lang) },
          { text: ciText(s.mean, lang, d) },
          { text: nText(s.mean, lang, model.study), suppressed: withheld(s.mean) },
          ...(hasTopBox ? [{ text: shareText(s.topBox, lang, model.study), suppressed: withheld(s.topBox) }] : []),
          { text: changeText(s.previous, lang, d) },
        ];
      }),
  };
}

/** Distribution of answers of a dimension and its items. */
export function distributionFigure(model: ReportModel, edition: EditionModel, ids: readonly string[], domain: string, lang: Lang, idPrefix: string, caption: string): FigureView {
  const { min, max } = model.study.scale;
  const pointLabels = Array.from({ length: max - min + 1 }, (_, k) => String(min + k));
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .filter((x) => x.stats[domain]?.distribution)
    .map((x) => ({ id: x.id, label: x.label[lang], shares: x.stats[domain]!.distribution! }));
  const svg = distributionBars({ rows, scale: model.study.scale, pointLabels, minBase: model.study.minBase }, { lang, idPrefix });
  const hasCantSay = ids.some((id) => indicatorOf(edition, id).stats[domain]?.cantSay);
  return {
    caption,
    svg,
    table: {
      head: [t(lang, 'indicator'), ...pointLabels, ...(hasCantSay ? [t(lang, 'cantSay')] : [])],
      numeric: [false, ...pointLabels.map(() => true), ...(hasCantSay ? [true] : [])],
      rows: rows.map((r) => {
        const cantSay = indicatorOf(edition, r.id).stats[domain]?.cantSay;
        return [
          { text: r.label },
          ...r.shares.map((c) => ({ text: shareText(c, lang, model.study), suppressed: withheld(c) })),
          ...(hasCantSay ? [{ text: cantSay ? shareText(cantSay, lang, model.study) : '–', suppressed: withheld(cantSay) }] : []),
        ];
      }),
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
      quadrantLabels: { strength: t(lang, 'strengths'), develop: t(lang, 'developmentAreas'), maintain: t(lang, 'maintain'), lower: t(lang, 'lowerPriority') },
    },
    { lang, idPrefix },
  );
  const quadrantName = { strength: t(lang, 'strengths'), develop: t(lang, 'developmentAreas'), maintain: t(lang, 'maintain'), lower: t(lang, 'lowerPriority') };
  return {
    caption: `${outcome}: ${t(lang, 'drivers').toLowerCase()} (${domainLabel(model, edition, domain, lang)}, n = ${formatCount(drivers.n, lang)}, R² = ${formatNumber(drivers.r2, 2, lang)})`,
    svg,
    table: {
      head: [t(lang, 'indicator'), t(lang, 'importance'), t(lang, 'performance'), t(lang, 'quadrant')],
      numeric: [false, true, true, false],
      rows: [...drivers.predictors]
        .sort((a, b) => b.importance - a.importance)
        .map((p) => [{ text: p.label[lang] }, { text: formatPercent(p.importance, lang) }, { text: formatNumber(p.performance, 2, lang) }, { text: quadrantName[p.quadrant] }]),
    },
  };
}


/** An indicator's series across editions, in total and by group. */
export function trendFigure(model: ReportModel, edition: EditionModel, indicatorId: string, lang: Lang, idPrefix: string, domains?: readonly string[]): FigureView {
  const keys = domains ?? ['total', ...model.study.groups.map((g) => `group:${g.code}`)];
  // An edition's trend ends at that edition: later years are not part of it.
  const last = edition;
  const x = indicatorOf(last, indicatorId);
  const series = keys.flatMap((key, i) => {
    const s = model.trends.find((tr) => tr.indicator === indicatorId && tr.domain === key);
    if (!s) return [];
    const points = s.points.filter((p) => p.year <= edition.year).map((p) => ({ year: p.year, cell: p.cell }));
    return points.length > 0 ? [{ key, label: domainLabel(model, last, key, lang), colourIndex: i, points }] : [];
  });
  const years = model.editions.filter((e) => e.year <= edition.year).map((e) => e.year);
  const d = decimalsFor(x);
  const svg = trendLines({ series, ...(x.kind === 'nps' ? {} : { scale: model.study.scale }), years, minBase: model.study.minBase }, { lang, idPrefix });
  return {
    caption: `${x.label[lang]} ${years[0]}–${years[years.length - 1]}`,
    svg,
    table: {
      head: [t(lang, 'groups'), ...years.map(String)],
      numeric: [false, ...years.map(() => true)],
      rows: series.map((s) => [
        { text: s.label },
        ...years.map((y) => {
          const p = s.points.find((q) => q.year === y);
          return { text: p ? cellText(p.cell, lang, model.study, d) + (model.trends.find((tr) => tr.indicator === indicatorId && tr.domain === s.key)?.points.find((q) => q.year === y)?.change?.significant ? '*' : '') : '–', suppressed: withheld(p?.cell) };
        }),
      ]),
    },
  };
}

/** A group's profile on the given indicators against all respondents. */
export function profileFigure(model: ReportModel, edition: EditionModel, code: string, ids: readonly string[], lang: Lang, idPrefix: string): FigureView {
  const key = `group:${code}`;
  const group = model.study.groups.find((g) => g.code === code)!;
  const rows = ids
    .map((id) => indicatorOf(edition, id))
    .filter((x) => x.stats[key] && x.stats.total)
    .map((x) => ({ id: x.id, label: x.label[lang], group: x.stats[key]!.mean, total: x.stats.total!.mean }));
  const svg = groupProfile({ rows, groupLabel: group.label[lang], totalLabel: t(lang, 'total'), scale: model.study.scale, bands: model.study.bands, minBase: model.study.minBase }, { lang, idPrefix });
  return {
    caption: `${group.label[lang]}: ${t(lang, 'profile').toLowerCase()}`,
    svg,
    table: {
      head: [t(lang, 'indicator'), group.label[lang], t(lang, 'total'), t(lang, 'n')],
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
export function npsFigure(model: ReportModel, edition: EditionModel, lang: Lang, idPrefix: string): FigureView | undefined {
  if (!model.study.hasNps) return undefined;
  const x = indicatorOf(edition, 'nps');
  const keys = ['total', ...model.study.groups.map((g) => `group:${g.code}`)].filter((k) => x.stats[k]);
  const rows = keys.map((k) => {
    const s = x.stats[k]!;
    return { id: k, label: domainLabel(model, edition, k, lang), promoters: s.promoters!, passives: s.passives!, detractors: s.detractors!, nps: s.mean };
  });
  const svg = npsBar({ rows, minBase: model.study.minBase, labels: { promoters: t(lang, 'promoters'), passives: t(lang, 'passives'), detractors: t(lang, 'detractors') } }, { lang, idPrefix });
  return {
    caption: t(lang, 'nps'),
    svg,
    table: {
      head: [t(lang, 'groups'), 'NPS', t(lang, 'promoters'), t(lang, 'passives'), t(lang, 'detractors'), t(lang, 'n'), t(lang, 'change')],
      numeric: [false, true, true, true, true, true, true],
      rows: rows.map((r) => [
        { text: r.label },
        { text: cellText(r.nps, lang, model.study, 0), suppressed: withheld(r.nps) },
        { text: shareText(r.promoters, lang, model.study), suppressed: withheld(r.promoters) },
        { text: shareText(r.passives, lang, model.study), suppressed: withheld(r.passives) },
        { text: shareText(r.detractors, lang, model.study), suppressed: withheld(r.detractors) },
        { text: nText(r.nps, lang, model.study), suppressed: withheld(r.nps) },
        { text: changeText(x.stats[r.id]?.previous, lang, 0) },
      ]),
    },
  };
}

export { groupSlug };
