import { describe, expect, it } from 'vitest';
import { localeOf, pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { siteReport } from './fixture.ts';

describe('pageContext', () => {
  const model = siteReport();
  const page = (lang: string, year: number, slug = '') => routes(model).find((r) => r.lang === lang && r.year === year && r.slug === slug)!;

  it("holds the page's edition and the one before it", () => {
    const ctx = pageContext(model, page('fi', 2025));
    expect(ctx.edition.year).toBe(2025);
    expect(ctx.previous?.year).toBe(2024);
    expect(pageContext(model, page('fi', 2024)).previous).toBeUndefined();
  });

  it('translates and formats in the page language', () => {
    const fi = pageContext(model, page('fi', 2025, 'trends'));
    const en = pageContext(model, page('en', 2025, 'trends'));
    expect([fi.t('ui.total'), en.t('ui.total')]).toEqual(['Kaikki', 'All respondents']);
    expect(en.t('ui.changeFrom', { year: 2024 })).toBe('Change from 2024');
    expect([fi.locale.number(3.854, 2), en.locale.number(3.854, 2)]).toEqual(['3,85', '3.85']);
    expect(fi.locale.date('2025-03-14')).toBe('14.3.2025');
    expect(en.locale.date('2025-03-14')).toBe('14 March 2025');
  });

  it('lists the total, then every group, with their labels', () => {
    const ctx = pageContext(model, page('en', 2025));
    expect(ctx.domains).toEqual([
      { key: 'total', label: 'All respondents' },
      { key: 'group:A', label: 'Group A' },
      { key: 'group:B', label: 'Group B' },
      { key: 'group:C', label: 'Group C' },
      { key: 'group:D', label: 'Group D' },
    ]);
    expect(ctx.domainLabel('region:s')).toBe('South');
    expect(ctx.domainLabel('group:Z')).toBe('group:Z');
    expect(ctx.dimensions).toEqual(['d3', 'd2']);
  });

  it('knows every route of the site', () => {
    expect(pageContext(model, page('en', 2024, 'areas/d2')).routes).toEqual(routes(model));
  });
});

describe('localeOf', () => {
  it('binds the number formats to a language', () => {
    const fi = localeOf('fi');
    expect([fi.signed(-0.12, 2), fi.percent(0.5), fi.count(12345), fi.p(0.0001)]).toEqual(['\u22120,12', '50\u00a0%', '12\u00a0345', '<\u00a00,001']);
  });
});
