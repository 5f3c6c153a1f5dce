/**
 * The figures a publication record holds for an edition, and so every later build
 * must reproduce: what the record promises is decided here, not by a download's
 * layout. The long CSV download shows the same rows.
 */
import type { Cell, EditionModel, IndicatorStats, ReportModel } from '../model/types.ts';
import { figuresOf } from './record.ts';

/** Rows of one cell: estimate, se, ci, n, effective n and band, or its suppression. */
function cellRows(prefix: string, cell: Cell): string[][] {
  if (!cell.shown) return [[`${prefix}`, 'suppressed', cell.reason]];
  return [
    [prefix, 'estimate', String(cell.estimate)],
    [prefix, 'se', String(cell.se)],
    [prefix, 'ci_low', String(cell.ci[0])],
    [prefix, 'ci_high', String(cell.ci[1])],
    [prefix, 'n', String(cell.n)],
    [prefix, 'effective_n', String(cell.effectiveN)],
    ...(cell.band !== undefined ? [[prefix, 'band', cell.band]] : []),
  ];
}

function statsRows(stats: IndicatorStats, scaleMin: number): string[][] {
  const rows: string[][] = [...cellRows('mean', stats.mean)];
  if (stats.topBox) rows.push(...cellRows('top_box', stats.topBox));
  stats.distribution?.forEach((cell, k) => rows.push(...cellRows(`share_${scaleMin + k}`, cell)));
  if (stats.cantSay) rows.push(...cellRows('cant_say', stats.cantSay));
  if (stats.promoters) rows.push(...cellRows('promoters', stats.promoters));
  if (stats.passives) rows.push(...cellRows('passives', stats.passives));
  if (stats.detractors) rows.push(...cellRows('detractors', stats.detractors));
  if (stats.previous) {
    const c = stats.previous;
    rows.push(['change', 'difference', String(c.difference)], ['change', 'z', String(c.z)], ['change', 'p', String(c.p)]);
    if (c.adjustedP !== undefined) rows.push(['change', 'adjusted_p', String(c.adjustedP)]);
    rows.push(['change', 'significant', String(c.significant)]);
  }
  if (stats.benchmark) {
    rows.push(['benchmark', 'mean', String(stats.benchmark.mean)]);
    if (stats.benchmark.se !== undefined) rows.push(['benchmark', 'se', String(stats.benchmark.se)]);
    const c = stats.benchmark.comparison;
    if (c) rows.push(['benchmark', 'difference', String(c.difference)], ['benchmark', 'z', String(c.z)], ['benchmark', 'p', String(c.p)], ['benchmark', 'significant', String(c.significant)]);
  }
  return rows;
}

/** Every reported figure of an edition as [breakdown, domain, indicator, kind, statistic, value] rows. */
export function editionFigures(model: ReportModel, edition: EditionModel): string[][] {
  const rows: string[][] = [];
  const domains = new Map(edition.domains.map((d) => [d.key, d]));
  for (const indicator of edition.indicators) {
    for (const [key, stats] of Object.entries(indicator.stats)) {
      const domain = domains.get(key)!;
      for (const [part, statistic, value] of statsRows(stats, model.study.scale.min)) {
        const name = part === statistic ? part : `${part}.${statistic}`;
        rows.push([domain.breakdown, domain.code ?? 'total', indicator.id, indicator.kind, name, value]);
      }
    }
  }
  return rows;
}

/** The figures of an edition as its publication record keys them. */
export function recordedFigures(model: ReportModel, edition: EditionModel): Record<string, string> {
  return figuresOf(editionFigures(model, edition));
}
