/**
 * What a study and an edition have to show. A chapter, a figure, a table column or a
 * sentence that would show nothing, or say something the study does not have, is left
 * out: the route table, the navigation, the print contents and the sections ask here.
 */
import type { EditionModel, ReportModel, StudyMeta } from '../model/types.ts';
import { TOTAL } from './domain-key.ts';

/** Whether the study has stakeholder groups (else it is one sample, with no group breakdown). */
export function hasGroups(study: Pick<StudyMeta, 'groups'>): boolean {
  return study.groups.length > 0;
}

/** Whether the study defines a can't-say code (else there is no can't-say share to show). */
export function hasCantSay(study: Pick<StudyMeta, 'scale'>): boolean {
  return study.scale.cantSay.length > 0;
}

/** Whether the edition is compared with an earlier one (else there is no change to show). */
export function hasPrevious(edition: Pick<EditionModel, 'previousYear'>): boolean {
  return edition.previousYear !== undefined;
}

/** Whether any figure of the edition has a benchmark (benchmarks.csv has rows for its year). */
export function hasBenchmark(edition: Pick<EditionModel, 'indicators'>): boolean {
  return edition.indicators.some((x) => Object.values(x.stats).some((s) => s.benchmark !== undefined));
}

/** The years of an indicator's series of all respondents, up to the edition (an edition's trend ends at that edition). */
export function trendYears(model: Pick<ReportModel, 'trends'>, edition: Pick<EditionModel, 'year'>, indicator: string): number[] {
  const series = model.trends.find((s) => s.indicator === indicator && s.domain === TOTAL);
  return (series?.points ?? []).filter((p) => p.year <= edition.year).map((p) => p.year);
}

/** Whether an indicator has a trend at the edition: figures in at least two editions up to it (one year is a dot, not a trend). */
export function hasTrend(model: Pick<ReportModel, 'trends'>, edition: Pick<EditionModel, 'year'>, indicator: string): boolean {
  return trendYears(model, edition, indicator).length > 1;
}

/** The headline figures and areas that have a trend at the edition, in the trends page's order; none with one edition. */
export function trendIndicators(model: Pick<ReportModel, 'study' | 'trends'>, edition: Pick<EditionModel, 'year' | 'indicators'>): string[] {
  const dimensions = edition.indicators.filter((i) => i.kind === 'dimension').map((i) => i.id);
  return [...model.study.headlines, ...dimensions].filter((id) => hasTrend(model, edition, id));
}
