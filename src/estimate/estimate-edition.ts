import type { EditionData } from '../load/types.ts';
import type { Study } from '../study/schema.ts';
import { itemScores, itemVariable, npsBinScores, npsVariable } from './coding.ts';
import type { Design } from './design.ts';
import { CodeColumns, dimensionVariables, itemCodeMeans, type DimensionStatistic } from './dimension-coding.ts';
import { DomainMoments, prepareDomains, type Partition, type PreparedDomains } from './domain-moments.ts';
import { respondentMeans } from './respondent-means.ts';
import type { MeanEstimate } from './survey-mean.ts';

/** An estimate of one statistic in domain k (numbered as in DomainMoments: the total, each group, each class of each background variable). */
export type Estimator = (domain: number) => MeanEstimate | undefined;

/** The statistics of one indicator, each for any domain. */
export interface IndicatorEstimators {
  mean: Estimator;
  topBox?: Estimator;
  points?: Estimator[];
  cantSay?: Estimator;
  promoters?: Estimator;
  passives?: Estimator;
  detractors?: Estimator;
}

/** Every indicator's estimators, by id, and the per-respondent score of every dimension and index. */
export interface EditionEstimates {
  estimators: Map<string, IndicatorEstimators>;
  scores: Map<string, Float64Array>;
}

/**
 * An edition's design: the stakeholder groups as strata (without a group
 * column everyone is in one stratum), the design weights.
 */
export function designOf(study: Study, data: EditionData): Design {
  return { strata: data.group, weights: data.weight, strataCount: Math.max(1, study.groups.length) };
}

/**
 * An edition's domains as partitions of the respondents: the total, the groups
 * (when the study has them), and each background variable's classes, in this
 * order.
 */
export function partitionsOf(study: Study, data: EditionData): Partition[] {
  return [
    { classes: 1 },
    ...(study.groups.length > 0 ? [{ codes: data.group, classes: study.groups.length }] : []),
    ...study.background.map((bg) => ({ codes: data.background.get(bg.id)!, classes: bg.values.length })),
  ];
}

/** An edition's domains prepared for estimation (see PreparedDomains): make once, pass to estimateEdition. */
export function prepareEdition(study: Study, data: EditionData): PreparedDomains {
  return prepareDomains(designOf(study, data), partitionsOf(study, data));
}

/**
 * Every statistic of every indicator of an edition for every domain, each
 * variable read once: items and the NPS from their answer codes, the
 * dimensions (those coded jointly all in one call, any other one at a time so
 * that its share columns never all exist at once), then the indices. Returns
 * the estimators and the dimension and index scores the driver analysis needs.
 */
export function estimateEdition(study: Study, data: EditionData, domains: PreparedDomains): EditionEstimates {
  const { min, max, topBox } = study.scale;
  const points = max - min + 1;
  const mid = (min + max) / 2;
  const estimators = new Map<string, IndicatorEstimators>();

  const coded = DomainMoments.compute(domains, [...study.items.map((item) => itemVariable(data.items.get(item.id)!.codes, points)), ...(study.nps && data.nps ? [npsVariable(data.nps)] : [])]);
  const bins = itemScores(min, max, topBox);
  study.items.forEach((item, v) => {
    const at =
      (score: ArrayLike<number>): Estimator =>
      (d) =>
        coded.codedMean(v, d, score);
    estimators.set(item.id, { mean: at(bins.mean), topBox: at(bins.topBox), points: bins.points.map(at), cantSay: at(bins.cantSay) });
  });
  if (study.nps && data.nps) {
    const v = study.items.length;
    const nps = npsBinScores();
    const at =
      (score: ArrayLike<number>): Estimator =>
      (d) =>
        coded.codedMean(v, d, score);
    estimators.set('nps', { mean: at(nps.score), promoters: at(nps.promoters), passives: at(nps.passives), detractors: at(nps.detractors) });
  }

  // A dimension coded jointly (one variable for all its statistics, a column
  // of its own) is summed with the other such dimensions in one call; one
  // whose statistics are coded one by one (in columns used again) is summed
  // before the next one is made.
  const scores = new Map<string, Float64Array>();
  const scratch = new CodeColumns(data.n);
  const joint: { id: string; statistics: DimensionStatistic[] }[] = [];
  const setDimension = (id: string, m: DomainMoments, variableOf: (s: DimensionStatistic) => number, statistics: DimensionStatistic[]) => {
    const at = (s: DimensionStatistic): Estimator => {
      const v = variableOf(s);
      const bins = s.score;
      return bins ? (d) => m.codedMean(v, d, bins) : (d) => m.mean(v, d);
    };
    estimators.set(id, { mean: at(statistics[0]), topBox: at(statistics[1]), points: statistics.slice(2).map(at) });
  };
  for (const dim of study.dimensions) {
    const codes = dim.items.map((id) => data.items.get(id)!.codes);
    const { score, statistics } = dimensionVariables(study.scale, codes, data.n, scratch);
    scores.set(dim.id, score);
    if (statistics.every((s) => s.variable === statistics[0].variable)) {
      joint.push({ id: dim.id, statistics });
      continue;
    }
    const m = DomainMoments.compute(
      domains,
      statistics.map((s) => s.variable),
    );
    setDimension(dim.id, m, (s) => statistics.indexOf(s), statistics);
  }
  if (joint.length > 0) {
    const m = DomainMoments.compute(
      domains,
      joint.map((d) => d.statistics[0].variable),
    );
    joint.forEach((d, v) => setDimension(d.id, m, () => v, d.statistics));
  }
  // The indices: per respondent the mean of their dimensions' scores, or of their items' answers.
  for (const index of study.indices) {
    const mean = index.dimensions
      ? respondentMeans(index.dimensions.map((id) => scores.get(id)!))
      : itemCodeMeans(
          (index.items ?? []).map((id) => data.items.get(id)!.codes),
          min,
          data.n,
        );
    scores.set(index.id, mean);
  }
  const indexMoments = DomainMoments.compute(
    domains,
    study.indices.map((x) => ({ kind: 'numeric' as const, values: scores.get(x.id)!, centre: mid })),
  );
  study.indices.forEach((x, v) => estimators.set(x.id, { mean: (d) => indexMoments.mean(v, d) }));
  return { estimators, scores };
}
