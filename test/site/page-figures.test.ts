import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/index.ts';
import { assertUnique, editionFigures, pageFigures } from '../../src/site/page-figures.ts';
import { pageContext } from '../../src/site/page-context.ts';
import { routes } from '../../src/site/routes.ts';
import { shapeReport, siteReport } from './fixture.ts';

describe('figure ids', () => {
  const model = siteReport();
  const e2025 = model.editions.find((e) => e.year === 2025)!;

  it('names each figure by its section and chart, the same in every language', () => {
    const files = model.study.languages.map((lang) => editionFigures(model, e2025, lang).map((f) => f.file));
    expect(files[0]).toEqual([
      'summary-areas',
      'summary-nps',
      'area-d3-items',
      'area-d3-distribution',
      'area-d3-groups',
      'area-d3-trend',
      'area-d2-items',
      'area-d2-distribution',
      'area-d2-groups',
      'area-d2-trend',
      'group-A-profile',
      'group-B-profile',
      'group-C-profile',
      'group-D-profile',
      'drivers-total',
      'drivers-group-A',
      'drivers-group-B',
      'drivers-group-C',
      'drivers-group-D',
      // The headline indices and the NPS, then the areas.
      'trends-idx',
      'trends-sup',
      'trends-nps',
      'trends-d3',
      'trends-d2',
    ]);
    for (const other of files.slice(1)) expect(other).toEqual(files[0]);
  });

  it('gives the same ids in another build of the same model', () => {
    const again = siteReport();
    const ids = (m: typeof model) => routes(m).flatMap((r) => pageFigures(pageContext(m, r)).map((f) => `${r.lang}/${r.year}/${r.slug}#${f.id}`));
    expect(ids(again)).toEqual(ids(model));
  });

  it('keeps every anchor unique on its page, the print report included, and prefixes the print summary only', () => {
    for (const route of routes(model)) {
      const ids = pageFigures(pageContext(model, route)).map((f) => f.id);
      expect(new Set(ids).size, `${route.lang}/${route.year}/${route.slug}`).toBe(ids.length);
    }
    const print = routes(model).find((r) => r.kind === 'print' && r.lang === 'en' && r.year === 2025)!;
    const figures = pageFigures(pageContext(model, print));
    expect(figures[0]).toMatchObject({ id: 'print-summary-areas', file: 'summary-areas' });
    expect(figures.filter((f) => f.id !== f.file).map((f) => f.id)).toEqual(['print-summary-areas', 'print-summary-nps']);
  });

  it('has figures and unique names in a study without groups, drivers or an NPS', () => {
    const plain = shapeReport({ groups: false, drivers: false });
    for (const lang of plain.study.languages)
      for (const e of plain.editions) {
        const files = editionFigures(plain, e, lang).map((f) => f.file);
        expect(files.length).toBeGreaterThan(0);
        expect(files.some((f) => f.startsWith('drivers-') || f.startsWith('group-'))).toBe(false);
      }
    expect(LANGUAGES).toContain(plain.study.languages[0]);
  });

  it('refuses a name given twice, naming it', () => {
    expect(() => assertUnique(['a', 'b', 'a'], 'the figures of x')).toThrow('the figures of x are not unique: a');
    expect(() => assertUnique(['a', 'b'], 'x')).not.toThrow();
  });
});
