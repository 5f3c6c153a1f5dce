import type { BenchmarkRow, EditionData, InputIssue } from '../load/types.ts';
import type { Lang, Study } from '../study/schema.ts';
import { assembleEditionWithWarnings, type EditionInput } from './assemble-edition.ts';
import { defaultBandColour } from './band-palette.ts';
import { textColourFor } from './contrast.ts';
import type { EditionModel, Editorial, ReportModel, StudyMeta, TrendPoint, TrendSeries } from './types.ts';

export interface ReportInput {
  study: Study;
  /** Each edition's data; only years with editorial content become editions. */
  editions: readonly EditionData[];
  benchmarks: readonly BenchmarkRow[];
  editorials: ReadonlyMap<number, Partial<Record<Lang, Editorial>>>;
  inputHashes: ReadonlyMap<number, string>;
  publications?: ReadonlyMap<number, NonNullable<EditionInput['publication']>>;
  toolVersion: string;
  builtOn: string;
}

export function studyMeta(study: Study): StudyMeta {
  return {
    id: study.id,
    title: study.title,
    organisation: study.organisation,
    languages: [...study.languages],
    ...(study.base !== undefined ? { base: study.base } : {}),
    scale: { min: study.scale.min, max: study.scale.max, cantSay: [...study.scale.cantSay], topBox: study.scale.topBox },
    bands: study.bands.map((b, i) => {
      const colour = b.colour ?? defaultBandColour(i, study.bands.length);
      return { id: b.id, ...(b.min !== undefined ? { min: b.min } : {}), label: b.label, colour, textColour: b.textColour ?? textColourFor(colour) };
    }),
    groups: study.groups.map((g) => ({ code: g.code, label: g.label })),
    background: study.background.map((b) => ({ id: b.id, label: b.label, values: b.values })),
    minBase: study.minBase,
    ...(study.benchmark ? { benchmarkSource: study.benchmark.source } : {}),
    hasNps: study.nps !== undefined,
    weighted: study.columns.weight !== undefined,
    ...(study.nps?.quotes?.publish ? { quotes: { perGroup: study.nps.quotes.perGroup } } : {}),
    headlines: [...study.indices.filter((x) => x.headline).map((x) => x.id), ...(study.nps ? ['nps'] : [])],
    ...(study.drivers ? { drivers: { outcome: study.drivers.outcome, predictors: [...study.drivers.predictors] } } : {}),
    ...(study.summary?.areas ? { summaryAreas: [...study.summary.areas] } : {}),
    ...(study.multipleComparisons !== 'none' ? { multipleComparisons: study.multipleComparisons } : {}),
    ...(study.siteUrl ? { siteUrl: study.siteUrl.endsWith('/') ? study.siteUrl : `${study.siteUrl}/` } : {}),
  };
}

/**
 * The whole report: every edition in year order (each compared with the one before),
 * the trends across them, and which edition is the latest published one.
 */
export function assembleReport(input: ReportInput): ReportModel {
  return assembleReportWithWarnings(input).model;
}

/** assembleReport, with every edition's warnings about its figures (see assembleEditionWithWarnings), in year order. */
export function assembleReportWithWarnings(input: ReportInput): { model: ReportModel; warnings: InputIssue[] } {
  const editions: EditionModel[] = [];
  const warnings: InputIssue[] = [];
  const sorted = [...input.editions].filter((e) => input.editorials.has(e.year)).sort((a, b) => a.year - b.year);
  for (const data of sorted) {
    const assembled = assembleEditionWithWarnings({
      study: input.study,
      data,
      ...(editions.length > 0 ? { previous: editions[editions.length - 1] } : {}),
      benchmarks: input.benchmarks,
      editorial: input.editorials.get(data.year) ?? {},
      inputHash: input.inputHashes.get(data.year) ?? '',
      ...(input.publications?.has(data.year) ? { publication: input.publications.get(data.year)! } : {}),
    });
    editions.push(assembled.edition);
    warnings.push(...assembled.warnings);
  }
  const published = editions.filter((e) => e.status === 'published');
  const latest = published[published.length - 1];
  const model: ReportModel = {
    study: studyMeta(input.study),
    editions,
    ...(latest ? { latestYear: latest.year } : {}),
    trends: trendsOf(editions),
    toolVersion: input.toolVersion,
    builtOn: input.builtOn,
  };
  return { model, warnings };
}

/**
 * Each indicator's series across editions, in total and by group. An edition
 * where the indicator was not asked is a point without a figure (a gap); a point
 * of an edition where it breaks carries the note (the line is not joined to the
 * earlier points).
 */
export function trendsOf(editions: readonly EditionModel[]): TrendSeries[] {
  const out: TrendSeries[] = [];
  const last = editions[editions.length - 1];
  if (!last) return out;
  const domainKeys = last.domains.filter((d) => d.breakdown === 'total' || d.breakdown === 'group').map((d) => d.key);
  for (const indicator of last.indicators) {
    for (const domain of domainKeys) {
      const points = editions.flatMap((e): TrendPoint[] => {
        const x = e.indicators.find((i) => i.id === indicator.id);
        if (x?.notAsked) return [{ year: e.year, notAsked: true as const }];
        const stats = x?.stats[domain];
        if (!stats) return [];
        return [{ year: e.year, cell: stats.mean, ...(stats.previous ? { change: stats.previous } : {}), ...(x.break ? { break: x.break } : {}) }];
      });
      if (points.some((p) => p.cell)) out.push({ indicator: indicator.id, domain, points });
    }
  }
  return out;
}
