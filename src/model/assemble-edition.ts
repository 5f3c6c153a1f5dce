import type { BenchmarkRow, EditionData } from '../load/types.ts';
import type { Lang, Study } from '../study/schema.ts';
import { indicatorsOf } from '../study/lookup.ts';
import { bandOf, lmg, surveyMean, type Design, type MeanEstimate } from '../estimate/index.ts';
import { benchmarkSe, compareEstimates } from '../compare/index.ts';
import { scoreColumns } from './score-columns.ts';
import { redactPersonalData } from './redact.ts';
import { suppressBreakdown, type CellStatus } from './suppress.ts';
import type { Cell, Domain, DriverModel, EditionModel, Editorial, GroupSummary, IndicatorModel, IndicatorStats, Quadrant, VersionEntry } from './types.ts';

/** z for a two-sided 95 % interval: qnorm(0.975). */
const Z95 = 1.959963984540054;

interface DomainMask {
  domain: Domain;
  /** undefined for the total (everyone). */
  mask?: Uint8Array;
}

/** The total, each stakeholder group, and each class of each background variable. */
export function domainsOf(study: Study, data: EditionData): DomainMask[] {
  const out: DomainMask[] = [{ domain: { key: 'total', breakdown: 'total', label: { fi: 'Kaikki', en: 'All respondents' } } }];
  study.groups.forEach((g, gi) => {
    const mask = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) mask[i] = data.group[i] === gi ? 1 : 0;
    out.push({ domain: { key: `group:${g.code}`, breakdown: 'group', code: g.code, label: g.label }, mask });
  });
  for (const bg of study.background) {
    const codes = data.background.get(bg.id)!;
    bg.values.forEach((v, vi) => {
      const mask = new Uint8Array(data.n);
      for (let i = 0; i < data.n; i++) mask[i] = codes[i] === vi ? 1 : 0;
      out.push({ domain: { key: `${bg.id}:${v.code}`, breakdown: bg.id, code: v.code, label: v.label }, mask });
    });
  }
  return out;
}

function shownCell(e: MeanEstimate, band?: string): Cell {
  return { shown: true, estimate: e.estimate, se: e.se, ci: e.ci, n: e.n, effectiveN: e.effectiveN, ...(band !== undefined ? { band } : {}) };
}

/** Statuses of every domain for one indicator: breakdown by breakdown, each with its own complementary rule. */
function domainStatuses(domains: DomainMask[], means: Map<string, MeanEstimate | undefined>, minBase: number): Map<string, CellStatus> {
  const total = means.get('total');
  const totalShown = total !== undefined && total.n >= minBase;
  const out = new Map<string, CellStatus>([['total', total === undefined || total.n < 5 ? { kind: 'absent' } : totalShown ? { kind: 'shown' } : { kind: 'suppressed', reason: 'base' }]]);
  const breakdowns = new Set(domains.map((d) => d.domain.breakdown).filter((b) => b !== 'total'));
  for (const breakdown of breakdowns) {
    const keys = domains.filter((d) => d.domain.breakdown === breakdown).map((d) => d.domain.key);
    const status = suppressBreakdown(new Map(keys.map((k) => [k, means.get(k)])), totalShown, minBase);
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
  /** The publication record's facts, when the edition has been published. */
  publication?: { version: string; published: string; note?: string; history: VersionEntry[] };
}

/** Computes one edition's report model: every estimate, comparison and driver analysis. */
export function assembleEdition({ study, data, previous, benchmarks, editorial, inputHash, publication }: EditionInput): EditionModel {
  const design: Design = { strata: data.group, weights: data.weight, strataCount: study.groups.length };
  const domains = domainsOf(study, data);
  const columns = scoreColumns(study, data);
  const suppressionNotes: EditionModel['suppressionNotes'] = [];
  const estimate = (y: Float64Array, mask: Uint8Array | undefined) => surveyMean(design, y, mask);

  const indicators: IndicatorModel[] = indicatorsOf(study).map((info) => {
    const isNps = info.kind === 'nps';
    const scale = isNps ? undefined : columns.scale.get(info.id)!;
    const npsCols = isNps ? columns.nps! : undefined;
    const scoreColumn = scale?.score ?? npsCols!.score;
    const means = new Map(domains.map((d) => [d.domain.key, estimate(scoreColumn, d.mask)]));
    const statuses = domainStatuses(domains, means, study.minBase);
    const previousIndicator = previous?.indicators.find((x) => x.id === info.id);
    const stats: Record<string, IndicatorStats> = {};
    for (const { domain, mask } of domains) {
      const status = statuses.get(domain.key)!;
      if (status.kind === 'absent') continue;
      if (status.kind === 'suppressed') {
        const withheld: Cell = { shown: false, reason: status.reason };
        stats[domain.key] = {
          mean: withheld,
          ...(scale?.topBox ? { topBox: withheld } : {}),
          ...(scale?.points ? { distribution: scale.points.map(() => withheld) } : {}),
          ...(scale?.cantSay ? { cantSay: withheld } : {}),
          ...(npsCols ? { promoters: withheld, passives: withheld, detractors: withheld } : {}),
        };
        suppressionNotes.push({ domain: domain.key, indicator: info.id, reason: status.reason });
        continue;
      }
      const m = means.get(domain.key)!;
      const part = (y: Float64Array): Cell => {
        const e = estimate(y, mask);
        return e === undefined ? { shown: false, reason: 'base' } : shownCell(e);
      };
      const s: IndicatorStats = { mean: shownCell(m, isNps ? undefined : bandOf(m.estimate, study.bands).id) };
      if (scale?.topBox) s.topBox = part(scale.topBox);
      if (scale?.points) s.distribution = scale.points.map(part);
      if (scale?.cantSay) s.cantSay = part(scale.cantSay);
      if (npsCols) {
        s.promoters = part(npsCols.promoters);
        s.passives = part(npsCols.passives);
        s.detractors = part(npsCols.detractors);
      }
      const before = previousIndicator?.stats[domain.key]?.mean;
      if (before?.shown) {
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
    }
    return { id: info.id, kind: info.kind, label: info.label, components: info.components, stats };
  });

  const drivers = driverAnalyses(study, data, domains, columns.scale, indicators);
  const respondents = respondentSummary(study, data);
  const meta = editorial[study.languages[0]]?.meta ?? Object.values(editorial)[0]?.meta;
  return {
    year: data.year,
    ...(previous ? { previousYear: previous.year } : {}),
    status: publication ? 'published' : 'draft',
    version: publication?.version ?? meta?.version ?? '0.1',
    ...(publication ? { published: publication.published } : {}),
    ...(publication?.note ? { note: publication.note } : {}),
    history: publication?.history ?? [],
    editorial,
    respondents,
    domains: domains.map((d) => d.domain),
    indicators,
    drivers,
    inputHash,
    quotes: quotesOf(study, data),
    suppressionNotes,
  };
}

/**
 * Open answers chosen for publication: only when the study turns quotes on, only for
 * groups at or above the reporting base, evenly spread over the group's answers in
 * respondent-id order, with e-mail addresses and phone numbers removed.
 */
export function quotesOf(study: Study, data: EditionData): EditionModel['quotes'] {
  const settings = study.nps?.quotes;
  if (!settings?.publish || !data.npsReason) return [];
  const out: EditionModel['quotes'] = [];
  study.groups.forEach((g, gi) => {
    let size = 0;
    const answers: { id: string; text: string }[] = [];
    for (let i = 0; i < data.n; i++) {
      if (data.group[i] !== gi) continue;
      size++;
      const text = data.npsReason![i]!.trim();
      if (text) answers.push({ id: data.ids[i]!, text });
    }
    if (size < study.minBase || answers.length === 0) return;
    answers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const k = Math.min(settings.perGroup, answers.length);
    const texts = Array.from({ length: k }, (_, j) => redactPersonalData(answers[Math.floor((j * answers.length) / k)]!.text));
    out.push({ group: g.code, texts });
  });
  return out;
}

function driverAnalyses(
  study: Study,
  data: EditionData,
  domains: DomainMask[],
  scale: ReturnType<typeof scoreColumns>['scale'],
  indicators: IndicatorModel[],
): DriverModel[] {
  if (!study.drivers) return [];
  const { outcome, predictors } = study.drivers;
  const X = predictors.map((p) => scale.get(p)!.score);
  const y = scale.get(outcome)!.score;
  const out: DriverModel[] = [];
  for (const { domain, mask } of domains) {
    if (domain.breakdown !== 'total' && domain.breakdown !== 'group') continue;
    const result = lmg(X, y, data.weight, mask);
    if (!result || result.n < study.minBase) continue;
    const performance = predictors.map((p) => {
      const cell = indicators.find((x) => x.id === p)!.stats[domain.key]?.mean;
      return cell?.shown ? cell.estimate : undefined;
    });
    // Performance comes from published figures only; a domain with a withheld predictor gets no chart.
    if (performance.some((v) => v === undefined)) continue;
    const importanceSplit = result.share.reduce((a, b) => a + b, 0) / predictors.length;
    const performanceSplit = (performance as number[]).reduce((a, b) => a + b, 0) / predictors.length;
    out.push({
      domain: domain.key,
      n: result.n,
      r2: result.r2,
      importanceSplit,
      performanceSplit,
      predictors: predictors.map((id, j) => {
        const importance = result.share[j];
        const perf = performance[j]!;
        const high = importance >= importanceSplit;
        const good = perf >= performanceSplit;
        const quadrant: Quadrant = high ? (good ? 'strength' : 'develop') : good ? 'maintain' : 'lower';
        return { id, label: indicators.find((x) => x.id === id)!.label, importance, lmg: result.importance[j], performance: perf, quadrant };
      }),
    });
  }
  return out;
}

function weightSummary(weights: Float64Array, mask?: (i: number) => boolean) {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < weights.length; i++) {
    if (mask && !mask(i)) continue;
    n++;
    sum += weights[i];
    sumSq += weights[i] * weights[i];
  }
  const effectiveN = sumSq > 0 ? (sum * sum) / sumSq : 0;
  return { n, sumWeights: sum, effectiveN, designEffect: effectiveN > 0 ? n / effectiveN : 1, marginOfError: effectiveN > 0 ? Z95 * Math.sqrt(0.25 / effectiveN) : Number.NaN };
}

function respondentSummary(study: Study, data: EditionData): EditionModel['respondents'] {
  const total = weightSummary(data.weight);
  const groups: GroupSummary[] = study.groups.map((g, gi) => {
    const s = weightSummary(data.weight, (i) => data.group[i] === gi);
    if (s.n < 5) return { code: g.code, label: g.label, belowBase: true };
    return { code: g.code, label: g.label, n: s.n, belowBase: s.n < study.minBase, sumWeights: s.sumWeights, effectiveN: s.effectiveN, designEffect: s.designEffect, marginOfError: s.marginOfError };
  });
  return { ...total, groups };
}
