import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel, ShareInterval } from '../model/types.ts';
import { formatCount, formatNumber, formatPercent } from '../format/number.ts';
import { listText, t, type TextKey, type TextValues } from '../i18n/index.ts';
import { topBoxRange } from '../study/answer-codes.ts';
import { DISCLOSURE_FLOOR } from '../study/disclosure.ts';
import type { TableView } from './tables.ts';
import { DRIVER_RANDOM_GROUPS, DRIVER_REPLICATES, QUADRANT_STABILITY } from '../estimate/index.ts';

/**
 * Respondents and margins of error, in total and per group. The effective
 * sample size and the design effect are shown only in a weighted study: without
 * weights they are the number of respondents and 1, and say nothing.
 */
export function respondentsTable(model: ReportModel, edition: EditionModel, lang: Lang): TableView {
  const r = edition.respondents;
  const weighted = model.study.weighted;
  // The design-based design effect is of one indicator's mean, named in its column's heading.
  const indicator = r.designEffectIndicator === undefined ? undefined : edition.indicators.find((x) => x.id === r.designEffectIndicator)?.label[lang];
  const number = (v: number | undefined) => ({ text: v === undefined ? '–' : formatNumber(v, 2, lang) });
  const row = (label: string, g: { n?: number; complementary?: true; effectiveN?: number; designEffect?: number; designBasedDesignEffect?: number; marginOfError?: number }) => [
    { text: label },
    { text: g.complementary ? t(lang, 'ui.withheldComplementary', { floor: DISCLOSURE_FLOOR }) : g.n === undefined ? t(lang, 'ui.suppressed', { base: DISCLOSURE_FLOOR }) : formatCount(g.n, lang) },
    ...(weighted ? [{ text: g.effectiveN === undefined ? '–' : formatCount(g.effectiveN, lang) }, number(g.designEffect)] : []),
    ...(indicator !== undefined ? [number(g.designBasedDesignEffect)] : []),
    { text: g.marginOfError === undefined ? '–' : `±${formatPercent(g.marginOfError, lang, 1)}` },
  ];
  const grouped = model.study.groups.length > 0;
  return {
    caption: t(lang, 'ui.respondents'),
    head: [
      t(lang, grouped ? 'ui.groups' : 'method.sampleColumn'),
      t(lang, 'ui.respondents'),
      ...(weighted ? [t(lang, 'ui.effectiveN'), t(lang, 'ui.designEffect')] : []),
      ...(indicator !== undefined ? [t(lang, 'ui.designEffectOf', { indicator })] : []),
      t(lang, 'ui.marginOfError'),
    ],
    numeric: [false, true, ...(weighted ? [true, true] : []), ...(indicator !== undefined ? [true] : []), true],
    rows: [...r.groups.map((g) => row(g.label[lang], g)), row(t(lang, 'ui.total'), r)],
  };
}

/** A block of the method text: a heading and its paragraphs. */
export interface MethodBlock {
  heading: string;
  paragraphs: string[];
}

/** What the method text of an edition depends on: the facts of the study and the edition that decide which sentences are true. */
export interface MethodFacts {
  groups: string[];
  weighted: boolean;
  scale: { min: number; max: number; cantSay: number[]; topBox: number };
  hasDimensions: boolean;
  indexOfAreas: boolean;
  indexOfItems: boolean;
  hasNps: boolean;
  background: string[];
  /** The drivers' outcome label, when the study has drivers. */
  driversOutcome?: string;
  quotesPerGroup?: number;
  /** The previous edition's year, when this edition is compared with one. */
  previousYear?: number;
  /** Benchmarks of this edition with a standard error (sd and n), and without. */
  benchmarkWithSe: boolean;
  benchmarkFixed: boolean;
  minBase: number;
  /** The questionnaire differs from the previous edition's: questions not asked in one of them, a break, or areas and indices with other components. */
  questionnaireChanged?: boolean;
  /** Tests made in the edition (a comparison with no test made is not counted): changes from the previous edition, differences from the benchmark. */
  changeTests: number;
  benchmarkTests: number;
  /** Changes are significant by their Benjamini–Hochberg adjusted p. */
  adjusted?: boolean;
  /** The label of the indicator whose design-based design effect the respondents table gives. */
  designEffectIndicator?: string;
  /** The interval of the edition's shares (EditionModel.shareInterval). */
  shareInterval: ShareInterval;
}

/** The facts of `edition` that the method text speaks of. */
export function methodFacts(model: ReportModel, edition: EditionModel, lang: Lang): MethodFacts {
  const s = model.study;
  const dimensionIds = new Set(edition.indicators.filter((x) => x.kind === 'dimension').map((x) => x.id));
  const indices = edition.indicators.filter((x) => x.kind === 'index');
  const benchmarks = edition.indicators.flatMap((x) => Object.values(x.stats).flatMap((st) => (st.benchmark ? [st.benchmark] : [])));
  const outcome = s.drivers ? edition.indicators.find((x) => x.id === s.drivers!.outcome)?.label[lang] : undefined;
  const previous = model.editions.find((e) => e.year === edition.previousYear);
  const deffId = edition.respondents.designEffectIndicator;
  const deffIndicator = deffId === undefined ? undefined : edition.indicators.find((x) => x.id === deffId)?.label[lang];
  const questionnaireChanged =
    edition.indicators.some((x) => x.notAsked || x.break) ||
    (previous?.indicators.some((p) => {
      const x = edition.indicators.find((i) => i.id === p.id);
      return p.notAsked || (x !== undefined && x.components.join() !== p.components.join());
    }) ??
      false);
  return {
    groups: s.groups.map((g) => g.label[lang]),
    weighted: s.weighted,
    scale: s.scale,
    hasDimensions: dimensionIds.size > 0,
    indexOfAreas: indices.some((x) => x.components.some((c) => dimensionIds.has(c))),
    indexOfItems: indices.some((x) => !x.components.some((c) => dimensionIds.has(c))),
    hasNps: s.hasNps,
    background: s.background.map((b) => b.label[lang]),
    ...(outcome !== undefined ? { driversOutcome: outcome } : {}),
    ...(s.quotes ? { quotesPerGroup: s.quotes.perGroup } : {}),
    ...(edition.previousYear !== undefined ? { previousYear: edition.previousYear } : {}),
    benchmarkWithSe: benchmarks.some((b) => b.se !== undefined),
    benchmarkFixed: benchmarks.some((b) => b.se === undefined),
    minBase: s.minBase,
    ...(questionnaireChanged ? { questionnaireChanged } : {}),
    ...testCounts(edition),
    ...(deffIndicator !== undefined ? { designEffectIndicator: deffIndicator } : {}),
    ...(s.multipleComparisons === 'benjamini-hochberg' ? { adjusted: true } : {}),
    shareInterval: edition.shareInterval,
  };
}

/** The significance level of every test. */
const ALPHA = 0.05;

/** How many changes from the previous edition and differences from the benchmark the edition tests. */
export function testCounts(edition: EditionModel): { changeTests: number; benchmarkTests: number } {
  const stats = edition.indicators.flatMap((x) => Object.values(x.stats));
  const tested = (c: { noTest?: true } | undefined) => c !== undefined && !c.noTest;
  return { changeTests: stats.filter((s) => tested(s.previous)).length, benchmarkTests: stats.filter((s) => tested(s.benchmark?.comparison)).length };
}

/**
 * How many of `tests` tests would be significant by chance alone if no difference were real:
 * ALPHA · tests, said as a whole number ("about 8"), or as "fewer than one" below one.
 */
export function chanceText(tests: number, lang: Lang): string {
  const expected = ALPHA * tests;
  return expected < 1 ? t(lang, 'method.chanceUnderOne') : t(lang, 'method.chance', { count: Math.round(expected) });
}

/**
 * The number of tests of an edition and what chance alone would make of them, sentence by sentence
 * (none for a kind of test the edition does not make).
 */
export function testCountSentences(f: Pick<MethodFacts, 'changeTests' | 'benchmarkTests'>, lang: Lang): string[] {
  return [
    ...(f.changeTests > 0 ? [t(lang, 'method.changeTestCount', { count: f.changeTests }), chanceText(f.changeTests, lang)] : []),
    ...(f.benchmarkTests > 0 ? [t(lang, 'method.benchmarkTestCount', { count: f.benchmarkTests }), chanceText(f.benchmarkTests, lang)] : []),
  ];
}

/** A scale end as written in text: a minus sign, not a hyphen. */
function scalePoint(n: number): string {
  return n < 0 ? `\u2212${-n}` : String(n);
}

/**
 * The method text of an edition, block by block, in the report language:
 * assembled sentence by sentence from what the study and the edition have, so
 * that it says nothing the study contradicts (no weights, groups, can't-say
 * codes, NPS, benchmarks, breakdowns, drivers, quotes or comparisons it lacks).
 */
export function methodParagraphs(model: ReportModel, edition: EditionModel, lang: Lang): MethodBlock[] {
  return methodText(methodFacts(model, edition, lang), lang);
}

/** The method text from its facts (see methodParagraphs). */
export function methodText(f: MethodFacts, lang: Lang): MethodBlock[] {
  const say = (key: TextKey, values?: TextValues) => t(lang, key, values);
  const paragraph = (...sentences: (string | false | undefined)[]) => sentences.filter((x): x is string => typeof x === 'string').join(' ');
  const grouped = f.groups.length > 0;
  const hasBackground = f.background.length > 0;
  const { scale } = f;

  const sample: MethodBlock = {
    heading: say(f.weighted ? 'method.headingSampleWeighted' : 'method.headingSample'),
    paragraphs: [
      paragraph(
        grouped ? say('method.strata', { count: f.groups.length, groups: listText(f.groups, lang) }) : say('method.oneSample'),
        f.weighted ? say('method.weighted') : say('method.equalRespondents'),
        f.designEffectIndicator !== undefined && say('method.designEffect', { indicator: f.designEffectIndicator }),
      ),
      f.designEffectIndicator !== undefined ? say('method.marginDesign', { indicator: f.designEffectIndicator }) : say(f.weighted ? 'method.marginWeighted' : 'method.marginUnweighted'),
    ],
  };

  const cantSay = scale.cantSay.length > 0 ? say('method.cantSay', { count: scale.cantSay.length, codes: listText(scale.cantSay.map(scalePoint), lang) }) : undefined;
  const formulas: MethodBlock = {
    heading: say('ui.formulas'),
    paragraphs: [
      paragraph(say('method.scale', { scale: `${scalePoint(scale.min)}\u2013${scalePoint(scale.max)}` }), cantSay, say('method.topBox', { count: scale.topBox, range: topBoxRange(scale) })),
      ...(f.hasDimensions ? [paragraph(say('method.dimensionScore'), say('method.dimensionShares', { range: topBoxRange(scale) }))] : []),
      ...(f.indexOfAreas || f.indexOfItems ? [paragraph(f.indexOfAreas && say('method.indexOfAreas'), f.indexOfItems && say('method.indexOfItems'))] : []),
      paragraph(f.weighted && say('method.weightedMeans'), say(grouped ? 'method.seStratified' : 'method.seOneSample')),
      f.shareInterval === 'logit' ? say('method.shareIntervalLogit', { degrees: say(grouped ? 'method.degreesStrata' : 'method.degreesOneSample') }) : say('method.shareIntervalSymmetric'),
      ...(f.hasNps ? [say('method.nps')] : []),
      ...(hasBackground ? [say('method.background', { variables: listText(f.background, lang) })] : []),
      ...(f.driversOutcome !== undefined
        ? [
            paragraph(say(f.weighted ? 'method.driversWeighted' : 'method.drivers', { outcome: f.driversOutcome }), grouped && say('method.driversGroups'), say('method.driversDetails')),
            say(grouped ? 'method.driversUncertaintyGroups' : 'method.driversUncertainty', {
              replicates: formatCount(DRIVER_REPLICATES, lang),
              groups: formatCount(DRIVER_RANDOM_GROUPS, lang),
              stable: formatPercent(QUADRANT_STABILITY, lang),
            }),
          ]
        : []),
      ...(f.quotesPerGroup !== undefined ? [paragraph(say(grouped ? 'method.quotesGroups' : 'method.quotesAll', { count: f.quotesPerGroup, base: f.minBase }), say('method.quotesChoice'))] : []),
    ],
  };

  const compared = f.previousYear !== undefined;
  const benchmarked = f.benchmarkWithSe || f.benchmarkFixed;
  const notTested = grouped && hasBackground ? 'method.notTestedBoth' : grouped ? 'method.notTestedGroups' : hasBackground ? 'method.notTestedBackground' : undefined;
  const tests: MethodBlock = {
    heading: say('method.headingTests'),
    paragraphs:
      compared || benchmarked
        ? [
            paragraph(
              compared && say('method.changeTest', { year: String(f.previousYear) }),
              f.benchmarkWithSe && say('method.benchmarkTestSe'),
              f.benchmarkFixed && say('method.benchmarkTestFixed'),
              say('method.significance'),
              notTested && say(notTested),
              say('method.noise'),
            ),
            paragraph(
              compared && say('method.independentLimit'),
              ...(f.adjusted && compared ? [say('method.adjusted'), benchmarked && say('method.benchmarkUnadjusted'), say('method.multipleLimitAdjusted')] : [say('method.multipleLimit')]),
            ),
            ...(f.changeTests + f.benchmarkTests > 0 ? [paragraph(...testCountSentences(f, lang))] : []),
            ...(compared && (f.hasDimensions || f.indexOfAreas || f.indexOfItems) ? [say('method.comparable')] : []),
            ...(compared && f.questionnaireChanged ? [say('ui.questionnaireChanged', { year: String(f.previousYear) })] : []),
          ]
        : [say('method.noTests')],
  };

  const reporting: MethodBlock = {
    heading: say('ui.reportingBase'),
    paragraphs: [
      // At the floor nothing is ever marked withheld for its base: below it nothing is published at all.
      paragraph(
        f.minBase > DISCLOSURE_FLOOR && say('method.minBase', { base: f.minBase }),
        say('method.floor', { floor: DISCLOSURE_FLOOR }),
        (grouped || hasBackground) && say('method.complementary', { floor: DISCLOSURE_FLOOR }),
        grouped && say('method.complementaryRespondents'),
        grouped && f.driversOutcome !== undefined && say('method.complementaryDrivers'),
      ),
      ...(f.weighted ? [say('method.weightRules', { base: f.minBase })] : []),
      ...(f.driversOutcome !== undefined ? [say(f.weighted ? 'method.driversBaseWeighted' : 'method.driversBase', { base: f.minBase })] : []),
    ],
  };

  return [sample, formulas, tests, reporting];
}
