/**
 * Which figures each page shows, in page order, as the sections choose them: the
 * list the figure files are made from, and the proof that a page's anchors and an
 * edition's file names are unique.
 */
import type { EditionModel, ReportModel } from '../model/types.ts';
import type { Lang } from '../study/schema.ts';
import type { FigureView } from './figures.ts';
import { pageContext, type PageContext } from './page-context.ts';
import { chapters, PRINT_SUMMARY_PREFIX, type Route } from './routes.ts';
import { areaView, benchmarkView, driversView, groupView, summaryView, trendFigures } from './sections.ts';

const present = <T>(x: T | undefined): x is T => x !== undefined;

/** The figures of one page of the route table, `summaryPrefix` naming the summary's anchors ("summary", or the print report's). */
function figuresOf(ctx: PageContext, page: Route, summaryPrefix: string): FigureView[] {
  switch (page.kind) {
    case 'summary': {
      const view = summaryView(ctx, summaryPrefix);
      return [view.areas, view.nps].filter(present);
    }
    case 'area': {
      const view = areaView(ctx, page);
      return [view.items, view.distribution, view.groups, view.trend].filter(present);
    }
    case 'group':
      return [groupView(ctx, page).profile];
    case 'section':
      if (page.id === 'drivers') return driversView(ctx).charts.map((c) => c.figure);
      if (page.id === 'trends') return trendFigures(ctx);
      if (page.id === 'benchmark') return [benchmarkView(ctx).figure];
      return [];
    case 'print':
      return chapters(ctx.model, ctx.edition, ctx.lang).flatMap((c) => c.pages.flatMap((p) => figuresOf(ctx, p, PRINT_SUMMARY_PREFIX)));
  }
}

/** The figures of a page (the print report: every chapter's), each anchor unique on the page. */
export function pageFigures(ctx: PageContext): FigureView[] {
  const figures = figuresOf(ctx, ctx.route, 'summary');
  assertUnique(
    figures.map((f) => f.id),
    `the anchors of the figures of ${ctx.route.lang}/${ctx.route.year}/${ctx.route.slug}`,
  );
  return figures;
}

/**
 * Every figure of an edition in one language, once each, in reading order (the print
 * report repeats them): what its SVG and PNG files are made from. File names are
 * unique regardless of case, so that they stay apart on any file system.
 */
export function editionFigures(model: ReportModel, edition: EditionModel, lang: Lang): FigureView[] {
  const figures = chapters(model, edition, lang).flatMap((c) => c.pages.flatMap((page) => pageFigures(pageContext(model, page))));
  assertUnique(
    figures.map((f) => f.file.toLowerCase()),
    `the figure files of ${lang}/${edition.year}`,
  );
  return figures;
}

/** Throws, naming the duplicates, when a name is given twice: a page or folder with two of one name is a fault of Luotain's, not of the study. */
export function assertUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  const twice = new Set(names.filter((n) => seen.has(n) || !seen.add(n)));
  if (twice.size > 0) throw new Error(`${what} are not unique: ${[...twice].join(', ')}`);
}
