import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { areaView, benchmarkView, groupView, summaryView, trendFigures } from '../../src/site/sections.ts';
import { siteReport, withStudy } from './fixture.ts';

const ctxOf = (model: ReportModel, year: number, slug = '') => pageContext(model, routes(model).find((r) => r.lang === 'en' && r.year === year && r.slug === slug)!);
const model = siteReport();

describe('summaryView', () => {
  it('has the headline cards, the areas, the strengths and development areas and the NPS', () => {
    const view = summaryView(ctxOf(model, 2025), 'summary');
    expect(view.cards.map((c) => c.id)).toEqual(['idx', 'sup', 'nps']);
    expect(view.areas?.caption).toBe('Mean of each area with its 95% confidence interval, the previous edition');
    expect(view.areas?.table.rows.map((r) => r[0]!.text)).toEqual(['Three items', 'Two items']);
    expect(view.nps?.table.rows.map((r) => r[0]!.text)).toEqual(['All respondents', 'Group A', 'Group B', 'Group C', 'Group D']);
    expect(view.quotes).toEqual([]);
  });
});

describe('areaView', () => {
  it('shows the statements and the distribution, the groups in a study with groups, and the trend after the first edition', () => {
    const page = (m: ReportModel, year: number) => routes(m).find((r) => r.lang === 'en' && r.year === year && r.slug === 'areas/d3')!;
    const first = areaView(ctxOf(model, 2024, 'areas/d3'), page(model, 2024));
    expect(first.items.caption).toBe('Three items: statements');
    expect(first.distribution.caption).toBe('Three items: distribution of answers');
    expect(first.groups?.table.rows.map((r) => r[0]!.text)).toEqual(['All respondents', 'Group A', 'Group B', 'Group C', 'Group D']);
    expect(first.trend).toBeUndefined();
    expect(areaView(ctxOf(model, 2025, 'areas/d3'), page(model, 2025)).trend?.caption).toBe('Three items 2024–2025');
    const single = withStudy(model, (study) => ({ ...study, groups: [] }));
    expect(areaView(ctxOf(single, 2025, 'areas/d3'), page(single, 2025)).groups).toBeUndefined();
  });
});

describe('groupView', () => {
  it("gives the group's respondents, its profile and its headline table", () => {
    const ctx = ctxOf(model, 2025, 'groups/B');
    const view = groupView(ctx, ctx.route);
    expect(view.respondents).toBe('8');
    expect(view.notes).toEqual([]);
    expect(view.profile.caption).toBe("Group B: the group's profile against all respondents");
    expect(view.table.caption).toBe('Group B: headline figures');
    expect(view.table.rows.map((r) => r[0]!.text)).toEqual(['Index', 'Support', 'Net Promoter Score (NPS)', 'Three items', 'Two items']);
  });
});

describe('benchmarkView and trendFigures', () => {
  it('compare the headline indices and areas with the benchmark, and follow every headline figure and area', () => {
    const ctx = ctxOf(model, 2025, 'trends');
    expect(benchmarkView(ctx)).toMatchObject({ figure: { caption: 'Research bank comparison (all respondents)' }, tables: [] });
    expect(trendFigures(ctx).map((f) => f.caption)).toEqual(['Index 2024–2025', 'Support 2024–2025', 'Net Promoter Score (NPS) 2024–2025', 'Three items 2024–2025', 'Two items 2024–2025']);
  });
});
