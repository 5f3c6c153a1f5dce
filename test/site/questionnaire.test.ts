// The site's views of a study whose questionnaire changes (test/fixtures/questionnaire):
// q3 is not asked in 2025, q4 not in 2023, q2 breaks in 2025, and the areas' statements change.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { areaView, summaryView, tablesView, trendsHaveGaps } from '../../src/site/sections.ts';
import { meanTable, totalTable, trendFigure } from '../../src/site/figures.ts';
import { questionnaireLoads, questionnaireModel, questionnaireStudy } from '../support/questionnaire.ts';
import { report } from '../model/build.ts';

const model: ReportModel = questionnaireModel();
const ctxOf = (year: number, slug = '', lang: 'en' | 'fi' = 'en') => pageContext(model, routes(model).find((r) => r.lang === lang && r.year === year && r.slug === slug)!);

describe('a changing questionnaire on the site', () => {
  it("an area page lists a statement no longer asked as 'not asked', with no last-year marker across a break", () => {
    const ctx = ctxOf(2025, 'areas/dA');
    const view = areaView(ctx, ctx.route);
    expect(view.items.notes).toEqual(['Not asked in 2025: Responsible.', 'Break in the series of “Open” in 2025: The statement was reworded.']);
    const rows = view.items.table.rows.map((r) => [r[0]!.text, r[1]!.text, r[5]!.text]);
    expect(rows[2]).toEqual(['Responsible', 'not asked', '–']);
    // Reliable is compared with 2024; Open breaks in 2025: no change and no marker.
    expect(rows[0]![2]).toMatch(/^[+−-]?\d\.\d\d\*?$/);
    expect(rows[1]![2]).toBe('–');
    // One last-year ring, Reliable's (the rings are the circles of the white-filled mark; the legend's ring is drawn apart).
    const rings = view.items.svg.match(/<g[^>]*fill="#ffffff"[^>]*>((?:<circle[^>]*>)*)/)?.[1] ?? '';
    expect(rings.match(/<circle/g) ?? []).toHaveLength(1);
    const fi = ctxOf(2025, 'areas/dA', 'fi');
    expect(areaView(fi, fi.route).items.notes).toEqual(['Ei kysytty vuonna 2025: Vastuullinen.', 'Aikasarjan katkos (”Avoin”) vuonna 2025: Väittämä muotoiltiin uudelleen.']);
  });

  it('an earlier edition says nothing of statements first asked later', () => {
    const ctx = ctxOf(2023, 'areas/dB');
    const view = areaView(ctx, ctx.route);
    expect(view.items.notes).toBeUndefined();
    expect(view.items.table.rows.map((r) => r[0]!.text)).toEqual(['Good service']);
  });

  it('the trend table shows the gap, and the break and the changed statements are noted under the chart', () => {
    const q3 = trendFigure(ctxOf(2025), 'q3', 'q3');
    expect(q3.table.head).toEqual(['Stakeholder groups', '2023', '2024', '2025']);
    expect(q3.table.rows.map((r) => r[3]!.text)).toEqual(q3.table.rows.map(() => 'not asked'));
    expect(q3.svg).toContain('not asked');
    const q4 = trendFigure(ctxOf(2025), 'q4', 'q4');
    expect(q4.table.rows[0]![1]!.text).toBe('not asked');
    const q2 = trendFigure(ctxOf(2025), 'q2', 'q2');
    expect(q2.notes).toEqual(['Break in the series in 2025: The statement was reworded.']);
    // No change is starred across the break.
    expect(q2.table.rows.every((r) => !r[3]!.text.endsWith('*'))).toBe(true);
    expect(trendFigure(ctxOf(2025), 'dA', 'dA').notes).toEqual(['The statements changed in 2025; the figures before are not compared.']);
    expect(trendFigure(ctxOf(2025), 'idx', 'idx').notes).toEqual([
      'The statements changed in 2024; the figures before are not compared.',
      'The statements changed in 2025; the figures before are not compared.',
    ]);
    expect(trendFigure(ctxOf(2024), 'q1', 'q1').notes).toBeUndefined();
  });

  it('the headline card says why the index is not compared', () => {
    const card = summaryView(ctxOf(2025), 'summary').cards.find((c) => c.id === 'idx')!;
    expect(card.change).toBe('–');
    expect(card.changeLong).toBe('not compared: its statements changed');
  });

  it('the tables give a row for an item not asked', () => {
    const tables = ctxOf(2025, 'tables');
    const q3 = tablesView(tables, tables.route).find((x) => x.caption === 'Responsible')!;
    expect(q3.rows.map((r) => r.map((c) => c.text))).toEqual([['All respondents', 'not asked']]);
    const all = totalTable(tables, tables.edition.indicators, 'All');
    const row = all.rows.find((r) => r[0]!.text === 'Responsible')!;
    expect(row.map((c) => c.text)).toEqual(['Responsible', 'not asked', ...all.head.slice(2).map(() => '–')]);
    const ctx = ctxOf(2025);
    const table = meanTable(ctx, ['q1', 'q3'], 'total');
    expect(table.rows.map((r) => r.map((c) => c.text)).at(1)).toEqual(['Responsible', 'not asked', '–', '–', '–', '–', '–']);
  });

  it("the trends page explains gaps from the first edition that has one, and a later edition's gaps leave earlier pages alone", () => {
    expect(trendsHaveGaps(ctxOf(2023))).toBe(true); // q4 not asked in 2023
    const study = questionnaireStudy();
    const [, y2024, y2025] = questionnaireLoads(study).map((r) => r.data!);
    const later = report(study, [y2024!, y2025!]);
    const ctx = (year: number) => pageContext(later, routes(later).find((r) => r.lang === 'en' && r.year === year && r.slug === '')!);
    expect(trendsHaveGaps(ctx(2024))).toBe(false);
    expect(trendsHaveGaps(ctx(2025))).toBe(true);
  });
});
