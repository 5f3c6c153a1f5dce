import type { PageContext } from './page-context.ts';

/** The strengths and development areas of a domain's driver analysis, most important first. */
export function strengthsAndAreas(ctx: PageContext, domain: string): { strengths: string[]; develop: string[] } | undefined {
  const drivers = ctx.edition.drivers.find((d) => d.domain === domain);
  if (!drivers) return undefined;
  const byImportance = [...drivers.predictors].sort((a, b) => b.importance - a.importance);
  return {
    strengths: byImportance.filter((p) => p.quadrant === 'strength').map((p) => p.label[ctx.lang]),
    develop: byImportance.filter((p) => p.quadrant === 'develop').map((p) => p.label[ctx.lang]),
  };
}
