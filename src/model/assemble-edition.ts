import type { BenchmarkRow, EditionData, InputIssue } from '../load/types.ts';
import type { Lang, Study } from '../study/schema.ts';
import { indicatorsOf } from '../study/lookup.ts';
import { comparableAcross, componentsIn, definitionsIn, indicatorExistsIn } from '../study/editions.ts';
import { textInEvery } from '../i18n/index.ts';
import {
  bandOf,
  CURRENT_SHARE_INTERVAL,
  domainWeightShares,
  driverUncertainty,
  estimateEdition,
  lmgByGroup,
  lmgReplicates,
  logitInterval,
  prepareEdition,
  quadrantOf,
  replicateMeans,
  replicateScheme,
  Z975_DECIMAL,
  type DomainWeightShare,
  type Estimator,
  type MeanEstimate,
  type ShareInterval,
} from '../estimate/index.ts';
import { designOf, stratumDesignEffects } from '../estimate/index.ts';
import { answerValues } from '../load/answers.ts';
import { benchmarkSe, benjaminiHochberg, compareEstimates } from '../compare/index.ts';
import { redactPersonalData } from './redact.ts';
import { cellStatus, complementaryDomains, DISCLOSURE_FLOOR, effectiveNBelow, MAX_WEIGHT_SHARE, suppressBreakdown, type CellStatus } from './suppress.ts';
import { componentItems, driverWarnings, itemWarnings, sameMissingItems, weightWarnings } from './edition-warnings.ts';
import type { Cell, Domain, DriverGap, DriverModel, EditionModel, Editorial, GroupSummary, IndicatorModel, IndicatorStats, VersionEntry } from './types.ts';

/** The total, each stakeholder group, and each class of each background variable, in this order. */
export function domainsOf(study: Study): Domain[] {
  return [
    { key: 'total', breakdown: 'total', label: textInEvery('ui.total') },
    ...study.groups.map((g) => ({ key: `group:${g.code}`, breakdown: 'group', code: g.code, label: g.label })),
    ...study.background.flatMap((bg) => bg.values.map((v) => ({ key: `${bg.id}:${v.code}`, breakdown: bg.id, code: v.code, label: v.label }))),
  ];
}

function shownCell(e: MeanEstimate, band?: string): Cell {
  return { shown: true, estimate: e.estimate, se: e.se, ci: e.ci, n: e.n, effectiveN: e.effectiveN, ...(band !== undefined ? { band } : {}) };
}

/** A share's cell, with the interval the edition gives shares (the estimate's own ± 1.96 SE for 'wald'). */
function shareCell(e: MeanEstimate, interval: ShareInterval): Cell {
  const ci = interval === 'logit' ? logitInterval(e.estimate, e.se, e.df) : e.ci;
  return { shown: true, estimate: e.estimate, se: e.se, ci, n: e.n, effectiveN: e.effectiveN };
}

/**
 * Statuses of every domain for one indicator: breakdown by breakdown, each with its own complementary rule.
 * `dominated`: domains where one respondent carries more than MAX_WEIGHT_SHARE of the weight.
 */
function domainStatuses(
  domains: readonly Domain[],
  means: Map<string, MeanEstimate | undefined>,
  minBase: number,
  dominated: ReadonlySet<string>,
  answered?: ReadonlyMap<string, number>,
): Map<string, CellStatus> {
  const totalStatus = cellStatus(means.get('total'), minBase, dominated.has('total'));
  const totalShown = totalStatus.kind === 'shown';
  const out = new Map<string, CellStatus>([['total', totalStatus]]);
  const breakdowns = new Set(domains.map((d) => d.breakdown).filter((b) => b !== 'total'));
  for (const breakdown of breakdowns) {
    const keys = domains.filter((d) => d.breakdown === breakdown).map((d) => d.key);
    // Answers in no domain of the breakdown (no background value): the total less the domains gives them away too.
    const unclassified = [(means.get('total')?.n ?? 0) - keys.reduce((a, k) => a + (means.get(k)?.n ?? 0), 0)];
    if (answered) unclassified.push((answered.get('total') ?? 0) - keys.reduce((a, k) => a + (answered.get(k) ?? 0), 0));
    const status = suppressBreakdown(new Map(keys.map((k) => [k, means.get(k)])), totalShown, minBase, dominated, { ...(answered ? { answered } : {}), unclassified });
    for (const [k, s] of status) out.set(k, s);
  }
  return out;
}

export interface EditionInput {
  study: Study;
  data: EditionData;
  previous?: EditionModel;
  benchmarks: readonly BenchmarkRow[];
  editorial: Partial<Record<Lang, Editorial>>;
  inputHash: string;
  /**
   * The publication record's facts, when the edition has been published;
   * `shareInterval` the interval its shares were published with (default the
   * current one, CURRENT_SHARE_INTERVAL).
   */
  publication?: { version: string; published: string; note?: Partial<Record<Lang, string>>; history: VersionEntry[]; shareInterval?: ShareInterval };
}

/** Computes one edition's report model: every estimate, comparison and driver analysis. */
export function assembleEdition(input: EditionInput): EditionModel {
  return assembleEditionWithWarnings(input).edition;
}

/**
 * assembleEdition, with the warnings about the edition's figures: domains
 * whose figures the weights withhold, items with no valid answer (and the
 * comparisons left out for them), driver predictors left out and driver
 * analyses that cannot be made for another reason than the base.
 */
export function assembleEditionWithWarnings({ study: whole, data, previous, benchmarks, editorial, inputHash, publication }: EditionInput): { edition: EditionModel; warnings: InputIssue[] } {
  const year = data.year;
  // Dimensions and indices are computed from the components they have in this edition.
  const study = definitionsIn(whole, year);
  const exists = (id: string) => indicatorExistsIn(whole, id, year);
  const domains = domainsOf(study);
  // Domain k of domainsOf is domain k of the prepared partitions.
  const prepared = prepareEdition(study, data);
  const { estimators, scores } = estimateEdition(study, data, prepared);
  const suppressionNotes: EditionModel['suppressionNotes'] = [];
  // A published edition keeps the interval its shares were published with.
  const shareInterval = publication?.shareInterval ?? CURRENT_SHARE_INTERVAL;
  const shares = domainWeightShares(data.weight, prepared.partitions);
  const dominated = new Set(domains.filter((_, k) => shares[k].largestShare > MAX_WEIGHT_SHARE).map((d) => d.key));

  // Items with no valid answer, per domain that has answers to other items.
  const itemsWithoutAnswers: Record<string, string[]> = {};
  domains.forEach((domain, k) => {
    // Items not asked in this edition are not missing answers.
    const asked = study.items.filter((item) => exists(item.id));
    const missing = asked.filter((item) => estimators.get(item.id)!.mean(k) === undefined).map((item) => item.id);
    if (missing.length > 0 && missing.length < asked.length) itemsWithoutAnswers[domain.key] = missing;
  });
  const notCompared: { indicator: string; domain: string }[] = [];

  const indicators: IndicatorModel[] = indicatorsOf(study).map((info) => {
    const breakNote = whole.editions[String(year)]?.breaks?.find((b) => b.id === info.id)?.note;
    if (!exists(info.id)) return { id: info.id, kind: info.kind, label: info.label, components: [], stats: {}, notAsked: true as const };
    const isNps = info.kind === 'nps';
    // A change is tested only when the definition is the same in both editions (or declared comparable), never across a break or a gap.
    const definedAlike = previous !== undefined && comparableAcross(whole, info.id, previous.year, year);
    const declared = definedAlike && whole.editions[String(year)]?.comparable?.includes(info.id) === true;
    const est = estimators.get(info.id)!;
    const means = new Map(domains.map((d, k) => [d.key, est.mean(k)]));
    // The can't-say share counts can't say too: its n is the answers, which the rule must protect as well.
    const answered = est.cantSay ? new Map(domains.map((d, k) => [d.key, est.cantSay!(k)?.n ?? 0])) : undefined;
    const statuses = domainStatuses(domains, means, study.minBase, dominated, answered);
    const previousIndicator = previous?.indicators.find((x) => x.id === info.id);
    const items = info.kind === 'dimension' || info.kind === 'index' ? componentItems(study, info.id) : [];
    const stats: Record<string, IndicatorStats> = {};
    domains.forEach((domain, k) => {
      const status = statuses.get(domain.key)!;
      if (status.kind === 'absent') return;
      if (status.kind === 'suppressed') {
        const withheld: Cell = { shown: false, reason: status.reason };
        stats[domain.key] = {
          mean: withheld,
          ...(est.topBox ? { topBox: withheld } : {}),
          ...(est.points ? { distribution: est.points.map(() => withheld) } : {}),
          ...(est.cantSay ? { cantSay: withheld } : {}),
          ...(est.promoters ? { promoters: withheld, passives: withheld, detractors: withheld } : {}),
        };
        suppressionNotes.push({ domain: domain.key, indicator: info.id, reason: status.reason });
        return;
      }
      const m = means.get(domain.key)!;
      const part = (estimator: Estimator): Cell => {
        const e = estimator(k);
        return e === undefined ? { shown: false, reason: 'base' } : shareCell(e, shareInterval);
      };
      const s: IndicatorStats = { mean: shownCell(m, isNps ? undefined : bandOf(m.estimate, study.bands).id) };
      if (est.topBox) s.topBox = part(est.topBox);
      if (est.points) s.distribution = est.points.map(part);
      if (est.cantSay) s.cantSay = part(est.cantSay);
      if (est.promoters && est.passives && est.detractors) {
        s.promoters = part(est.promoters);
        s.passives = part(est.passives);
        s.detractors = part(est.detractors);
      }
      const before = previousIndicator?.stats[domain.key]?.mean;
      // A dimension or index is compared only when the same items contribute to it in both editions.
      const comparable = definedAlike && (declared || sameMissingItems(items, itemsWithoutAnswers[domain.key], previous?.itemsWithoutAnswers?.[domain.key]));
      if (before?.shown && definedAlike && !comparable) notCompared.push({ indicator: info.id, domain: domain.key });
      if (before?.shown && comparable) {
        const c = compareEstimates(m, before);
        if (c) s.previous = c;
      }
      if (domain.breakdown === 'total' || domain.breakdown === 'group') {
        const row = benchmarks.find((b) => b.year === data.year && b.indicator === info.id && (b.group ?? 'total') === (domain.code ?? 'total'));
        if (row) {
          const se = benchmarkSe(row.sd, row.n);
          const comparison = compareEstimates(m, { estimate: row.mean, ...(se !== undefined ? { se } : {}) });
          s.benchmark = { mean: row.mean, ...(se !== undefined ? { se } : {}), ...(comparison ? { comparison } : {}) };
        }
      }
      stats[domain.key] = s;
    });
    const components = info.kind === 'dimension' || info.kind === 'index' ? componentsIn(whole, info.id, year) : info.components;
    const notComparable = previous === undefined || definedAlike ? undefined : previousIndicator?.notAsked ? 'notAsked' : breakNote ? 'break' : 'redefined';
    return { id: info.id, kind: info.kind, label: info.label, components, stats, ...(breakNote ? { break: breakNote } : {}), ...(notComparable ? { notComparable } : {}) };
  });

  if (study.multipleComparisons === 'benjamini-hochberg') adjustChanges(indicators);

  // Key drivers use the outcome and predictors that exist in this edition.
  const driverStudy =
    study.drivers && exists(study.drivers.outcome) ? { ...study, drivers: { ...study.drivers, predictors: study.drivers.predictors.filter(exists) } } : { ...study, drivers: undefined };
  const { drivers, gaps, excluded } = driverAnalyses(driverStudy, data, domains, scores, indicators);
  const respondents = respondentSummary(study, shares, designEffects(study, data, scores, exists));
  const meta = editorial[study.languages[0]]?.meta ?? Object.values(editorial)[0]?.meta;
  const warnings = [
    ...weightWarnings(study, data, domains, shares, dominated, suppressionNotes),
    ...itemWarnings(study, data, domains, itemsWithoutAnswers, notCompared, previous?.year, previous?.itemsWithoutAnswers),
    ...driverWarnings(study, data, domains, gaps, excluded),
  ];
  const edition: EditionModel = {
    year: data.year,
    ...(previous ? { previousYear: previous.year } : {}),
    status: publication ? 'published' : 'draft',
    version: publication?.version ?? meta?.version ?? '0.1',
    ...(publication ? { published: publication.published } : {}),
    ...(publication?.note ? { note: publication.note } : {}),
    history: publication?.history ?? [],
    shareInterval,
    editorial,
    respondents,
    domains,
    indicators,
    drivers,
    inputHash,
    quotes: quotesOf(study, data),
    ...(study.drivers ? { driverGaps: gaps.map(({ domain, reason }) => ({ domain, reason })) } : {}),
    ...(Object.keys(itemsWithoutAnswers).length > 0 ? { itemsWithoutAnswers } : {}),
    suppressionNotes,
  };
  return { edition, warnings };
}

/**
 * Significance of the edition's changes by their Benjamini–Hochberg adjusted p,
 * over every change tested (in every indicator and domain; one with no test
 * made is not a test). Benchmark differences are left as they are.
 */
function adjustChanges(indicators: IndicatorModel[]): void {
  const tested = indicators.flatMap((x) => Object.values(x.stats).flatMap((s) => (s.previous && !s.previous.noTest ? [s] : [])));
  const adjusted = benjaminiHochberg(tested.map((s) => s.previous!.p));
  tested.forEach((s, i) => {
    s.previous = { ...s.previous!, significant: adjusted[i] < 0.05, adjustedP: adjusted[i] };
  });
}

/**
 * Open answers chosen for publication: only when the study turns quotes on, only for
 * groups at or above the reporting base, with e-mail addresses, phone numbers and identity codes
 * removed. The choice is the loader's (EditionData.quoteCandidates): per group the
 * nps.quotes.perGroup non-empty answers whose respondent ids have the smallest
 * quoteRank, in respondent-id order — deterministic and independent of the row
 * order.
 */
export function quotesOf(study: Study, data: EditionData): EditionModel['quotes'] {
  const settings = study.nps?.quotes;
  if (!settings?.publish) return [];
  const candidates = data.quoteCandidates;
  if (!candidates) return [];
  // Without groups the whole sample is one group, quoted under the code ''.
  const groups = study.groups.length > 0 ? study.groups.map((g) => g.code) : [''];
  const sizes = new Array<number>(groups.length).fill(0);
  for (let i = 0; i < data.n; i++) sizes[data.group[i]]++;
  const out: EditionModel['quotes'] = [];
  groups.forEach((code, gi) => {
    const answers = candidates[gi] ?? [];
    if (sizes[gi] < study.minBase || answers.length === 0) return;
    out.push({ group: code, texts: answers.slice(0, settings.perGroup).map((a) => redactPersonalData(a.text)) });
  });
  return out;
}

/** A driver analysis left out, with the facts its warning needs. */
export interface DriverGapFacts extends DriverGap {
  /** Complete cases, and their Kish effective n. */
  n: number;
  effectiveN: number;
}

/** Predictors left out of a domain's driver analysis. */
export interface DriverExclusionFacts {
  domain: string;
  n: number;
  excluded: NonNullable<DriverModel['excluded']>;
}

function driverAnalyses(
  study: Study,
  data: EditionData,
  domains: readonly Domain[],
  scores: ReadonlyMap<string, Float64Array>,
  indicators: IndicatorModel[],
): { drivers: DriverModel[]; gaps: DriverGapFacts[]; excluded: DriverExclusionFacts[] } {
  const drivers: DriverModel[] = [];
  const gaps: DriverGapFacts[] = [];
  const excludedAll: DriverExclusionFacts[] = [];
  if (!study.drivers) return { drivers, gaps, excluded: excludedAll };
  const { outcome, predictors } = study.drivers;
  // Predictors and outcome may be items too: those are turned into values here, once.
  const column = (id: string) => scores.get(id) ?? answerValues(data.items.get(id)!, study.scale.min);
  const X = predictors.map(column);
  const y = column(outcome);
  const labelOf = (id: string) => indicators.find((x) => x.id === id)!.label;
  // The total and every group from one pass over the complete cases, summed per random group of the replicate scheme.
  const scheme = replicateScheme(designOf(study, data));
  const byGroup = lmgByGroup(X, y, data.weight, data.group, study.groups.length, scheme);
  const analysed: { domain: number | 'total'; kept: number[]; quadrants: DriverModel['predictors'][number]['quadrant'][]; model: DriverModel }[] = [];
  for (const domain of domains) {
    if (domain.breakdown !== 'total' && domain.breakdown !== 'group') continue;
    const gi = study.groups.findIndex((g) => `group:${g.code}` === domain.key);
    const result = gi >= 0 ? byGroup.groups[gi] : byGroup.total;
    const gap = (reason: DriverGap['reason']) => gaps.push({ domain: domain.key, reason, n: result.n, effectiveN: result.effectiveN });
    // Too few complete cases comes first: below the base, nothing else is said about them.
    if (result.n < study.minBase) {
      gap('base');
      continue;
    }
    if (!result.available) {
      gap(result.reason === 'cases' ? 'base' : result.reason);
      if (result.dropped.length > 0) excludedAll.push({ domain: domain.key, n: result.n, excluded: exclusions(result.dropped) });
      continue;
    }
    if (effectiveNBelow(result.effectiveN, study.minBase)) {
      gap('weight');
      continue;
    }
    const kept = predictors.map((_, j) => j).filter((j) => !result.dropped.some((d) => d.index === j));
    const performance = kept.map((j) => {
      const cell = indicators.find((x) => x.id === predictors[j])!.stats[domain.key]?.mean;
      return cell?.shown ? cell.estimate : undefined;
    });
    // Performance comes from published figures only; a domain with a withheld predictor gets no chart.
    if (performance.some((v) => v === undefined)) {
      gap('withheld');
      continue;
    }
    const excluded = exclusions(result.dropped);
    if (excluded.length > 0) excludedAll.push({ domain: domain.key, n: result.n, excluded });
    const importanceSplit = kept.reduce((a, j) => a + result.share[j], 0) / kept.length;
    const performanceSplit = (performance as number[]).reduce((a, b) => a + b, 0) / kept.length;
    const points = kept.map((j, a) => {
      const id = predictors[j];
      const importance = result.share[j];
      const perf = performance[a]!;
      const quadrant = quadrantOf(importance, perf, importanceSplit, performanceSplit);
      return { id, label: labelOf(id), importance, lmg: result.importance[j], performance: perf, quadrant };
    });
    const model: DriverModel = {
      domain: domain.key,
      n: result.n,
      r2: result.r2,
      replicates: scheme.replicates,
      importanceSplit,
      performanceSplit,
      // Filled in below, from the replicates of every analysed domain at once.
      predictors: points.map((x) => ({
        ...x,
        importanceSe: Number.NaN,
        importanceCi: [Number.NaN, Number.NaN],
        quadrantShares: { strength: 0, develop: 0, maintain: 0, lower: 0 },
        quadrantStable: false,
      })),
      ...(excluded.length > 0 ? { excluded } : {}),
    };
    drivers.push(model);
    analysed.push({ domain: gi >= 0 ? gi : 'total', kept, quadrants: points.map((x) => x.quadrant), model });
  }
  if (analysed.length > 0) {
    // Every replicate of every analysed domain: importance shares from the random groups' moments, performance from their means.
    const shares = lmgReplicates(
      byGroup.moments,
      scheme.factors,
      scheme.replicates,
      analysed.map((a) => a.domain),
      analysed.map((a) => a.kept),
    );
    const sums = byGroup.moments.means!;
    const means = replicateMeans(
      sums,
      scheme.factors,
      scheme.replicates,
      scheme.cellStratum,
      analysed.map((a) => a.domain),
    );
    analysed.forEach((a, k) => {
      const uncertainty = driverUncertainty(shares[k], means[k], scheme.replicates, predictors.length, a.kept, a.quadrants);
      a.model.predictors = a.model.predictors.map((x, i) => ({
        ...x,
        importanceSe: uncertainty[i].se,
        importanceCi: uncertainty[i].ci,
        quadrantShares: uncertainty[i].quadrantShares,
        quadrantStable: uncertainty[i].stable,
      }));
    });
  }
  // The total's complete cases less the shown groups' must not give away fewer than the floor.
  if (drivers.some((d) => d.domain === 'total')) {
    const sizes = new Map<string, number>();
    for (const d of drivers) if (d.domain !== 'total') sizes.set(d.domain, d.n);
    for (const g of gaps) if (g.domain !== 'total') sizes.set(g.domain, g.n);
    const gapDomains = new Set(gaps.map((g) => g.domain));
    for (const key of complementaryDomains(sizes, gapDomains)) {
      const k = drivers.findIndex((d) => d.domain === key);
      const [d] = drivers.splice(k, 1);
      gaps.push({ domain: key, reason: 'complementary', n: d.n, effectiveN: Number.NaN });
    }
  }
  return { drivers, gaps, excluded: excludedAll };

  function exclusions(dropped: readonly { index: number; reason: 'constant' | 'collinear'; with?: number[] }[]): NonNullable<DriverModel['excluded']> {
    return dropped.map((d) => {
      const id = predictors[d.index];
      return { id, label: labelOf(id), reason: d.reason, ...(d.with ? { with: d.with.map((k) => predictors[k]) } : {}) };
    });
  }
}

/** The design-based design effects of the respondents table: of which indicator's mean, and its value in the total and each group. */
interface RespondentDesignEffects {
  indicator: string;
  /** The total first, then each group (undefined where there is no effect to give). */
  values: (number | undefined)[];
}

/**
 * The design-based design effect (R's svymean(..., deff = "replace"), see designEffect) of one indicator's
 * mean in the total and each group of a weighted study: the first headline index asked in the edition,
 * else the first index, area or statement asked. None in an unweighted study, whose margins of error
 * are those of its number of respondents.
 */
function designEffects(study: Study, data: EditionData, scores: ReadonlyMap<string, Float64Array>, exists: (id: string) => boolean): RespondentDesignEffects | undefined {
  if (study.columns.weight === undefined) return undefined;
  const candidates = [...study.indices.filter((x) => x.headline), ...study.indices, ...study.dimensions, ...study.items].map((x) => x.id);
  const indicator = candidates.find(exists);
  if (indicator === undefined) return undefined;
  const y = scores.get(indicator) ?? answerValues(data.items.get(indicator)!, study.scale.min);
  // The groups are the design's strata: the total and every group in one set of passes.
  const values = stratumDesignEffects(designOf(study, data), y).map((d) => d?.designEffect);
  return { indicator, values };
}

/**
 * A domain's respondents and weights as the model reports them: Kish's design effect of the weights, the
 * design-based one of an indicator's mean when there is one, and the margin of error of a 50 % share — at
 * n over the design-based design effect when there is one, else at Kish's effective n.
 */
function weightSummary(share: DomainWeightShare, designBased: number | undefined) {
  const { n, sumWeights, effectiveN } = share;
  const kish = effectiveN > 0 ? n / effectiveN : 1;
  const marginOfError = designBased !== undefined && n > 0 ? Z975_DECIMAL * Math.sqrt((0.25 * designBased) / n) : effectiveN > 0 ? Z975_DECIMAL * Math.sqrt(0.25 / effectiveN) : Number.NaN;
  return { n, sumWeights, effectiveN, designEffect: kish, ...(designBased !== undefined ? { designBasedDesignEffect: designBased } : {}), marginOfError };
}

/** The respondents in total and by group, from the weight summaries of the domains (the total first, then the groups). */
function respondentSummary(study: Study, shares: readonly DomainWeightShare[], deffs: RespondentDesignEffects | undefined): EditionModel['respondents'] {
  const total = weightSummary(shares[0], deffs?.values[0]);
  // The total's n and weights less the shown groups' must not give away a group under the floor.
  const sizes = new Map(study.groups.map((g, gi) => [g.code, shares[1 + gi].n]));
  const complementary = new Set(complementaryDomains(sizes, new Set(study.groups.filter((g) => sizes.get(g.code)! < DISCLOSURE_FLOOR).map((g) => g.code))));
  const groups: GroupSummary[] = study.groups.map((g, gi) => {
    const s = weightSummary(shares[1 + gi], deffs?.values[1 + gi]);
    if (s.n < DISCLOSURE_FLOOR) return { code: g.code, label: g.label, belowBase: true };
    if (complementary.has(g.code)) return { code: g.code, label: g.label, belowBase: s.n < study.minBase, complementary: true };
    const { n, ...rest } = s;
    return { code: g.code, label: g.label, n, belowBase: n < study.minBase, ...rest };
  });
  return { ...total, ...(deffs ? { designEffectIndicator: deffs.indicator } : {}), groups };
}
