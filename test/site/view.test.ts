import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/model/types.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import {
  areasCaption,
  bandRanges,
  bandText,
  benchmarkDescription,
  cellText,
  changeDescription,
  changeText,
  ciText,
  decimalsFor,
  downloadHref,
  headlines,
  nText,
  overviewDimensions,
  pdfFileName,
  shareText,
} from '../../src/site/view.ts';
import { cssString, runningTexts } from '../../src/site/print.ts';
import { formatDate } from '../../src/i18n/index.ts';
import { npsParts, statsIn } from '../../src/site/stats.ts';
import { siteReport } from './fixture.ts';

const model = siteReport();
const study = model.study;
const shown: Cell = { shown: true, estimate: 3.456, se: 0.05, ci: [3.358, 3.554], n: 1234, effectiveN: 1200, band: 'moderate' };
const withheld: Cell = { shown: false, reason: 'base' };
const ctx = pageContext(model, routes(model).find((r) => r.lang === 'en' && r.year === 2025 && r.slug === '')!);

describe('cell texts', () => {
  it('show a figure, "n < base" when withheld and a dash when absent', () => {
    expect(cellText(shown, 'fi', study)).toBe('3,46');
    expect(cellText(withheld, 'fi', study)).toBe('n < 5');
    expect(cellText(undefined, 'en', study)).toBe('–');
    expect(shareText({ ...shown, estimate: 0.42 }, 'en', study)).toBe('42%');
    expect(ciText(shown, 'en')).toBe('3.36–3.55');
    expect(ciText(withheld, 'en')).toBe('–');
    expect(nText(shown, 'en', study)).toBe('1,234');
    expect(nText(withheld, 'en', study)).toBe('n < 5');
    expect(bandText(study, shown, 'en')).toBe('Moderate');
    expect(bandText(study, withheld, 'en')).toBe('–');
  });

  it('show NPS with no decimals and scale means with two', () => {
    expect(decimalsFor({ kind: 'nps' })).toBe(0);
    expect(decimalsFor({ kind: 'dimension' })).toBe(2);
  });

  it('describe changes and benchmarks, starring significant ones', () => {
    const c = { difference: 0.123, se: 0.05, z: 2.46, p: 0.0139, significant: true };
    expect(changeText(c, 'fi')).toBe('+0,12*');
    expect(changeText(undefined, 'fi')).toBe('–');
    expect(changeDescription(c, 'en')).toBe('+0.12 (statistically significant (p < 0.05), p\u00a0=\u00a00.014)');
    expect(changeDescription(undefined, 'en')).toBe('no previous edition');
    expect(benchmarkDescription({ mean: 3.5, comparison: { ...c, difference: -0.02, significant: false } }, 'en')).toBe('3.50 (difference \u22120.02, not statistically significant)');
    expect(benchmarkDescription({ mean: 3.5 }, 'fi')).toBe('3,50');
  });

  it('write the band thresholds from the highest band down', () => {
    expect(bandRanges(study, 'fi').map((b) => b.range)).toEqual(['≥ 4,00', '3,50–3,99', '3,00–3,49', '2,50–2,99', '< 2,50']);
  });
});

describe('edition texts', () => {
  it('name the PDF and the downloads after the study, year, language and version', () => {
    const e = model.editions[1]!;
    expect(pdfFileName(study, e, 'fi')).toBe('model-test-2025-fi-v0.1.pdf');
    expect(downloadHref(study, e, 'csv')).toBe('/downloads/model-test-2025-indicators.csv');
  });

  it('give the headline figures of the edition in the page language', () => {
    const cards = headlines(ctx);
    expect(cards.map((h) => h.id)).toEqual(study.headlines);
    expect(cards[0]).toEqual({
      id: 'idx',
      label: 'Index',
      value: '3.59',
      band: { label: 'Good', colour: '#8cbfe6', textColour: '#000000' },
      change: '±0.00',
      changeLong: '±0.00 (not statistically significant, p\u00a0=\u00a01.000)',
      significant: false,
      n: '32',
    });
    expect(cards[2]).toMatchObject({ id: 'nps', value: '0', change: '±0' });
  });

  it("overview every area in the study's order, or those study.json chooses in its order, and name the chart's markers", () => {
    expect(overviewDimensions(ctx)).toEqual(['d3', 'd2']);
    // An index made of one area no longer narrows the overview to that area.
    const narrow = siteReport({
      indices: [
        { id: 'idx', label: { fi: 'I', en: 'I' }, dimensions: ['d3'] },
        { id: 'sup', label: { fi: 'S', en: 'S' }, items: ['y1', 'y2'] },
      ],
    });
    expect(overviewDimensions(pageContext(narrow, routes(narrow)[0]!))).toEqual(['d3', 'd2']);
    const chosen = siteReport({ summary: { areas: ['d2', 'd3'] } });
    expect(chosen.study.summaryAreas).toEqual(['d2', 'd3']);
    expect(overviewDimensions(pageContext(chosen, routes(chosen)[0]!))).toEqual(['d2', 'd3']);
    const one = siteReport({ summary: { areas: ['d2'] } });
    expect(overviewDimensions(pageContext(one, routes(one)[0]!))).toEqual(['d2']);
    // An area chosen but missing from the edition is left out.
    expect(overviewDimensions({ study: chosen.study, dimensions: ['d3'] })).toEqual(['d3']);
    expect(areasCaption(ctx, ['d3', 'd2'])).toBe('Mean of each area with its 95% confidence interval, the previous edition');
    expect(areasCaption({ ...ctx, edition: model.editions[0]! }, ['d3', 'd2'])).toBe('Mean of each area with its 95% confidence interval');
  });

  it('write dates without the machine locale, and escape CSS strings', () => {
    expect(formatDate('2024-03-05', 'fi')).toBe('5.3.2024');
    expect(formatDate('2024-03-05', 'en')).toBe('5 March 2024');
    expect(formatDate('spring 2024', 'en')).toBe('spring 2024');
    expect(cssString('a "b" <c>\n')).toBe('"a \\22 b\\22  \\3C c\\3E \\A "');
    expect(runningTexts(model, model.editions[1]!, 'en')).toEqual({ lang: 'en', title: 'Model test 2025', organisation: 'Org', version: 'Version 0.1', draft: 'DRAFT' });
  });
});

describe('figures by domain and kind', () => {
  it('list the domains that have figures, in the order asked', () => {
    const nps = ctx.edition.indicators.find((i) => i.id === 'nps')!;
    expect(statsIn(nps, ['group:B', 'group:Z', 'total']).map((s) => s.key)).toEqual(['group:B', 'total']);
  });

  it('give the NPS parts of an NPS and none of a scale indicator', () => {
    const of = (id: string) => ctx.edition.indicators.find((i) => i.id === id)!.stats.total!;
    expect(Object.keys(npsParts(of('nps')) ?? {})).toEqual(['promoters', 'passives', 'detractors']);
    expect(npsParts(of('q1'))).toBeUndefined();
  });
});
