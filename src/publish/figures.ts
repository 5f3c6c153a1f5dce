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

/**
 * The key drivers' figures, kind 'driver': per domain its complete cases, R² and number of replicates (under
 * the outcome), per predictor its importance (share of R²), LMG part, point-estimate quadrant, and from the
 * replicates the importance's standard error and 95 % interval, the share of replicates in each quadrant and
 * whether the quadrant is stable — the point quadrant keeps its meaning; stability is a figure of its own.
 */
function driverRows(model: ReportModel, edition: EditionModel): string[][] {
  const outcome = model.study.drivers?.outcome;
  if (outcome === undefined) return [];
  const domains = new Map(edition.domains.map((d) => [d.key, d]));
  return edition.drivers.flatMap((d) => {
    const domain = domains.get(d.domain)!;
    const at = (indicator: string, statistic: string, value: string | number | boolean) => [domain.breakdown, domain.code ?? 'total', indicator, 'driver', `driver.${statistic}`, String(value)];
    return [
      at(outcome, 'n', d.n),
      at(outcome, 'r2', d.r2),
      at(outcome, 'replicates', d.replicates),
      ...d.predictors.flatMap((p) => [
        at(p.id, 'importance', p.importance),
        at(p.id, 'lmg', p.lmg),
        at(p.id, 'quadrant', p.quadrant),
        at(p.id, 'importance_se', p.importanceSe),
        at(p.id, 'importance_ci_low', p.importanceCi[0]),
        at(p.id, 'importance_ci_high', p.importanceCi[1]),
        ...(['strength', 'develop', 'maintain', 'lower'] as const).map((q) => at(p.id, `quadrant_share_${q}`, p.quadrantShares[q])),
        at(p.id, 'quadrant_stable', p.quadrantStable),
      ]),
    ];
  });
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
  rows.push(...driverRows(model, edition));
  return rows;
}

/** The figures of an edition as its publication record keys them. */
export function recordedFigures(model: ReportModel, edition: EditionModel): Record<string, string> {
  return figuresOf(editionFigures(model, edition));
}
