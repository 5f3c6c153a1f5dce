import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { chapters, commentaryWithoutPage, href, routeHref, routes, staticPaths } from '../../src/site/routes.ts';
import { shapeReport, siteReport, withStudy } from './fixture.ts';

describe('routes', () => {
  const model = siteReport();

  it('lists every page once: per language and edition, the summary, areas, groups, sections the edition has, then the print report', () => {
    const all = routes(model);
    const slugs = (year: number) => all.filter((r) => r.lang === 'fi' && r.year === year).map((r) => r.slug);
    // The first edition has no trend yet: one year is a dot, not a trend.
    expect(slugs(2024)).toEqual(['', 'areas/d3', 'areas/d2', 'groups/A', 'groups/B', 'groups/C', 'groups/D', 'drivers', 'method', 'tables', 'print']);
    expect(slugs(2025)).toEqual(['', 'areas/d3', 'areas/d2', 'groups/A', 'groups/B', 'groups/C', 'groups/D', 'drivers', 'trends', 'method', 'tables', 'print']);
    expect(all).toHaveLength(2 * (slugs(2024).length + slugs(2025).length));
    expect(new Set(all.map(routeHref)).size).toBe(all.length);
    expect(all.map((r) => `${r.lang}/${r.year}`).filter((x, i, xs) => xs.indexOf(x) === i)).toEqual(['fi/2024', 'fi/2025', 'en/2024', 'en/2025']);
  });

  it('gives each page its kind, id, title and print anchor', () => {
    const en = routes(model).filter((r) => r.lang === 'en' && r.year === 2025);
    expect(en.find((r) => r.slug === '')).toEqual({ lang: 'en', year: 2025, kind: 'summary', chapter: 'summary', id: '', slug: '', title: 'Summary', anchor: 'print-summary-title' });
    expect(en.find((r) => r.slug === 'areas/d2')).toMatchObject({ kind: 'area', chapter: 'areas', id: 'd2', title: 'Two items', anchor: 'area-d2-h' });
    expect(en.find((r) => r.slug === 'groups/C')).toMatchObject({ kind: 'group', chapter: 'groups', id: 'C', title: 'Group C', anchor: 'group-2-h' });
    expect(en.find((r) => r.slug === 'drivers')).toMatchObject({ kind: 'section', chapter: 'drivers', id: 'drivers', title: 'Key drivers', anchor: 'drivers-h' });
    expect(en.find((r) => r.slug === 'print')).toMatchObject({ kind: 'print', title: 'Printable report' });
  });

  it('has no group chapter without groups and no drivers without a driver analysis', () => {
    const plain = shapeReport({ groups: false, drivers: false });
    const slugs = routes(plain)
      .filter((r) => r.lang === 'fi' && r.year === 2025)
      .map((r) => r.slug);
    expect(slugs).toEqual(['', 'areas/d3', 'areas/d2', 'trends', 'method', 'tables', 'print']);
    expect(routes(plain).filter((r) => r.kind === 'group' || r.chapter === 'groups' || r.chapter === 'drivers')).toEqual([]);
  });

  it('has no trends with one edition, and trends from the second edition on', () => {
    const one = shapeReport({ years: [2025] });
    expect(routes(one).filter((r) => r.chapter === 'trends')).toEqual([]);
    expect(chapters(one, one.editions[0]!, 'en').map((c) => c.id)).toEqual(['summary', 'areas', 'groups', 'drivers', 'method', 'tables']);
    const four = shapeReport({ years: [2022, 2023, 2024, 2025] });
    expect(
      routes(four)
        .filter((r) => r.chapter === 'trends' && r.lang === 'en')
        .map((r) => r.year),
    ).toEqual([2023, 2024, 2025]);
  });

  it('has a trends page only while some headline figure or area has figures from an earlier edition', () => {
    // Every indicator of the first edition is gone from the second: nothing has two years.
    const renamed = shapeReport({ years: [2024] });
    const later = shapeReport({
      years: [2025],
      study: {
        dimensions: [{ id: 'e3', label: { fi: 'E', en: 'E' }, items: ['q1', 'q2', 'q3'] }],
        indices: [{ id: 'idx2', label: { fi: 'I', en: 'I' }, dimensions: ['e3'] }],
        nps: undefined,
        drivers: undefined,
      },
    });
    const model2 = { ...later, editions: [renamed.editions[0]!, { ...later.editions[0]!, previousYear: 2024 }], trends: [...renamed.trends, ...later.trends] };
    expect(chapters(model2, model2.editions[1]!, 'en').map((c) => c.id)).not.toContain('trends');
  });

  it('has a benchmark page only in an edition with benchmark figures', () => {
    const source = { benchmark: { source: { fi: 'Pankki', en: 'Bank' } } };
    // A source but no rows: nothing to compare.
    const noRows = shapeReport({ study: source });
    expect(routes(noRows).filter((r) => r.chapter === 'benchmark')).toEqual([]);
    // Rows for 2025 only: the 2025 edition has the page, 2024 does not.
    const rows2025 = shapeReport({ study: source, benchmarks: [{ year: 2025, indicator: 'idx', mean: 3.1, sd: 0.5, n: 400 }] });
    expect(
      routes(rows2025)
        .filter((r) => r.chapter === 'benchmark')
        .map((r) => `${r.lang}/${r.year}`),
    ).toEqual(['fi/2025', 'en/2025']);
    expect(chapters(rows2025, rows2025.editions[1]!, 'en').map((c) => c.id)).toEqual(['summary', 'areas', 'groups', 'drivers', 'trends', 'benchmark', 'method', 'tables']);
  });

  it('finds the commentary no page would show, with the reason', () => {
    const written = (m: ReportModel): ReportModel => ({
      ...m,
      editions: m.editions.map((e) => ({
        ...e,
        editorial: { ...e.editorial, en: { ...e.editorial.en!, sections: { trends: '<p>T</p>', benchmark: '<p>B</p>', drivers: '<p>D</p>', method: '<p>M</p>' } } },
      })),
    });
    expect(commentaryWithoutPage(written(shapeReport({ drivers: false })))).toEqual([
      { year: 2024, lang: 'en', section: 'drivers', reason: 'no-drivers' },
      { year: 2024, lang: 'en', section: 'trends', reason: 'first-edition' },
      { year: 2024, lang: 'en', section: 'benchmark', reason: 'no-benchmark' },
      { year: 2025, lang: 'en', section: 'drivers', reason: 'no-drivers' },
      { year: 2025, lang: 'en', section: 'benchmark', reason: 'no-benchmark' },
    ]);
    expect(commentaryWithoutPage(model)).toEqual([]);
  });

  it('names a group page by position when its code is not URL-safe', () => {
    const odd = withStudy(model, (study) => ({
      ...study,
      groups: [
        { code: 'A', label: { fi: 'A', sv: 'A', en: 'A' } },
        { code: 'B ', label: { fi: 'B', sv: 'B', en: 'B' } },
      ],
    }));
    expect(
      routes(odd)
        .filter((r) => r.kind === 'group' && r.lang === 'fi' && r.year === 2025)
        .map((r) => [r.id, r.slug]),
    ).toEqual([
      ['A', 'groups/A'],
      ['B ', 'groups/group-2'],
    ]);
  });

  it('gives the static paths of each page file, with the route as props', () => {
    expect(staticPaths(model, 'summary')[0]).toEqual({ params: { lang: 'fi', year: '2024' }, props: { route: routes(model)[0] } });
    expect(staticPaths(model, 'area').map((p) => p.params.id)).toEqual(['d3', 'd2', 'd3', 'd2', 'd3', 'd2', 'd3', 'd2']);
    expect(staticPaths(model, 'group')[1]!.params).toEqual({ lang: 'fi', year: '2024', id: 'B' });
    expect(
      staticPaths(model, 'section')
        .slice(0, 7)
        .map((p) => p.params.section),
    ).toEqual(['drivers', 'method', 'tables', 'drivers', 'trends', 'method', 'tables']);
    expect(staticPaths(model, 'print').map((p) => `${p.params.lang}/${p.params.year}`)).toEqual(['fi/2024', 'fi/2025', 'en/2024', 'en/2025']);
  });

  it('makes site paths with a trailing slash', () => {
    expect(href('fi', 2025)).toBe('/fi/2025/');
    expect(href('en', 2024, 'areas/d3')).toBe('/en/2024/areas/d3/');
  });
});
