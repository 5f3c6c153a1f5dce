import { describe, expect, it } from 'vitest';
import { chapters, href, routeHref, routes, staticPaths } from '../../src/site/routes.ts';
import { siteReport, withStudy } from './fixture.ts';

describe('routes', () => {
  const model = siteReport();

  it('lists every page once: per language and edition, the summary, areas, groups, sections the study has, then the print report', () => {
    const all = routes(model);
    const fi2024 = all.filter((r) => r.lang === 'fi' && r.year === 2024).map((r) => r.slug);
    expect(fi2024).toEqual(['', 'areas/d3', 'areas/d2', 'groups/A', 'groups/B', 'groups/C', 'groups/D', 'drivers', 'trends', 'method', 'tables', 'print']);
    expect(all).toHaveLength(2 * 2 * fi2024.length);
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

  it('has no group chapter without groups, no drivers without a driver analysis, and a benchmark page only with a benchmark', () => {
    const plain = withStudy(model, ({ drivers: _drivers, ...study }) => ({ ...study, groups: [] }));
    const slugs = routes(plain)
      .filter((r) => r.lang === 'fi' && r.year === 2025)
      .map((r) => r.slug);
    expect(slugs).toEqual(['', 'areas/d3', 'areas/d2', 'trends', 'method', 'tables', 'print']);
    const benchmarked = siteReport({ benchmark: { source: { fi: 'Pankki', en: 'Bank' } } });
    expect(chapters(benchmarked, benchmarked.editions[0]!, 'en').map((c) => c.id)).toEqual(['summary', 'areas', 'groups', 'drivers', 'trends', 'benchmark', 'method', 'tables']);
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
        .slice(0, 4)
        .map((p) => p.params.section),
    ).toEqual(['drivers', 'trends', 'method', 'tables']);
    expect(staticPaths(model, 'print').map((p) => `${p.params.lang}/${p.params.year}`)).toEqual(['fi/2024', 'fi/2025', 'en/2024', 'en/2025']);
  });

  it('makes site paths with a trailing slash', () => {
    expect(href('fi', 2025)).toBe('/fi/2025/');
    expect(href('en', 2024, 'areas/d3')).toBe('/en/2024/areas/d3/');
  });
});
