import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { chapterLinks, editionHome, editionLinks, languageLinks, latestLink, printContents, subNavigation } from '../../src/site/navigation.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { shapeReport, siteReport, withStudy } from './fixture.ts';

const ctxOf = (model: ReportModel, lang: string, year: number, slug = '', base?: string) => pageContext(model, routes(model).find((r) => r.lang === lang && r.year === year && r.slug === slug)!, base);

describe('navigation', () => {
  const model = siteReport();

  it('links each chapter to its first page, current on any of its pages', () => {
    const links = chapterLinks(ctxOf(model, 'en', 2025, 'areas/d2'));
    expect(links.map((l) => [l.label, l.href, l.current])).toEqual([
      ['Summary', '/en/2025/', false],
      ['Areas', '/en/2025/areas/d3/', true],
      ['Stakeholder groups', '/en/2025/groups/A/', false],
      ['Key drivers', '/en/2025/drivers/', false],
      ['Trends', '/en/2025/trends/', false],
      ['Method and sample', '/en/2025/method/', false],
      ['Tables', '/en/2025/tables/', false],
    ]);
  });

  it('lists the pages of the current chapter when it has more than one', () => {
    expect(subNavigation(ctxOf(model, 'fi', 2025, 'groups/B'))).toEqual({
      label: 'Sidosryhmät',
      links: ['A', 'B', 'C', 'D'].map((g) => ({ label: `Group ${g}`, href: `/fi/2025/groups/${g}/`, current: g === 'B' })),
    });
    expect(subNavigation(ctxOf(model, 'fi', 2025, 'trends'))).toBeUndefined();
    expect(subNavigation(ctxOf(model, 'fi', 2025))).toBeUndefined();
  });

  it('switches editions on the same page, latest first, falling back to the summary where the page is missing', () => {
    const without = { ...model, editions: [{ ...model.editions[0]!, indicators: model.editions[0]!.indicators.filter((i) => i.id !== 'd2') }, model.editions[1]!] };
    expect(editionLinks(ctxOf(without, 'en', 2025, 'areas/d2'))).toEqual([
      { year: 2025, label: '2025 (DRAFT)', href: '/en/2025/areas/d2/', current: true },
      { year: 2024, label: '2024 (DRAFT)', href: '/en/2024/', current: false },
    ]);
    expect(editionLinks(ctxOf(without, 'en', 2025, 'areas/d3')).map((e) => e.href)).toEqual(['/en/2025/areas/d3/', '/en/2024/areas/d3/']);
    // The first edition has no trends page: its link goes to its summary.
    expect(editionLinks(ctxOf(model, 'en', 2025, 'trends')).map((e) => e.href)).toEqual(['/en/2025/trends/', '/en/2024/']);
  });

  it('has no trends, group or benchmark links in an edition without them', () => {
    const one = shapeReport({ groups: false, years: [2025], study: { benchmark: { source: { fi: 'Pankki', en: 'Bank' } } } });
    expect(chapterLinks(ctxOf(one, 'en', 2025)).map((l) => l.label)).toEqual(['Summary', 'Areas', 'Key drivers', 'Method and sample', 'Tables']);
    expect(chapterLinks(ctxOf(model, 'en', 2024)).map((l) => l.label)).toEqual(['Summary', 'Areas', 'Stakeholder groups', 'Key drivers', 'Method and sample', 'Tables']);
  });

  it('links the same page in the other languages, named in their own language', () => {
    expect(languageLinks(ctxOf(model, 'fi', 2024, 'method'))).toEqual([{ lang: 'en', name: 'English', href: '/en/2024/method/' }]);
  });

  it('points an older edition to the same page in the latest', () => {
    const published: ReportModel = { ...model, latestYear: 2025 };
    expect(latestLink(ctxOf(published, 'en', 2024, 'tables'))).toEqual({
      text: 'This is an earlier edition (2024).',
      linkText: 'See the same page in the latest edition (2025)',
      href: '/en/2025/tables/',
    });
    expect(latestLink(ctxOf(published, 'en', 2025, 'tables'))).toBeUndefined();
    expect(latestLink(ctxOf(model, 'en', 2024, 'tables'))).toBeUndefined();
  });

  it("links the edition's summary and print report", () => {
    expect(editionHome(ctxOf(model, 'fi', 2024, 'groups/C'))).toEqual({ summary: '/fi/2024/', print: '/fi/2024/print/' });
  });
});

describe('navigation under a base path', () => {
  const model = siteReport();
  const BASE = '/reports/kaukovesi/';

  it('puts every link of the chapters, the switchers, the latest edition and the home under the base', () => {
    const ctx = ctxOf(model, 'en', 2024, 'areas/d2', BASE);
    expect(chapterLinks(ctx).map((l) => l.href)).toEqual(chapterLinks(ctxOf(model, 'en', 2024, 'areas/d2')).map((l) => `/reports/kaukovesi${l.href}`));
    expect(subNavigation(ctx)!.links.map((l) => l.href)).toEqual(['/reports/kaukovesi/en/2024/areas/d3/', '/reports/kaukovesi/en/2024/areas/d2/']);
    expect(editionLinks(ctx).map((l) => l.href)).toEqual(['/reports/kaukovesi/en/2025/areas/d2/', '/reports/kaukovesi/en/2024/areas/d2/']);
    expect(languageLinks(ctx).map((l) => l.href)).toEqual(['/reports/kaukovesi/fi/2024/areas/d2/']);
    expect(latestLink(ctxOf({ ...model, latestYear: 2025 }, 'en', 2024, 'areas/d2', BASE))!.href).toBe('/reports/kaukovesi/en/2025/areas/d2/');
    expect(editionHome(ctx)).toEqual({ summary: '/reports/kaukovesi/en/2024/', print: '/reports/kaukovesi/en/2024/print/' });
    expect(ctx.url('/downloads/x.csv')).toBe('/reports/kaukovesi/downloads/x.csv');
  });

  it("puts the commentary's links from the site's root under the base, in the page's language only", () => {
    const withLink = structuredClone(model);
    const edition = withLink.editions.find((e) => e.year === 2025)!;
    for (const lang of ['en', 'fi'] as const) edition.editorial[lang]!.summaryHtml = '<p><a href="/en/2024/">2024</a> <a href="https://example.fi/">x</a></p>';
    const ctx = ctxOf(withLink, 'en', 2025, '', BASE);
    expect(ctx.edition.editorial.en!.summaryHtml).toBe('<p><a href="/reports/kaukovesi/en/2024/">2024</a> <a href="https://example.fi/">x</a></p>');
    expect(ctxOf(withLink, 'en', 2025).edition.editorial.en!.summaryHtml).toBe('<p><a href="/en/2024/">2024</a> <a href="https://example.fi/">x</a></p>');
    // The model itself is not changed.
    expect(edition.editorial.en!.summaryHtml).toBe('<p><a href="/en/2024/">2024</a> <a href="https://example.fi/">x</a></p>');
  });
});

describe('printContents', () => {
  it("is the print report's chapters in order, areas and groups with their pages", () => {
    const model = shapeReport({ study: { benchmark: { source: { fi: 'Pankki', en: 'Bank' } } }, benchmarks: [{ year: 2025, indicator: 'd3', mean: 3 }] });
    expect(printContents(ctxOf(model, 'en', 2025, 'print'))).toEqual([
      { id: 'print-summary-title', label: 'Summary' },
      {
        id: 'areas-h',
        label: 'Areas',
        children: [
          { id: 'area-d3-h', label: 'Three items' },
          { id: 'area-d2-h', label: 'Two items' },
        ],
      },
      { id: 'groups-h', label: 'Stakeholder groups', children: ['A', 'B', 'C', 'D'].map((g, i) => ({ id: `group-${i}-h`, label: `Group ${g}` })) },
      { id: 'drivers-h', label: 'Key drivers' },
      { id: 'trends-h', label: 'Trends' },
      { id: 'benchmark-h', label: 'Research bank comparison' },
      { id: 'method-h', label: 'Method and sample' },
      { id: 'tables-h', label: 'Tables' },
    ]);
  });

  it('leaves out what the study does not have', () => {
    const plain = withStudy(siteReport(), ({ drivers: _drivers, ...study }) => ({ ...study, groups: [] }));
    expect(printContents(ctxOf(plain, 'fi', 2025, 'print')).map((c) => c.id)).toEqual(['print-summary-title', 'areas-h', 'trends-h', 'method-h', 'tables-h']);
    // One edition of one sample, with a benchmark source but no benchmark figures: no trends, groups or benchmark.
    const one = shapeReport({ groups: false, drivers: false, years: [2025], study: { benchmark: { source: { fi: 'Pankki', en: 'Bank' } } } });
    expect(printContents(ctxOf(one, 'en', 2025, 'print'))).toEqual([
      { id: 'print-summary-title', label: 'Summary' },
      {
        id: 'areas-h',
        label: 'Areas',
        children: [
          { id: 'area-d3-h', label: 'Three items' },
          { id: 'area-d2-h', label: 'Two items' },
        ],
      },
      { id: 'method-h', label: 'Method and sample' },
      { id: 'tables-h', label: 'Tables' },
    ]);
  });
});
