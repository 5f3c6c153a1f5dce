import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';

/** The strengths and development areas of a domain's driver analysis, most important first. */
export function strengthsAndAreas(_model: ReportModel, edition: EditionModel, domain: string, lang: Lang): { strengths: string[]; develop: string[] } | undefined {
  const drivers = edition.drivers.find((d) => d.domain === domain);
  if (!drivers) return undefined;
  const byImportance = [...drivers.predictors].sort((a, b) => b.importance - a.importance);
  return {
    strengths: byImportance.filter((p) => p.quadrant === 'strength').map((p) => p.label[lang]),
    develop: byImportance.filter((p) => p.quadrant === 'develop').map((p) => p.label[lang]),
  };
}
