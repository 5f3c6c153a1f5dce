/**
 * A stratified with-replacement design: one stratum per stakeholder group.
 *
 * `strata[i]` is the stratum of respondent i, in 0 … strataCount − 1, and
 * `weights[i]` its (positive, finite) sampling weight. Every respondent of the
 * data belongs to the design, answered or not: stratum sizes count them all.
 * Matches R's `svydesign(ids = ~1, strata = ~group, weights = ~weight)`.
 */
export interface Design {
  strata: Uint16Array;
  weights: Float64Array;
  strataCount: number;
}
