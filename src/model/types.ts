/**
 * The report model: everything the site, the downloads and the PDF show, computed
 * once per build. Plain data (JSON-serialisable); pages only display it.
 */
import type { Label, Lang } from '../study/schema.ts';
import type { Quadrant } from '../estimate/quadrant.ts';
import type { ShareInterval } from '../estimate/share-interval.ts';
import type { IndicatorKind } from '../study/lookup.ts';
import type { Editorial } from '../editorial/types.ts';

/** Why a figure is not shown. */
export type SuppressionReason =
  /** Fewer valid answers than the study's minimum base. */
  | 'base'
  /** Shown figures would let a reader recover a suppressed one by subtraction. */
  | 'complementary'
  /**
   * The weights make the figure rest on too few respondents: the Kish effective
   * n of its answers is below the minimum base, or one respondent carries more
   * than half the weight of the domain (see MAX_WEIGHT_SHARE).
   */
  | 'weight';

/** A comparison of two independent estimates: a − b. */
export interface ComparisonModel {
  difference: number;
  se: number;
  z: number;
  p: number;
  significant: boolean;
  /** The SE of the difference is zero: no test was made (z 0, p 1, not significant). */
  noTest?: true;
  /**
   * The Benjamini–Hochberg adjusted p over all the edition's changes, when the study adjusts them
   * (StudyMeta.multipleComparisons); `significant` then says adjustedP < 0.05.
   */
  adjustedP?: number;
}

/**
 * One estimate. `shown` figures carry their numbers; `suppressed` ones carry only
 * the reason; cells with fewer than 5 answers are not in the model at all.
 */
export type Cell =
  | {
      shown: true;
      estimate: number;
      se: number;
      /** 95 % interval: ± 1.96 SE for means, EditionModel.shareInterval for shares. */
      ci: [number, number];
      n: number;
      effectiveN: number;
      /** Band id (means on the answer scale only). */
      band?: string;
    }
  | { shown: false; reason: SuppressionReason };

/** An indicator's figures in one domain (the total, a group, a background class). */
export interface IndicatorStats {
  /** Mean on the answer scale, or the NPS value (−100…100). */
  mean: Cell;
  /** Top-box share 0–1 (scale indicators). */
  topBox?: Cell;
  /** Weighted share 0–1 of each scale point, from scale.min up (scale indicators). */
  distribution?: Cell[];
  /** Can't-say share 0–1 among everyone who answered the question (items). */
  cantSay?: Cell;
  /** NPS parts 0–1. */
  promoters?: Cell;
  passives?: Cell;
  detractors?: Cell;
  /** Against the same indicator and domain in the previous edition. */
  previous?: ComparisonModel;
  /** Against the research bank (total and groups only). */
  benchmark?: { mean: number; se?: number; comparison?: ComparisonModel };
}

/** A domain of estimation: the total, a stakeholder group, or a background class. */
export interface Domain {
  /** 'total', 'group:<code>' or '<background id>:<code>'. */
  key: string;
  /** 'total', 'group' or a background variable id. */
  breakdown: string;
  code?: string;
  label: Label;
}

export interface IndicatorModel {
  id: string;
  kind: IndicatorKind;
  label: Label;
  /** Component indicator ids (items of a dimension, dimensions or items of an index) in this edition. */
  components: string[];
  /** Figures per domain key. A domain with fewer than 5 answers is absent. */
  stats: Record<string, IndicatorStats>;
  /** True when the indicator does not exist in this edition (not asked): it then has no figures. */
  notAsked?: true;
  /** The note of a break in this edition (the wording or definition changed): nothing is compared with earlier editions. */
  break?: Label;
  /**
   * Why the indicator is not compared with the previous edition although both
   * exist: it was not asked there, it breaks here, or its components differ
   * (and it is not declared comparable). Absent when it is compared, or there
   * is no previous edition.
   */
  notComparable?: 'notAsked' | 'break' | 'redefined';
}

export type { Quadrant, ShareInterval };

export interface DriverModel {
  domain: string;
  n: number;
  r2: number;
  predictors: {
    id: string;
    label: Label;
    /** LMG share of R² (0–1). */
    importance: number;
    /** LMG part of R². */
    lmg: number;
    /** The predictor's mean in the domain. */
    performance: number;
    /** The quadrant of the point estimates. */
    quadrant: Quadrant;
    /** Replicate standard error of the importance share (see src/estimate/replicate-scheme.ts). */
    importanceSe: number;
    /** 95 % percentile interval of the importance share over the replicates. */
    importanceCi: [number, number];
    /** Share of the replicates in each quadrant. */
    quadrantShares: Record<Quadrant, number>;
    /** At least 80 % of the replicates put the predictor in `quadrant`: only then is the quadrant named; otherwise it is uncertain. */
    quadrantStable: boolean;
  }[];
  /** Number of bootstrap replicates behind the standard errors, intervals and quadrant shares. */
  replicates: number;
  /** Quadrant splits: mean importance and mean performance. */
  importanceSplit: number;
  performanceSplit: number;
  /** Predictors left out of this domain's analysis (absent when none). */
  excluded?: DriverExclusion[];
}

/** A predictor left out of a driver analysis: constant, or an exact linear combination of `with` (predictor ids). */
export interface DriverExclusion {
  id: string;
  label: Label;
  reason: 'constant' | 'collinear';
  with?: string[];
}

/**
 * Why a domain (the total or a group) has no driver analysis:
 * - 'base': fewer complete cases (respondents who answered the outcome and
 *   every predictor) than the minimum base;
 * - 'weight': their Kish effective n is below the minimum base;
 * - 'withheld': a predictor's performance is withheld in the domain;
 * - 'outcome': the outcome does not vary among the complete cases;
 * - 'predictors': no predictor varies independently of the others.
 */
/** Why a domain has no driver analysis; 'complementary': withheld so that a group under 5 cannot be worked out from the total and the other groups. */
export type DriverGapReason = 'base' | 'weight' | 'withheld' | 'outcome' | 'predictors' | 'complementary';

export interface DriverGap {
  domain: string;
  reason: DriverGapReason;
}

export interface GroupSummary {
  code: string;
  label: Label;
  /** Respondents, or undefined when below 5 or `complementary` (not published). */
  n?: number;
  /** The group's size and weights are withheld so that a group under 5 cannot be worked out from the total and the other groups. */
  complementary?: true;
  /** Below the minimum base: the group's figures are suppressed. */
  belowBase: boolean;
  sumWeights?: number;
  /** Kish's effective n (Σw)²/Σw² of the group's respondents. */
  effectiveN?: number;
  /** Kish's design effect of the weights, n / effective n. */
  designEffect?: number;
  /** The design-based design effect of the mean of EditionModel.respondents.designEffectIndicator (weighted studies). */
  designBasedDesignEffect?: number;
  /** 95 % margin of error of a 50 % share (0–1): at n / designBasedDesignEffect respondents when there is one, else at Kish's effective n. */
  marginOfError?: number;
}

export type { Editorial, EditorialMeta } from '../editorial/types.ts';

export interface VersionEntry {
  version: string;
  published: string;
  /** What the version corrected, per language (publish/record.ts noteByLanguage). */
  note?: Partial<Record<Lang, string>>;
  /** Site paths of this version's archived PDFs, per language. */
  pdf: Partial<Record<Lang, string>>;
}

export interface EditionModel {
  year: number;
  /** The previous edition's year, if any. */
  previousYear?: number;
  /** Status of the edition: a draft until `luotain publish` records it. */
  status: 'draft' | 'published';
  version: string;
  /** Publication date of the current version (YYYY-MM-DD), for a published edition. */
  published?: string;
  /** Why the current version replaced the previous one, per language (publish/record.ts noteByLanguage). */
  note?: Partial<Record<Lang, string>>;
  /** Earlier published versions, oldest first. */
  history: VersionEntry[];
  /**
   * The 95 % interval of the edition's shares (top box, distribution, can't
   * say, NPS parts): 'logit' (within 0–1, R's svyciprop), or 'wald' (± 1.96
   * SE) in an edition published with it before. Means always have ± 1.96 SE.
   */
  shareInterval: ShareInterval;
  editorial: Partial<Record<Lang, Editorial>>;
  respondents: {
    n: number;
    sumWeights: number;
    effectiveN: number;
    designEffect: number;
    designBasedDesignEffect?: number;
    marginOfError: number;
    /** The indicator whose mean's design-based design effect the respondents table gives (weighted studies). */
    designEffectIndicator?: string;
    groups: GroupSummary[];
  };
  domains: Domain[];
  indicators: IndicatorModel[];
  drivers: DriverModel[];
  /** Short hash of the edition's inputs (responses, study definition, benchmarks). */
  inputHash: string;
  /** Redacted open answers to the NPS question, per group at or above the base (group '' = a study without groups); only when the study publishes quotes. */
  quotes: { group: string; texts: string[] }[];
  /** The total and groups without a driver analysis, and why (absent in a study without drivers). */
  driverGaps?: DriverGap[];
  /**
   * Per domain key, the items with no valid answer in this edition while the
   * domain has answers to others (absent when there are none): dimensions and
   * indices built on them are compared with another edition only when the same
   * items are missing there.
   */
  itemsWithoutAnswers?: Record<string, string[]>;
  /** Notes on suppression applied in this edition, per domain key. */
  suppressionNotes: { domain: string; indicator: string; reason: SuppressionReason }[];
}

export interface TrendPoint {
  year: number;
  /** Undefined in an edition where the indicator was not asked (a gap: the line stops). */
  cell?: Cell;
  /** The indicator was not asked in this edition. */
  notAsked?: true;
  /** A break in this edition: the line does not join the earlier points. */
  break?: Label;
  /** Against the previous point's edition. */
  change?: ComparisonModel;
}

export interface TrendSeries {
  indicator: string;
  domain: string;
  points: TrendPoint[];
}

export interface StudyMeta {
  id: string;
  title: Label;
  organisation: Label;
  languages: Lang[];
  /** The path the site is served under as study.json gives it (normalised: "/reports/kaukovesi/"); `--base` overrides it. */
  base?: string;
  scale: { min: number; max: number; cantSay: number[]; topBox: number };
  bands: { id: string; min?: number; label: Label; colour: string; textColour: string }[];
  groups: { code: string; label: Label }[];
  background: { id: string; label: Label; values: { code: string; label: Label }[] }[];
  minBase: number;
  benchmarkSource?: Label;
  hasNps: boolean;
  /** The study names a design-weight column (columns.weight); without one every respondent counts equally. */
  weighted: boolean;
  /** Open answers published as quotes (nps.quotes.publish), at most perGroup per group; absent when none are. */
  quotes?: { perGroup: number };
  /** Indicator ids shown as headline figures (headline indices, then the NPS). */
  headlines: string[];
  drivers?: { outcome: string; predictors: string[] };
  /** The dimension ids of the summary's chart of areas, when study.json chooses them (else every dimension). */
  summaryAreas?: string[];
  /** Changes from the previous edition are significant by their Benjamini–Hochberg adjusted p; absent when each is tested on its own. */
  multipleComparisons?: 'benjamini-hochberg';
  /** The address the site is published at (study.json siteUrl), ending in "/"; absent when not given. */
  siteUrl?: string;
}

export interface ReportModel {
  study: StudyMeta;
  /** Editions in ascending year order. */
  editions: EditionModel[];
  /** The latest published edition (drafts are never the latest). */
  latestYear?: number;
  trends: TrendSeries[];
  toolVersion: string;
  /** The build date (YYYY-MM-DD): shown on drafts only, so published pages stay byte-identical. */
  builtOn: string;
}
