import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { respondentsTable } from '../../src/site/method.ts';
import { areaView, benchmarkView, driversView, groupView, summaryView, tablesView, trendFigures } from '../../src/site/sections.ts';
import { shapeReport, siteReport, withStudy } from './fixture.ts';

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

describe('strengths and development areas', () => {
  it('name only predictors whose quadrant is stable over the replicates; the others are called uncertain, in the summary, the chart and its table', () => {
    const unstable = structuredClone(model);
    const drivers = unstable.editions.find((e) => e.year === 2025)!.drivers.find((d) => d.domain === 'total')!;
    const named = drivers.predictors.filter((p) => p.quadrant === 'strength' || p.quadrant === 'develop');
    expect(named.length).toBeGreaterThan(0);
    for (const p of drivers.predictors) p.quadrantStable = true;
    const before = summaryView(ctxOf(unstable, 2025), 'summary').quadrants!;
    expect([...before.strengths, ...before.develop].sort()).toEqual(named.map((p) => p.label.en).sort());
    expect(before.uncertain).toBeUndefined();

    const doubtful = named[0]!;
    doubtful.quadrantStable = false;
    doubtful.quadrantShares = { strength: 0, develop: 0, maintain: 0, lower: 0, [doubtful.quadrant]: 0.62 };
    const after = summaryView(ctxOf(unstable, 2025), 'summary').quadrants!;
    expect([...after.strengths, ...after.develop]).not.toContain(doubtful.label.en);
    expect(after.uncertain).toBe(`Uncertain, so listed under neither: ${doubtful.label.en}.`);
    const chart = driversView(ctxOf(unstable, 2025, 'drivers')).charts[0]!.figure;
    const row = chart.table.rows.find((r) => r[0]!.text === doubtful.label.en)!;
    const quadrantName = doubtful.quadrant === 'strength' ? 'strengths' : 'development areas';
    expect(row.at(-1)!.text).toBe(`Uncertain (${quadrantName} in 62% of replicates)`);
    expect(chart.svg).toContain(`Uncertain: ${doubtful.label.en}.`);
    expect(chart.notes?.[0]).toBe(
      'The lines are the 95% intervals of the importances, from 500 bootstrap replicates. A quadrant is named only when at least 80% of the replicates put the factor there; a hollow point is uncertain.',
    );
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

/** The page of a route in English. */
const pageOf = (m: ReportModel, year: number, slug = '') => ctxOf(m, year, slug);
const heads = (views: { table: { head: string[] } }[]) => views.map((v) => v.table.head);
const firstColumn = (table: { rows: { text: string }[][] }) => table.rows.map((r) => r[0]!.text);

describe('a study without groups', () => {
  const plain = shapeReport({ groups: false });

  it('has no group figure on an area page, and its trend is the area alone, not "All respondents" under "Stakeholder groups"', () => {
    const ctx = pageOf(plain, 2025, 'areas/d3');
    const view = areaView(ctx, ctx.route);
    expect(view.groups).toBeUndefined();
    expect(view.trend?.table.head).toEqual(['Indicator', '2024', '2025']);
    expect(firstColumn(view.trend!.table)).toEqual(['Three items']);
    expect(view.trend?.svg).not.toContain('All respondents');
  });

  it('heads the trends, NPS and tables by indicator, never by group', () => {
    const ctx = pageOf(plain, 2025, 'trends');
    for (const f of trendFigures(ctx)) {
      expect(f.table.head[0]).toBe('Indicator');
      expect(firstColumn(f.table)).toEqual([f.caption.replace(/ 2024–2025$/, '')]);
    }
    const nps = summaryView(pageOf(plain, 2025), 'summary').nps!;
    expect(nps.table.head[0]).toBe('Indicator');
    expect(firstColumn(nps.table)).toEqual(['Net Promoter Score (NPS)']);
    expect(nps.svg).not.toContain('All respondents');
    // The background classes are the only breakdown: "respondent group", not "stakeholder groups".
    const tables = tablesView(pageOf(plain, 2025, 'tables'), pageOf(plain, 2025, 'tables').route);
    expect(tables[0]!.head[0]).toBe('Respondent group');
    expect(firstColumn(tables[0]!)).toEqual(['All respondents', 'North', 'South']);
  });

  it('with no breakdown at all, has one table of every indicator', () => {
    const bare = shapeReport({ groups: false, background: false });
    const ctx = pageOf(bare, 2025, 'tables');
    const tables = tablesView(ctx, ctx.route);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.caption).toBe('Tables');
    expect(tables[0]!.head).toEqual(['Indicator', 'Mean', 'Level', '95% confidence interval', 'n', 'Positive (4–5)', 'Change']);
    expect(firstColumn(tables[0]!)).toEqual(['Index', 'Support', 'Three items', 'Two items', 'q1', 'q2', 'q3', 'q4', 'q5', 'y1', 'y2', 'Net Promoter Score (NPS)']);
  });

  it('names no domain in the drivers caption, and quotes the open answers without a group heading', () => {
    const ctx = pageOf(plain, 2025, 'drivers');
    const charts = driversView(ctx).charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]!.figure.caption).toMatch(/^Support: key drivers \(n = 32, R² = \d\.\d\d\)$/);
    expect(driversView(pageOf(model, 2025, 'drivers')).charts[0]!.figure.caption).toMatch(/^Support: key drivers \(All respondents, n = 32, /);
    const quoted = { ...plain, editions: plain.editions.map((e) => ({ ...e, quotes: [{ group: '', texts: ['Good service.'] }] })) };
    expect(summaryView(pageOf(quoted, 2025), 'summary').quotes).toEqual([{ texts: ['Good service.'] }]);
    expect(summaryView(pageOf(quoted, 2025), 'summary').quotesNote).toMatch(/^Answers are chosen at random from all the answers, the same way in every build;/);
    expect(summaryView(pageOf(model, 2025), 'summary').quotesNote).toMatch(/^Answers are chosen at random from the group's answers, the same way in every build;/);
    const grouped = { ...model, editions: model.editions.map((e) => ({ ...e, quotes: [{ group: 'B', texts: ['Fine.'] }] })) };
    expect(summaryView(pageOf(grouped, 2025), 'summary').quotes).toEqual([{ label: 'Group B', texts: ['Fine.'] }]);
  });

  it('heads the respondents table by the sample, not by stakeholder groups', () => {
    expect(respondentsTable(plain, plain.editions[1]!, 'en').head[0]).toBe('Sample');
    expect(respondentsTable(model, model.editions[1]!, 'en').head[0]).toBe('Stakeholder groups');
    expect(firstColumn(respondentsTable(model, model.editions[1]!, 'en'))).toEqual(['Group A', 'Group B', 'Group C', 'Group D', 'All respondents']);
  });
});

describe('a study with one edition', () => {
  const one = shapeReport({ years: [2025] });

  it('has no trend on an area page, no change in words and no change or benchmark columns', () => {
    const ctx = pageOf(one, 2025, 'areas/d3');
    const view = areaView(ctx, ctx.route);
    expect(view.trend).toBeUndefined();
    expect(view.change).toBeUndefined();
    expect(summaryView(pageOf(one, 2025), 'summary').cards.map((c) => c.changeLong)).toEqual([undefined, undefined, undefined]);
    const later = pageOf(model, 2025, 'areas/d3');
    expect(areaView(later, later.route).change).toMatch(/^[+±−-]\d\.\d\d \(/);
    expect(summaryView(pageOf(model, 2025), 'summary').cards[0]!.changeLong).toMatch(/^[+±−-]\d\.\d\d \(/);
    expect(heads([view.items])).toEqual([['Indicator', 'Mean', 'Level', '95% confidence interval', 'n']]);
    expect(view.groups?.table.head).toEqual(['Stakeholder groups', 'Mean', 'Level', '95% confidence interval', 'n', 'Positive (4–5)']);
    expect(summaryView(pageOf(one, 2025), 'summary').nps?.table.head).toEqual(['Stakeholder groups', 'NPS', 'Promoters (9–10)', 'Passives (7–8)', 'Detractors (0–6)', 'n']);
    expect(trendFigures(pageOf(one, 2025))).toEqual([]);
  });

  it('keeps the change column from the second edition on', () => {
    const ctx = pageOf(model, 2025, 'areas/d3');
    expect(areaView(ctx, ctx.route).items.table.head).toEqual(['Indicator', 'Mean', 'Level', '95% confidence interval', 'n', 'Change from 2024']);
  });
});

describe("a study without a can't-say code", () => {
  it("has no can't-say column in the distribution of answers", () => {
    const none = shapeReport({ cantSay: false });
    const ctx = pageOf(none, 2025, 'areas/d3');
    expect(areaView(ctx, ctx.route).distribution.table.head).toEqual(['Indicator', '1', '2', '3', '4', '5']);
    const withCode = pageOf(model, 2025, 'areas/d3');
    expect(areaView(withCode, withCode.route).distribution.table.head).toEqual(['Indicator', '1', '2', '3', '4', '5', "Can't say"]);
  });
});

describe('a study without NPS', () => {
  it('has no NPS card, figure or row', () => {
    const none = shapeReport({ nps: false });
    const view = summaryView(pageOf(none, 2025), 'summary');
    expect(view.cards.map((c) => c.id)).toEqual(['idx', 'sup']);
    expect(view.nps).toBeUndefined();
    expect(trendFigures(pageOf(none, 2025, 'trends')).map((f) => f.caption)).not.toContain('Net Promoter Score (NPS) 2024–2025');
    const group = pageOf(none, 2025, 'groups/B');
    expect(firstColumn(groupView(group, group.route).table)).toEqual(['Index', 'Support', 'Three items', 'Two items']);
  });
});

describe('benchmarks', () => {
  it('add a benchmark column only in an edition with benchmark figures', () => {
    const bench = shapeReport({ study: { benchmark: { source: { fi: 'P', en: 'Bank' } } }, benchmarks: [{ year: 2025, indicator: 'd3', mean: 3 }] });
    const areas = (year: number) => summaryView(pageOf(bench, year), 'summary').areas!.table.head;
    expect(areas(2025)).toEqual(['Indicator', 'Mean', 'Level', '95% confidence interval', 'n', 'Change from 2024', 'Benchmark']);
    expect(areas(2024)).toEqual(['Indicator', 'Mean', 'Level', '95% confidence interval', 'n']);
    const tables = benchmarkView(pageOf(bench, 2025, 'benchmark')).tables;
    expect(tables.map((t) => t.caption)).toEqual(['Research bank comparison: All respondents']);
    const plain = shapeReport({ groups: false, study: { benchmark: { source: { fi: 'P', en: 'Bank' } } }, benchmarks: [{ year: 2025, indicator: 'd3', mean: 3 }] });
    const view = benchmarkView(pageOf(plain, 2025, 'benchmark'));
    expect([view.figure.caption, ...view.tables.map((t) => t.caption)]).toEqual(['Research bank comparison', 'Research bank comparison']);
  });

  it('say how the benchmark is tested: with its standard error where sd and n are known, else as a fixed value', () => {
    const fixed = shapeReport({ benchmarks: [{ year: 2025, indicator: 'd3', mean: 3 }] });
    expect(benchmarkView(pageOf(fixed, 2025, 'benchmark')).note).toContain('the benchmark is taken as a fixed value');
    const known = shapeReport({ benchmarks: [{ year: 2025, indicator: 'd3', mean: 3, sd: 0.9, n: 400 }] });
    expect(benchmarkView(pageOf(known, 2025, 'benchmark')).note).toContain("the benchmark's standard error is its sd over the square root of its n");
  });
});
